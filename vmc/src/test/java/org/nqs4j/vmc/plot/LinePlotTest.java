package org.nqs4j.vmc.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import javax.imageio.ImageIO;

/** The axes of a {@link LinePlot} where JFreeChart's own choice leaves them unreadable, and the size of its PNG. */
class LinePlotTest {
    private static XYPlot plot(LinePlot p) {
        return p.chart().getXYPlot();
    }

    /** The whole powers of ten inside an axis's range: where a log axis has its labels. */
    private static int decadesIn(Range r) {
        return (int) (Math.floor(Math.log10(r.getUpperBound())) - Math.ceil(Math.log10(r.getLowerBound())) + 1);
    }

    @Test
    void aLonePointIsAMarkerWithItsErrorBarAndItsIterationAnIntegerTick() {
        LinePlot p = new LinePlot("t", "iteration", "E").add(new Series("run", new double[] {0}, new double[] {-2.5},
                new double[] {0.1}));
        XYPlot xy = plot(p);
        assertEquals(0, xy.getDataset(0).getSeriesCount(), "no band: a line needs two points");
        assertEquals(1, xy.getDataset(2).getItemCount(0), "the point is drawn as a marker");
        assertEquals(-2.6, ((org.jfree.data.xy.IntervalXYDataset) xy.getDataset(2)).getStartYValue(0, 0), 1e-12);
        NumberAxis x = (NumberAxis) xy.getDomainAxis();
        assertEquals(new Range(-0.5, 0.5), x.getRange()); // not JFreeChart's ±5E-9
        assertEquals(1.0, x.getStandardTickUnits().getCeilingTickUnit(0.3).getSize(), 0, "integer ticks only");
    }

    @Test
    void aLonePointAtAFractionalXGetsAWindowAroundIt() {
        LinePlot p = new LinePlot("t", "h", "E").addPoints(new Series("sweep", new double[] {0.75}, new double[] {1},
                null));
        ValueAxis x = plot(p).getDomainAxis();
        assertEquals(new Range(0.25, 1.25), x.getRange());
        assertTrue(((NumberAxis) x).getStandardTickUnits().getCeilingTickUnit(0.3).getSize() < 1, "fractional ticks");
    }

    @Test
    void aRangeOfPointsKeepsTheAutomaticDomain() {
        LinePlot p = new LinePlot("t", "iteration", "E").add(new Series("run", new double[] {0, 1, 2},
                new double[] {1, 2, 3}, null));
        assertTrue(plot(p).getDomainAxis().isAutoRange());
    }

    @Test
    void aLogAxisSpanningLessThanTwoPowersOfTenIsWidenedToTheEnclosingDecades() {
        LinePlot p = new LinePlot("t", "iteration", "Var").logY().add(new Series("run", new double[] {0, 1, 2},
                new double[] {1.9, 1.5, 1.2}, null));
        Range r = plot(p).getRangeAxis().getRange();
        assertEquals(1.0, r.getLowerBound(), 1e-9);
        assertEquals(10.0, r.getUpperBound(), 1e-9);
        assertEquals(2, decadesIn(r), "labels at 1 and 10");
        LinePlot lone = new LinePlot("t", "iteration", "Var").logY().add(new Series("run", new double[] {0},
                new double[] {0.031}, null));
        Range one = plot(lone).getRangeAxis().getRange();
        assertEquals(0.01, one.getLowerBound(), 1e-12);
        assertEquals(0.1, one.getUpperBound(), 1e-12);
        LinePlot power = new LinePlot("t", "iteration", "Var").logY().add(new Series("run", new double[] {0},
                new double[] {1e-3}, null));
        assertEquals(2, decadesIn(plot(power).getRangeAxis().getRange()), "a value at a power of ten");
    }

    @Test
    void aConstantSeriesGetsAWindowOfFivePercentAroundIt() {
        LinePlot p = new LinePlot("t", "iteration", "acceptance").add(new Series("run", new double[] {0, 1, 2},
                new double[] {0.96, 0.96, 0.96}, null));
        Range r = plot(p).getRangeAxis().getRange();
        assertEquals(0.96 * 0.95, r.getLowerBound(), 1e-12);
        assertEquals(0.96 * 1.05, r.getUpperBound(), 1e-12);
        LinePlot zero = new LinePlot("t", "iteration", "acceptance").add(new Series("run", new double[] {0},
                new double[] {0}, null));
        assertEquals(new Range(-1, 1), plot(zero).getRangeAxis().getRange());
    }

    /** One pixel per point: 900 × 560, and 900 × 760 with a panel below (the SVG is the copy for HiDPI and print). */
    @Test
    void thePngHasOnePixelPerPoint(@TempDir Path dir) throws IOException {
        Series s = new Series("run", new double[] {0, 1, 2}, new double[] {1, 0.5, 0.25}, null);
        new LinePlot("t", "iteration", "E").add(s).write(dir, "one");
        new LinePlot("t", "iteration", "E").add(s).withPanelBelow(new LinePlot("", "iteration", "err").logY().add(s))
                .write(dir, "two");
        BufferedImage one = ImageIO.read(dir.resolve("one.png").toFile());
        BufferedImage two = ImageIO.read(dir.resolve("two.png").toFile());
        assertEquals(900, one.getWidth());
        assertEquals(560, one.getHeight());
        assertEquals(900, two.getWidth());
        assertEquals(760, two.getHeight());
    }

    /** A run that diverged at once (no finite energy) still gets its plots, with nothing on them. */
    @Test
    void aSeriesWithoutAFinitePointIsDrawnAsAnEmptyPanel(@TempDir Path dir) throws IOException {
        LinePlot p = new LinePlot("t", "iteration", "Var").logY().add(new Series("run", new double[] {0, 1},
                new double[] {Double.NaN, -1}, null));
        p.write(dir, "empty");
        assertTrue(Files.size(dir.resolve("empty.png")) > 0);
        assertTrue(plot(p).getRangeAxis().isAutoRange(), "no range made up from nothing");
    }

    @Test
    void aLogAxisOverSeveralDecadesKeepsItsAutomaticRange() {
        LinePlot p = new LinePlot("t", "iteration", "Var").logY().add(new Series("run", new double[] {0, 1, 2},
                new double[] {10, 1, 0.01}, null));
        ValueAxis y = plot(p).getRangeAxis();
        assertTrue(y.isAutoRange());
        assertFalse(decadesIn(new Range(0.01, 10)) < 2);
    }
}
