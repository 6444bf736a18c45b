package org.nqs4j.vmc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.Marker;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.title.Title;
import org.jfree.data.xy.XYDataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlotsTest {
    private static final double E0 = -7.142296361;

    /** E_i = E0 (1 + 2^-i): the relative error is 2^-i, exactly. */
    private static RunLog converging(String label, int n, double e0, OptionalDouble exact) {
        double[] it = new double[n];
        double[] e = new double[n];
        double[] err = new double[n];
        double[] ones = new double[n];
        for (int i = 0; i < n; i++) {
            it[i] = i;
            e[i] = e0 * (1 + Math.pow(2, -i));
            err[i] = 1e-3;
            ones[i] = 1;
        }
        return new RunLog(label, it, e, err, ones, ones, ones, ones, ones, new double[it.length], "units of J", exact);
    }

    private static List<String> notes(JFreeChart chart) {
        return chart.getSubtitles().stream().filter(TextTitle.class::isInstance)
                .map(t -> ((TextTitle) (Title) t).getText()).toList();
    }

    @Test
    void energyWithExactHasTheExactLineAndALogPanelOfTheRelativeError() {
        JFreeChart chart = RunPlots.energy(List.of(converging("a", 30, E0, OptionalDouble.of(E0))), "t").chart();
        CombinedDomainXYPlot combined = assertInstanceOf(CombinedDomainXYPlot.class, chart.getXYPlot());
        List<XYPlot> panels = combined.getSubplots();
        assertEquals(2, panels.size());
        XYPlot top = panels.get(0);
        assertEquals("energy E (units of J)", top.getRangeAxis().getLabel());
        assertEquals(30, top.getDataset(0).getItemCount(0));
        List<?> markers = List.copyOf(top.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND));
        assertEquals(1, markers.size());
        assertEquals(E0, ((ValueMarker) markers.get(0)).getValue(), 0);
        XYPlot bottom = panels.get(1);
        assertInstanceOf(LogAxis.class, bottom.getRangeAxis());
        XYDataset rel = bottom.getDataset(0);
        // 30 iterations: blocks of one; all 2^-i are positive and drawn
        assertEquals(30, rel.getItemCount(0));
        for (int i = 0; i < 30; i++) {
            assertEquals(Math.pow(2, -i), rel.getYValue(0, i), 1e-12 * Math.pow(2, -i) + 1e-15);
        }
        // the statistical floor sigma/|E0| as a dotted curve
        assertEquals(1e-3 / -E0, bottom.getDataset(1).getYValue(0, 0), 1e-15);
    }

    /** A 1-iteration run: every point visible (markers), the shared x axis at the one iteration. */
    @Test
    void aOneIterationRunDrawsItsPointsAsMarkers() {
        JFreeChart chart = RunPlots.energy(List.of(converging("a", 1, E0, OptionalDouble.of(E0))), "t").chart();
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getXYPlot();
        for (XYPlot panel : combined.getSubplots()) {
            assertEquals(1, panel.getDataset(2).getItemCount(0), "the lone point as a marker");
        }
        assertEquals(new org.jfree.data.Range(-0.5, 0.5), combined.getDomainAxis().getRange());
    }

    @Test
    void gridLinesAreSolidInEveryPanel() {
        JFreeChart chart = RunPlots.energy(List.of(converging("a", 30, E0, OptionalDouble.of(E0))), "t").chart();
        for (XYPlot panel : ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots()) {
            for (Stroke grid : List.of(panel.getDomainGridlineStroke(), panel.getRangeGridlineStroke())) {
                assertNull(assertInstanceOf(BasicStroke.class, grid).getDashArray());
            }
        }
    }

    @Test
    void blockMeansOfLongRunsAndTheirStatisticalError() {
        RunLog r = converging("a", 400, E0, OptionalDouble.of(E0)); // blocks of 4
        XYPlot bottom = ((CombinedDomainXYPlot) RunPlots.energy(List.of(r), "t").chart().getXYPlot()).getSubplots()
                .get(1);
        XYDataset rel = bottom.getDataset(0);
        double expected = (1 + 0.5 + 0.25 + 0.125) / 4; // mean of 2^-i over the first block
        assertEquals(expected, rel.getYValue(0, 0), 1e-12);
        assertEquals(1.5, rel.getXValue(0, 0), 0);
        assertEquals(Math.sqrt(4) * 1e-3 / 4 / -E0, bottom.getDataset(1).getYValue(0, 0), 1e-15);
    }

    @Test
    void withoutExactEnergyThereIsNoLinePanelAndANoteSaysWhy() {
        JFreeChart chart = RunPlots.energy(List.of(converging("lone", 10, E0, OptionalDouble.empty())), "t").chart();
        assertFalse(chart.getXYPlot() instanceof CombinedDomainXYPlot);
        assertTrue(chart.getXYPlot().getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND) == null);
        assertTrue(notes(chart).stream().anyMatch(n -> n.contains("no exact energy known for lone")), notes(chart).toString());
    }

    @Test
    void overlayOfDifferentSystemsDrawsEachRunsOwnExactLine() {
        double e1 = -20.40459447;
        JFreeChart chart = RunPlots.energy(List.of(converging("heis", 10, E0, OptionalDouble.of(E0)),
                converging("tfim", 10, e1, OptionalDouble.of(e1)),
                converging("none", 10, -3, OptionalDouble.empty())), "t").chart();
        XYPlot top = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
        List<Double> lines = top.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).stream()
                .map(m -> ((ValueMarker) (Marker) m).getValue()).toList();
        assertEquals(List.of(E0, e1), lines);
        assertEquals(top.getRenderer(0).getSeriesPaint(1),
                ((Marker) List.copyOf(top.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND)).get(1)).getPaint());
        List<String> notes = notes(chart);
        assertTrue(notes.stream().anyMatch(n -> n.contains("different exact energies")), notes.toString());
        assertTrue(notes.stream().anyMatch(n -> n.contains("no exact energy known for none")), notes.toString());
    }

    @Test
    void runsOfOneSystemShareOneBlackExactLine() {
        JFreeChart chart = RunPlots.energy(List.of(converging("a", 10, E0, OptionalDouble.of(E0)),
                converging("b", 10, E0, OptionalDouble.of(E0))), "t").chart();
        XYPlot top = ((CombinedDomainXYPlot) chart.getXYPlot()).getSubplots().get(0);
        assertEquals(1, top.getRangeMarkers(org.jfree.chart.ui.Layer.FOREGROUND).size());
    }

    @Test
    void readTakesTheUnitFromTheConfigAndTheExactEnergyFromTheSummary(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("log.jsonl"), """
                {"iteration":0,"energy":{"mean":-4.0,"error":0.1,"variance":1.0},"acceptance":0.5,"wall_time_s":0.1}
                {"iteration":1,"energy":{"mean":-4.5,"error":0.1,"variance":0.5},"acceptance":0.4,"wall_time_s":0.2}
                {"iteration":2,"ener""");
        Files.writeString(dir.resolve("config.resolved.yaml"), "hamiltonian:\n  model: j1j2\n  J1: 1.0\n  J2: 0.5\n");
        Files.writeString(dir.resolve("summary.json"), "{\"exact\":{\"energy\":-4.9568}}");
        RunLog log = RunLog.read(dir);
        assertEquals(2, log.size());
        assertEquals("units of J1", log.energyUnit());
        assertEquals(-4.9568, log.exact().orElseThrow(), 0);
        Path out = dir.resolve("plots");
        Files.createDirectories(out);
        RunPlots.write(List.of(log), "t", out);
        for (String f : List.of("energy.png", "energy.svg", "variance.png", "acceptance.svg")) {
            assertTrue(Files.size(out.resolve(f)) > 1000, f);
        }
    }

    /** Reproducible output: the same run drawn twice gives the same SVG bytes (ids named after the file, not the clock). */
    @Test
    void theSameChartGivesTheSameSvgTwice(@TempDir Path dir) throws IOException {
        LinePlot plot = RunPlots.energy(List.of(converging("a", 30, E0, OptionalDouble.of(E0))), "t");
        plot.writeSvg(dir.resolve("one.svg"), 900, 760);
        plot.writeSvg(dir.resolve("two.svg"), 900, 760);
        String one = Files.readString(dir.resolve("one.svg"));
        assertTrue(one.contains("id='one-clip-"), "clip ids carry the file's name");
        assertEquals(one.replace("one-clip-", "two-clip-"), Files.readString(dir.resolve("two.svg")));
    }

    /** The plots are drawn side by side: a write that fails still reaches the caller as an IOException. */
    @Test
    void aFolderThatCannotBeWrittenIsAnIOException(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("file"), "");
        RunLog log = converging("a", 8, E0, OptionalDouble.of(E0));
        assertThrows(IOException.class, () -> RunPlots.write(List.of(log), "t", notAFolder));
    }

    @Test
    void energyUnitNamesTheCouplingAndItsValueWhenNotOne() {
        assertEquals("units of J", EnergyUnit.of("heisenberg", Map.of("J", 1.0)));
        assertEquals("units in which J = 2.0", EnergyUnit.of("ising", Map.of("J", 2.0, "h", 1.0)));
        assertEquals("units of the Pauli-string coefficients", EnergyUnit.of("pauli", Map.of()));
        assertEquals("units of t", EnergyUnit.of("hubbard", Map.of("t", 1.0, "U", 4.0)));
        assertEquals("units of J", EnergyUnit.of("bose_hubbard", Map.of("J", 1.0, "U", 4.0)));
        assertEquals("hartree", EnergyUnit.of("molecule", Map.of("e_hf", -1.1)));
    }
}
