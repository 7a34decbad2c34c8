package io.poollab.chart;

import io.poollab.chart.RunSeries.Column;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleEdge;

/**
 * Runs overlaid on elapsed time for a comparison: throughput, connections in use (both pools) and the worse pool's
 * p95 acquire wait. One hue per run, the baseline drawn thicker; each run's resize markers in its own hue.
 */
public final class OverlayCharts {

    /** Hues for runs 1–4 (Okabe–Ito, avoiding the colours that mean active, idle or pending). */
    public static final List<Color> RUN_HUES = List.of(new Color(0x000000), new Color(0xCC79A7),
            new Color(0x009E73), new Color(0xD55E00));
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    private final List<RunSeries> runs;
    private final List<String> labels;
    private final JFreeChart chart;
    private final List<XYPlot> plots;
    private final List<XYLineAndShapeRenderer> renderers;

    /** @param labels one per run, e.g. "run 12 (baseline)" */
    public OverlayCharts(List<RunSeries> runs, List<String> labels, ChartTheme theme) {
        if (runs.size() > RUN_HUES.size()) {
            throw new IllegalArgumentException("at most " + RUN_HUES.size() + " runs can be overlaid");
        }
        this.runs = List.copyOf(runs);
        this.labels = List.copyOf(labels);
        NumberAxis time = new NumberAxis("elapsed (m:ss)");
        time.setStandardTickUnits(TickFormat.elapsedUnits());
        time.setRangeType(org.jfree.data.RangeType.POSITIVE);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(time);
        combined.setGap(10);
        XYLineAndShapeRenderer rate = renderer(true);
        XYLineAndShapeRenderer occupancy = renderer(false);
        XYLineAndShapeRenderer wait = renderer(false);
        NumberAxis rowsAxis = new NumberAxis("rows/s written");
        // Whole rows only: an empty chart's 0–1 range would otherwise read "0, 1, 1" (0.5 shown as 1).
        rowsAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        rowsAxis.setNumberFormatOverride(TickFormat.COMPACT);
        NumberAxis activeAxis = new NumberAxis("connections in use");
        activeAxis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis waitAxis = new NumberAxis("p95 acquire wait");
        waitAxis.setNumberFormatOverride(TickFormat.LATENCY);
        XYPlot ratePlot = new XYPlot(dataset((r, i) -> r.y(Column.ROWS_PER_SECOND, i)), null, rowsAxis, rate);
        XYPlot activePlot = new XYPlot(dataset((r, i) -> sum(r.y(Column.SOURCE_ACTIVE, i),
                r.y(Column.TARGET_ACTIVE, i))), null, activeAxis, occupancy);
        XYPlot waitPlot = new XYPlot(dataset((r, i) -> max(r.y(Column.SOURCE_P95, i), r.y(Column.TARGET_P95, i))),
                null, waitAxis, wait);
        combined.add(ratePlot, 1);
        combined.add(activePlot, 1);
        combined.add(waitPlot, 1);
        plots = List.of(ratePlot, activePlot, waitPlot);
        renderers = List.of(rate, occupancy, wait);
        chart = new JFreeChart(null, LABEL_FONT, combined, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(LABEL_FONT);
        markers();
        applyTheme(theme);
    }

    private XYLineAndShapeRenderer renderer(boolean inLegend) {
        XYLineAndShapeRenderer r = new IsolatedPointRenderer();
        r.setDrawSeriesLineAsPath(true);
        for (int s = 0; s < runs.size(); s++) {
            r.setSeriesPaint(s, RUN_HUES.get(s));
            r.setSeriesStroke(s, new BasicStroke(s == 0 ? 3f : 1.5f));
            r.setSeriesShape(s, new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5));
        }
        r.setDefaultSeriesVisibleInLegend(inLegend);
        return r;
    }

    private void markers() {
        for (int s = 0; s < runs.size(); s++) {
            for (RunSeries.Marker m : runs.get(s).markers()) {
                for (XYPlot plot : plots) {
                    ValueMarker marker = new ValueMarker(m.elapsedSeconds(), RUN_HUES.get(s), Palette.MARKER);
                    if (plot == plots.get(0)) {
                        marker.setLabel(m.label());
                        marker.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
                        marker.setLabelPaint(RUN_HUES.get(s));
                        marker.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
                        marker.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
                    }
                    plot.addDomainMarker(marker, Layer.FOREGROUND);
                }
            }
        }
    }

    /** Shows or hides run {@code index} in every chart. */
    public void setRunVisible(int index, boolean visible) {
        renderers.forEach(r -> r.setSeriesVisible(index, visible));
    }

    public JFreeChart chart() {
        return chart;
    }

    public void applyTheme(ChartTheme theme) {
        chart.setBackgroundPaint(theme.background());
        chart.getLegend().setBackgroundPaint(theme.background());
        chart.getLegend().setItemPaint(theme.text());
        CombinedDomainXYPlot combined = (CombinedDomainXYPlot) chart.getPlot();
        style(combined.getDomainAxis(), theme);
        for (XYPlot plot : plots) {
            plot.setBackgroundPaint(theme.plot());
            plot.setDomainGridlinePaint(theme.grid());
            plot.setRangeGridlinePaint(theme.grid());
            plot.setOutlineVisible(false);
            style(plot.getRangeAxis(), theme);
        }
        if (theme == ChartTheme.DARK) {
            renderers.forEach(r -> r.setSeriesPaint(0, new Color(0xE6EDF3)));
        } else {
            renderers.forEach(r -> r.setSeriesPaint(0, RUN_HUES.get(0)));
        }
    }

    private static void style(org.jfree.chart.axis.ValueAxis axis, ChartTheme theme) {
        axis.setLabelFont(LABEL_FONT);
        axis.setLabelPaint(theme.text());
        axis.setTickLabelPaint(theme.text());
        axis.setAxisLinePaint(theme.grid());
    }

    /** The same value of every run, one series per run. */
    private SeriesDataset dataset(SeriesDataset.Value value) {
        SeriesDataset dataset = new SeriesDataset();
        for (int s = 0; s < runs.size(); s++) {
            dataset.add(labels.get(s), runs.get(s), value);
        }
        return dataset;
    }

    private static double sum(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : a + b;
    }

    private static double max(double a, double b) {
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.max(a, b);
    }
}
