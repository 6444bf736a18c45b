package org.nqs4j.vmc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nqs4j.vmc.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A chart of one or more {@link Series}, written as PNG and SVG with JFreeChart and JFreeSVG: data
 * drawn as lines with an error band ({@link #add}, e.g. the energy per iteration) or as markers with
 * error bars ({@link #addPoints}, e.g. one point per sweep value), reference curves and horizontal
 * lines (the exact values), notes under the title, and an optional second panel below that shares
 * the x axis ({@link #withPanelBelow}, e.g. the relative error on a log scale).
 */
public final class LinePlot {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};
    /** The colour of a curve or line that belongs to no data series (e.g. the one exact line). */
    public static final int BLACK = -1;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font NOTE_FONT = new Font(Font.SANS_SERIF, Font.ITALIC, 12);
    private static final BasicStroke GRID = new BasicStroke(0.5f);

    private record Data(Series series, boolean markers) {
    }

    private record Curve(Series series, int colourOf, boolean dotted) {
    }

    private record Line(String label, double value, int colourOf) {
    }

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Data> data = new ArrayList<>();
    private final List<Curve> curves = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private LinePlot below;
    private boolean logY;

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    /** A data series drawn as a line with its error as a shaded band; colour index = order of adding. */
    public LinePlot add(Series s) {
        data.add(new Data(s, false));
        return this;
    }

    /** A data series drawn as markers with error bars (e.g. a sweep), not joined. */
    public LinePlot addPoints(Series s) {
        data.add(new Data(s, true));
        return this;
    }

    /**
     * A reference curve (e.g. the exact energy at each sweep point) drawn as a solid line, in the
     * colour of data series {@code colourOf} or {@link #BLACK}; its error is ignored.
     */
    public LinePlot addCurve(Series s, int colourOf) {
        curves.add(new Curve(s, colourOf, false));
        return this;
    }

    /** As {@link #addCurve} but dotted and left out of the legend (e.g. a statistical-error floor). */
    public LinePlot addDottedCurve(Series s, int colourOf) {
        curves.add(new Curve(s, colourOf, true));
        return this;
    }

    /** A dashed black horizontal line at {@code value}, e.g. the exact ground-state energy. */
    public LinePlot referenceLine(String label, double value) {
        return referenceLine(label, value, BLACK);
    }

    /** A dashed horizontal line in the colour of data series {@code colourOf} (or {@link #BLACK}). */
    public LinePlot referenceLine(String label, double value, int colourOf) {
        lines.add(new Line(label, value, colourOf));
        return this;
    }

    /** A line of text under the title, e.g. why a run has no exact line. */
    public LinePlot note(String text) {
        notes.add(text);
        return this;
    }

    /** Logarithmic y axis (for variances and relative errors); non-positive points are left out. */
    public LinePlot logY() {
        this.logY = true;
        return this;
    }

    /**
     * Draws {@code panel} (its y label, data and lines; its title and x label are not used) below
     * this one, sharing the x axis; its series stay out of the legend, which this panel's explain.
     */
    public LinePlot withPanelBelow(LinePlot panel) {
        this.below = panel;
        return this;
    }

    /** The chart as drawn (tests read its datasets, axes and markers). */
    public JFreeChart chart() {
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        fitDomain(x);
        style(x);
        XYPlot plot;
        if (below == null) {
            plot = panel(x, true);
        } else {
            CombinedDomainXYPlot combined = new CombinedDomainXYPlot(x);
            combined.setGap(12);
            combined.add(panel(null, true), 3);
            combined.add(below.panel(null, false), 2);
            plot = combined;
        }
        int legendItems = plot.getLegendItems().getItemCount();
        JFreeChart chart = new JFreeChart(title, TITLE_FONT, plot, legendItems > 1);
        chart.setBackgroundPaint(Color.WHITE);
        if (chart.getLegend() != null) {
            chart.getLegend().setItemFont(TICK_FONT);
        }
        for (String n : notes) {
            chart.addSubtitle(new TextTitle(n, NOTE_FONT));
        }
        return chart;
    }

    /** One panel: bands (dataset 0), curves (1) and markers (2), drawn in that order. */
    private XYPlot panel(ValueAxis x, boolean inLegend) {
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        YIntervalSeriesCollection points = new YIntervalSeriesCollection();
        DeviationRenderer bandRenderer = new DeviationRenderer(true, false);
        XYErrorRenderer pointRenderer = new XYErrorRenderer();
        pointRenderer.setCapLength(5);
        pointRenderer.setDefaultLinesVisible(false); // the points are measurements, not a curve
        for (int k = 0; k < data.size(); k++) {
            Data d = data.get(k);
            YIntervalSeries ys = intervals(d.series(), uniqueLabel(k));
            // a line needs two points: a lone one (a 1-iteration run) is drawn as a marker with its error bar
            boolean markers = d.markers() || ys.getItemCount() < 2;
            YIntervalSeriesCollection target = markers ? points : bands;
            XYLineAndShapeRenderer r = markers ? pointRenderer : bandRenderer;
            int index = target.getSeriesCount();
            target.addSeries(ys);
            Color c = PALETTE[k % PALETTE.length];
            r.setSeriesPaint(index, c);
            r.setSeriesFillPaint(index, c);
            r.setSeriesStroke(index, new BasicStroke(markers ? 1.0f : 1.6f));
            r.setSeriesShape(index, new Ellipse2D.Double(-4, -4, 8, 8));
            r.setSeriesVisibleInLegend(index, inLegend);
        }
        bandRenderer.setAlpha(0.25f);
        XYSeriesCollection curveData = new XYSeriesCollection();
        XYLineAndShapeRenderer curveRenderer = new XYLineAndShapeRenderer(true, false);
        for (int k = 0; k < curves.size(); k++) {
            Curve c = curves.get(k);
            XYSeries xy = new XYSeries(c.series().label(), false, true);
            for (int i = 0; i < c.series().x().length; i++) {
                double y = c.series().y()[i];
                if (Double.isFinite(y) && !(logY && y <= 0)) {
                    xy.add(c.series().x()[i], y);
                }
            }
            curveData.addSeries(xy);
            curveRenderer.setSeriesShapesVisible(k, xy.getItemCount() == 1); // a lone point, else nothing is drawn
            curveRenderer.setSeriesShape(k, new Ellipse2D.Double(-3, -3, 6, 6));
            curveRenderer.setSeriesPaint(k, colour(c.colourOf()));
            curveRenderer.setSeriesStroke(k, c.dotted()
                    ? new BasicStroke(1.2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f, new float[] {1.5f, 3f}, 0f)
                    : new BasicStroke(2.2f));
            curveRenderer.setSeriesVisibleInLegend(k, inLegend && !c.dotted());
        }
        ValueAxis y = yAxis();
        XYPlot plot = new XYPlot(bands, x, y, bandRenderer);
        plot.setDataset(1, curveData);
        plot.setRenderer(1, curveRenderer);
        plot.setDataset(2, points);
        plot.setRenderer(2, pointRenderer);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlinePaint(Color.GRAY);
        // solid grid lines: JFreeChart's default dashes made each vertical line some 175 dashes that
        // the rasteriser filled one by one, a third of a short run's plotting in Java (JFR samples;
        // benchmarks/README.md, "Session 26: start-up")
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDomainGridlineStroke(GRID);
        plot.setRangeGridlineStroke(GRID);
        for (Line l : lines) {
            ValueMarker m = new ValueMarker(l.value(), colour(l.colourOf()), new BasicStroke(1.4f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {7f, 4f}, 0f));
            m.setLabel(l.label());
            m.setLabelFont(TICK_FONT);
            m.setLabelPaint(colour(l.colourOf()));
            m.setLabelBackgroundColor(new Color(255, 255, 255, 210));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        fitRange(y, bands, points, curveData);
        return plot;
    }

    /**
     * The y range where JFreeChart's own choice would hide something. The reference lines are kept in
     * view (the axis spans the data, their bands, the curves and the lines). A range of one value (a
     * 1-iteration run, an acceptance that never moved) is widened by 5 % of the value around it, where
     * JFreeChart's minimum width (10⁻⁸) gave twenty ticks that all read 9.602978E-1. Ticks on a log
     * axis stand at whole powers of ten: when everything spans fewer than two of them (one point, a
     * variance that moved by less than a decade) the axis would carry one label or none, and it spans
     * the enclosing decades instead.
     */
    private void fitRange(ValueAxis y, YIntervalSeriesCollection bands, YIntervalSeriesCollection points,
                          XYSeriesCollection curveData) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (YIntervalSeriesCollection d : List.of(bands, points)) {
            for (int s = 0; s < d.getSeriesCount(); s++) {
                for (int i = 0; i < d.getItemCount(s); i++) {
                    lo = Math.min(lo, d.getStartYValue(s, i));
                    hi = Math.max(hi, d.getEndYValue(s, i));
                }
            }
        }
        for (int s = 0; s < curveData.getSeriesCount(); s++) {
            for (int i = 0; i < curveData.getItemCount(s); i++) {
                lo = Math.min(lo, curveData.getYValue(s, i));
                hi = Math.max(hi, curveData.getYValue(s, i));
            }
        }
        for (Line l : lines) {
            if (!logY || l.value() > 0) {
                lo = Math.min(lo, l.value());
                hi = Math.max(hi, l.value());
            }
        }
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) {
            return; // nothing to draw: JFreeChart's default range
        }
        if (logY) {
            double a = Math.floor(Math.log10(lo));
            if (Math.floor(Math.log10(hi)) - Math.ceil(Math.log10(lo)) + 1 < 2) {
                // (a hair wider: 10^a in floating point may sit above the power itself, dropping its tick)
                y.setRange(Math.pow(10, a) * (1 - 1e-12), Math.pow(10, Math.max(Math.ceil(Math.log10(hi)), a + 1))
                        * (1 + 1e-12));
            }
        } else if (hi - lo <= 1e-9 * Math.max(Math.abs(lo), Math.abs(hi))) {
            double half = lo == 0 && hi == 0 ? 1 : 0.05 * Math.max(Math.abs(lo), Math.abs(hi));
            y.setRange(lo - half, hi + half);
        } else if (!lines.isEmpty()) {
            double pad = 0.05 * (hi - lo);
            y.setRange(lo - pad, hi + 2 * pad); // room above for the line labels
        }
    }

    /**
     * A degenerate x range (every point at one x: a 1-iteration run) widened around that x, where
     * JFreeChart's own minimum width (10⁻⁸) gave a dozen ticks such as 5E-10; integer data (iterations,
     * indices) get integer ticks only.
     */
    private void fitDomain(NumberAxis x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean integers = true;
        for (LinePlot p : below == null ? List.of(this) : List.of(this, below)) {
            List<Series> all = new ArrayList<>();
            p.data.forEach(d -> all.add(d.series()));
            p.curves.forEach(c -> all.add(c.series()));
            for (Series s : all) {
                for (double v : s.x()) {
                    if (Double.isFinite(v)) {
                        lo = Math.min(lo, v);
                        hi = Math.max(hi, v);
                        integers &= v == Math.rint(v);
                    }
                }
            }
        }
        if (lo > hi) {
            return; // no data: JFreeChart's default range
        }
        if (integers) {
            x.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        if (lo == hi) {
            double half = integers ? 0.5 : Math.max(0.5, 0.1 * Math.abs(lo));
            x.setRange(lo - half, hi + half);
        }
    }

    /** The points of {@code s} with their error; on a log axis the non-positive ones are left out. */
    private YIntervalSeries intervals(Series s, String label) {
        YIntervalSeries ys = new YIntervalSeries(label);
        for (int i = 0; i < s.x().length; i++) {
            double y = s.y()[i];
            double e = s.error() == null || !Double.isFinite(s.error()[i]) ? 0 : s.error()[i];
            if (!Double.isFinite(y) || (logY && y <= 0)) {
                continue;
            }
            double lo = logY ? Math.max(y - e, y * 1e-3) : y - e;
            ys.add(s.x()[i], y, lo, y + e);
        }
        return ys;
    }

    /** The label of data series k, numbered when an earlier series has the same one. */
    private String uniqueLabel(int k) {
        String label = data.get(k).series().label();
        boolean repeated = data.subList(0, k).stream().anyMatch(o -> o.series().label().equals(label));
        return repeated ? label + " (" + (k + 1) + ")" : label;
    }

    private static Color colour(int colourOf) {
        return colourOf == BLACK ? Color.BLACK : PALETTE[colourOf % PALETTE.length];
    }

    private ValueAxis yAxis() {
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(1e-15);
            TickUnits decades = new TickUnits(); // ticks at whole powers of ten, never 10^0.2
            for (double step : new double[] {1, 2, 5, 10}) {
                decades.add(new NumberTickUnit(step));
            }
            log.setStandardTickUnits(decades);
            y = log;
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        style(y);
        return y;
    }

    private static void style(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT);
        axis.setTickLabelFont(TICK_FONT);
    }

    /**
     * A PNG of {@code width} × {@code height} pixels, one per point (a run's plots: 900 × 560, more
     * than matplotlib's default 640 × 480); the SVG beside it is the copy for print and for HiDPI
     * screens. Until session 32 the PNGs were drawn at twice the resolution: four times the pixels to
     * rasterise and deflate, 0.07 s of the 0.80 s that a 1-iteration run takes (12 interleaved pairs,
     * 12 faster; benchmarks/README.md, "Session 32").
     */
    public void writePng(Path file, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        AtomicFiles.write(file, PngEncoder.encode(img)); // never a truncated image, whatever fails
    }

    public void writeSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        // ids of clip paths and gradients: JFreeSVG's default prefix is the clock's nanoseconds, which made
        // every SVG differ from the last; the file's name keeps them distinct when several are inlined
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        g.setDefsKeyPrefix((dot < 0 ? name : name.substring(0, dot)) + "-");
        chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
        AtomicFiles.write(file, g.getSVGDocument());
    }

    /** Writes {@code base.png} and {@code base.svg}; taller when there is a panel below. */
    public void write(Path dir, String base) throws IOException {
        int height = below == null ? 560 : 760;
        writePng(dir.resolve(base + ".png"), 900, height);
        writeSvg(dir.resolve(base + ".svg"), 900, height);
    }
}
