package org.nqs4j.vmc.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.nqs4j.vmc.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.svg.SVGGraphics2D;

/**
 * A line chart of one or more {@link Series} with error bands and optional horizontal reference
 * lines (e.g. the exact energy), written as PNG and SVG with JFreeChart and JFreeSVG.
 */
public final class LinePlot {
    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c),
        new Color(0xff7f0e), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2), new Color(0x17becf)};

    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final List<Series> series = new ArrayList<>();
    private final List<String> lineLabels = new ArrayList<>();
    private final List<Double> lineValues = new ArrayList<>();
    private boolean logY;

    public LinePlot(String title, String xLabel, String yLabel) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
    }

    public LinePlot add(Series s) {
        series.add(s);
        return this;
    }

    /** A dashed horizontal line at {@code value}, e.g. the exact ground-state energy. */
    public LinePlot referenceLine(String label, double value) {
        lineLabels.add(label);
        lineValues.add(value);
        return this;
    }

    /** Logarithmic y axis (for variances and relative errors); non-positive points are left out. */
    public LinePlot logY() {
        this.logY = true;
        return this;
    }

    JFreeChart chart() {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        DeviationRenderer renderer = new DeviationRenderer(true, false);
        for (int k = 0; k < series.size(); k++) {
            Series s = series.get(k);
            YIntervalSeries ys = new YIntervalSeries(s.label() + (k > 0 && series.subList(0, k).stream()
                    .anyMatch(o -> o.label().equals(s.label())) ? " (" + (k + 1) + ")" : ""));
            for (int i = 0; i < s.x().length; i++) {
                double y = s.y()[i];
                double e = s.error() == null || !Double.isFinite(s.error()[i]) ? 0 : s.error()[i];
                if (!Double.isFinite(y) || (logY && y <= 0)) {
                    continue;
                }
                double lo = logY ? Math.max(y - e, y * 1e-3) : y - e;
                ys.add(s.x()[i], y, lo, y + e);
            }
            data.addSeries(ys);
            Color c = PALETTE[k % PALETTE.length];
            renderer.setSeriesPaint(k, c);
            renderer.setSeriesFillPaint(k, c);
            renderer.setSeriesStroke(k, new BasicStroke(1.5f));
        }
        renderer.setAlpha(0.25f);
        NumberAxis x = new NumberAxis(xLabel);
        x.setAutoRangeIncludesZero(false);
        ValueAxis y;
        if (logY) {
            LogAxis log = new LogAxis(yLabel);
            log.setSmallestValue(1e-15);
            y = log;
        } else {
            NumberAxis linear = new NumberAxis(yLabel);
            linear.setAutoRangeIncludesZero(false);
            y = linear;
        }
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        for (int k = 0; k < lineValues.size(); k++) {
            ValueMarker m = new ValueMarker(lineValues.get(k), Color.BLACK, new BasicStroke(1.2f,
                    BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 1f, new float[] {6f, 4f}, 0f));
            m.setLabel(lineLabels.get(k));
            m.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            m.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
            m.setLabelTextAnchor(TextAnchor.BOTTOM_RIGHT);
            plot.addRangeMarker(m);
        }
        if (!lineValues.isEmpty() && !logY) {
            includeReferenceLines(y, data);
        }
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 14), plot, series.size() > 1);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** Keeps the reference lines in view: the axis spans the data and the lines. */
    private void includeReferenceLines(ValueAxis y, YIntervalSeriesCollection data) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < data.getSeriesCount(); s++) {
            for (int i = 0; i < data.getItemCount(s); i++) {
                lo = Math.min(lo, data.getYValue(s, i));
                hi = Math.max(hi, data.getYValue(s, i));
            }
        }
        for (double v : lineValues) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        if (Double.isFinite(lo) && hi > lo) {
            double pad = 0.05 * (hi - lo);
            y.setRange(lo - pad, hi + pad);
        }
    }

    public void writePng(Path file, int width, int height) throws IOException {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        AtomicFiles.write(file, png.toByteArray()); // never a truncated image, whatever fails
    }

    public void writeSvg(Path file, int width, int height) throws IOException {
        SVGGraphics2D g = new SVGGraphics2D(width, height);
        chart().draw(g, new Rectangle2D.Double(0, 0, width, height));
        AtomicFiles.write(file, g.getSVGDocument());
    }

    /** Writes {@code base.png} and {@code base.svg}. */
    public void write(Path dir, String base) throws IOException {
        writePng(dir.resolve(base + ".png"), 900, 560);
        writeSvg(dir.resolve(base + ".svg"), 900, 560);
    }
}
