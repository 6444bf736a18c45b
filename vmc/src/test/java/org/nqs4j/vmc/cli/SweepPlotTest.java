package org.nqs4j.vmc.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.data.xy.IntervalXYDataset;
import org.junit.jupiter.api.Test;
import org.nqs4j.vmc.config.SweepSpec;

class SweepPlotTest {
    private static Map<String, Object> row(String h, double energyPerSite, double error, Double exact) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("hamiltonian.h", h);
        r.put("status", "completed");
        r.put("n_sites", 16);
        r.put("energy_per_site", energyPerSite);
        r.put("error_per_site", error);
        if (exact != null) {
            r.put("exact", exact);
        }
        return r;
    }

    private static final SweepSpec SWEEP = new SweepSpec(List.of("hamiltonian.h"), List.of(), "test");

    @Test
    void pointsWithErrorBarsTheExactCurveAndTheDeviationBelow() {
        List<Map<String, Object>> rows = List.of(row("0.5", -1.06, 0.001, -16 * 1.0635),
                row("1.0", -1.27, 0.002, -20.40459447));
        JFreeChart chart = SweepTable.plot(SWEEP, rows, "tfim", "units of J").chart();
        List<XYPlot> panels = assertInstanceOf(CombinedDomainXYPlot.class, chart.getXYPlot()).getSubplots();
        XYPlot top = panels.get(0);
        assertEquals("energy per site E/N (units of J)", top.getRangeAxis().getLabel());
        // the VMC points as markers with error bars
        assertInstanceOf(XYErrorRenderer.class, top.getRenderer(2));
        IntervalXYDataset points = (IntervalXYDataset) top.getDataset(2);
        assertEquals("VMC", points.getSeriesKey(0));
        assertEquals(-1.27 + 0.002, points.getEndYValue(0, 1), 1e-15);
        // the exact energy per site as a curve
        assertEquals("exact", top.getDataset(1).getSeriesKey(0));
        assertEquals(-20.40459447 / 16, top.getDataset(1).getYValue(0, 1), 1e-15);
        // below: (E - E_exact)/|E_exact| with its error bar
        IntervalXYDataset dev = (IntervalXYDataset) panels.get(1).getDataset(2);
        double rel = (-1.27 + 20.40459447 / 16) / (20.40459447 / 16);
        assertEquals(rel, dev.getYValue(0, 1), 1e-12);
        assertEquals(0.002 / (20.40459447 / 16), dev.getEndYValue(0, 1) - rel, 1e-12);
    }

    @Test
    void withoutExactValuesThereIsNoCurveAndNoDeviationPanel() {
        JFreeChart chart = SweepTable.plot(SWEEP, List.of(row("0.5", -1.06, 0.001, null)), "tfim", "").chart();
        assertFalse(chart.getXYPlot() instanceof CombinedDomainXYPlot);
        assertEquals(0, chart.getXYPlot().getDataset(1).getSeriesCount());
        assertEquals("energy per site E/N", chart.getXYPlot().getRangeAxis().getLabel());
    }

    /** A molecule: total energies in hartree (not per orbital), with the Hartree-Fock energies as a second curve. */
    @Test
    void aMoleculeShowsTotalEnergiesAndHartreeFock() {
        List<Map<String, Object>> rows = new java.util.ArrayList<>();
        double[][] points = {{0.7, -1.1361874, -1.1361895, -1.1173490}, {1.5, -0.9981468, -0.9981494, -0.9108736}};
        for (double[] p : points) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("hamiltonian.bond_length", String.valueOf(p[0]));
            r.put("status", "completed");
            r.put("n_sites", 2);
            r.put("energy", p[1]);
            r.put("error", 0.0);
            r.put("exact", p[2]);
            r.put("e_hf", p[3]);
            rows.add(r);
        }
        SweepSpec sweep = new SweepSpec(List.of("hamiltonian.bond_length"), List.of(), "test");
        JFreeChart chart = SweepTable.plot(sweep, rows, "h2", "hartree").chart();
        XYPlot top = assertInstanceOf(CombinedDomainXYPlot.class, chart.getXYPlot()).getSubplots().get(0);
        assertEquals("energy E (hartree)", top.getRangeAxis().getLabel());
        assertEquals(-0.9981468, ((IntervalXYDataset) top.getDataset(2)).getYValue(0, 1), 1e-15, "VMC, not per site");
        java.util.Set<Object> curves = new java.util.HashSet<>();
        for (int k = 0; k < top.getDataset(1).getSeriesCount(); k++) {
            curves.add(top.getDataset(1).getSeriesKey(k));
        }
        assertEquals(java.util.Set.of("exact", "Hartree-Fock"), curves);
    }
}
