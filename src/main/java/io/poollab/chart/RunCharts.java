package io.poollab.chart;

import io.poollab.chart.RunSeries.Column;
import io.poollab.db.WaitBucket;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;

/**
 * The run charts, stacked on one elapsed-time axis: each side's pool occupancy (active, idle and pending stacked,
 * the maximumPoolSize line, the server's session count), acquire wait p50/p95/p99 for both sides, and throughput.
 * The same code draws the live view, the replay of a stored run and, later, the reports.
 */
public final class RunCharts {

    private static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font MARKER_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 10);
    /** The smallest wait drawn on the log axis (1 µs); HdrHistogram's resolution is finer, a chart's need not be. */
    private static final double LOG_FLOOR_MS = 0.001;

    private final RunSeries series;
    private final List<SeriesDataset> datasets = new ArrayList<>();
    private final CombinedDomainXYPlot combined;
    private final XYPlot sourcePlot;
    private final XYPlot targetPlot;
    private final XYPlot waitPlot;
    private final XYPlot sourceServerPlot;
    private final XYPlot targetServerPlot;
    private final XYPlot throughputPlot;
    private final XYLineAndShapeRenderer waitRenderer;
    private final JFreeChart chart;
    private ChartTheme theme;
    private boolean logWait;
    private int markersDrawn;
    private float fontScale = 1f;

    /** The charts stacked on the time axis, top to bottom. */
    public enum Panel { SOURCE, TARGET, SOURCE_SERVER, TARGET_SERVER, WAIT, THROUGHPUT }

    public RunCharts(RunSeries series, ChartTheme theme) {
        this.series = series;
        this.theme = theme;
        NumberAxis time = new NumberAxis("elapsed (m:ss)");
        time.setStandardTickUnits(TickFormat.elapsedUnits());
        time.setAutoRangeIncludesZero(true);
        time.setRangeType(org.jfree.data.RangeType.POSITIVE);
        time.setAutoRangeMinimumSize(10);
        combined = new CombinedDomainXYPlot(time);
        combined.setGap(12);
        sourcePlot = occupancy("source", Column.SOURCE_ACTIVE, Column.SOURCE_IDLE, Column.SOURCE_PENDING,
                Column.SOURCE_MAX, Column.SOURCE_SESSIONS, true);
        targetPlot = occupancy("target", Column.TARGET_ACTIVE, Column.TARGET_IDLE, Column.TARGET_PENDING,
                Column.TARGET_MAX, Column.TARGET_SESSIONS, false);
        sourceServerPlot = serverStates("source", true, false);
        targetServerPlot = serverStates("target", false, true);
        waitRenderer = new IsolatedPointRenderer();
        waitPlot = waitPlot();
        throughputPlot = throughputPlot();
        combined.add(sourcePlot, 3);
        combined.add(targetPlot, 3);
        combined.add(sourceServerPlot, 2);
        combined.add(targetServerPlot, 2);
        combined.add(waitPlot, 3);
        combined.add(throughputPlot, 2);
        chart = new JFreeChart(null, LABEL_FONT, combined, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(LABEL_FONT);
        legend.setItemLabelPadding(new RectangleInsets(2, 3, 2, 12));
        applyTheme(theme);
    }

    private XYPlot occupancy(String side, Column active, Column idle, Column pending, Column max, Column sessions,
                             boolean inLegend) {
        SeriesDataset stack = dataset(List.of(active, idle, pending),
                List.of(side + " active", side + " idle", side + " pending"), true);
        // Series 0 is active, 1 active + idle, 2 all three: drawn in reverse order, the largest first.
        XYAreaRenderer areas = new PlainAreaRenderer();
        areas.setSeriesPaint(0, Palette.ACTIVE);
        areas.setSeriesPaint(1, Palette.IDLE);
        areas.setSeriesPaint(2, Palette.PENDING);
        areas.setDefaultSeriesVisibleInLegend(inLegend);
        areas.setLegendItemLabelGenerator((d, s) -> List.of("active", "idle", "pending (waiting)").get(s));
        NumberAxis connections = new NumberAxis(side + " conns");
        connections.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        connections.setAutoRangeMinimumSize(2);
        XYPlot plot = new XYPlot(stack, null, connections, areas);
        SeriesDataset lines = dataset(List.of(max, sessions),
                List.of(side + " maximumPoolSize", side + " DB sessions"), false);
        XYLineAndShapeRenderer limits = new XYLineAndShapeRenderer(true, false);
        limits.setDrawSeriesLineAsPath(true);
        limits.setSeriesStroke(0, Palette.MAX_LINE);
        limits.setSeriesStroke(1, Palette.SESSIONS);
        limits.setDefaultSeriesVisibleInLegend(inLegend);
        limits.setLegendItemLabelGenerator((d, s) -> s == 0 ? "maximumPoolSize" : "DB sessions");
        plot.setDataset(1, lines);
        plot.setRenderer(1, limits);
        return plot;
    }

    /** The side's server sessions stacked by state (pg_stat_activity), on the pools' time axis. */
    private XYPlot serverStates(String side, boolean source, boolean inLegend) {
        List<Column> columns = Column.serverStates(source);
        List<String> keys = new ArrayList<>();
        for (WaitBucket b : WaitBucket.values()) {
            keys.add(side + " server " + b.label());
        }
        SeriesDataset stack = dataset(columns, keys, true);
        XYAreaRenderer areas = new PlainAreaRenderer();
        for (int s = 0; s < columns.size(); s++) {
            areas.setSeriesPaint(s, Palette.SERVER_STATES.get(s));
        }
        areas.setDefaultSeriesVisibleInLegend(inLegend);
        areas.setLegendItemLabelGenerator((d, s) -> "server " + WaitBucket.values()[s].label());
        NumberAxis sessions = new NumberAxis(side + " sessions");
        sessions.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        sessions.setAutoRangeMinimumSize(2);
        return new XYPlot(stack, null, sessions, areas);
    }

    private XYPlot waitPlot() {
        SeriesDataset waits = dataset(List.of(Column.SOURCE_P50, Column.SOURCE_P95, Column.SOURCE_P99,
                        Column.TARGET_P50, Column.TARGET_P95, Column.TARGET_P99),
                List.of("source p50", "source p95", "source p99", "target p50", "target p95", "target p99"), false);
        double[] strengths = {0.55, 0.8, 1.0};
        java.awt.Stroke[] strokes = {Palette.P50, Palette.P95, Palette.P99};
        for (int s = 0; s < 6; s++) {
            Color hue = s < 3 ? Palette.SOURCE : Palette.TARGET;
            waitRenderer.setSeriesPaint(s, Palette.strength(hue, strengths[s % 3]));
            waitRenderer.setSeriesStroke(s, strokes[s % 3]);
        }
        waitRenderer.setDrawSeriesLineAsPath(true);
        java.awt.Shape[] shapes = {new java.awt.geom.Ellipse2D.Double(-2.5, -2.5, 5, 5),
            new java.awt.geom.Rectangle2D.Double(-2.5, -2.5, 5, 5),
            new java.awt.geom.Path2D.Double(new java.awt.Polygon(new int[] {0, 3, -3}, new int[] {-3, 3, 3}, 3))};
        for (int s = 0; s < 6; s++) {
            waitRenderer.setSeriesShape(s, shapes[s % 3]);
        }
        return new XYPlot(waits, null, waitAxis(false), waitRenderer);
    }

    private XYPlot throughputPlot() {
        SeriesDataset rate = dataset(List.of(Column.ROWS_PER_SECOND), List.of("throughput"), false);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setDrawSeriesLineAsPath(true);
        line.setSeriesPaint(0, Palette.THROUGHPUT);
        line.setSeriesStroke(0, new java.awt.BasicStroke(2f));
        line.setLegendItemLabelGenerator((d, s) -> "rows/s");
        NumberAxis rows = new NumberAxis("rows/s written");
        // Whole rows only: an empty chart's 0–1 range would otherwise read "0, 1, 1" (0.5 shown as 1).
        rows.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        rows.setNumberFormatOverride(TickFormat.COMPACT);
        return new XYPlot(rate, null, rows, line);
    }

    private ValueAxis waitAxis(boolean log) {
        String label = "acquire wait" + (log ? " (log)" : "");
        if (log) {
            LogAxis axis = new LogAxis(label);
            axis.setSmallestValue(LOG_FLOOR_MS);
            axis.setNumberFormatOverride(TickFormat.LATENCY);
            axis.setAutoRangeMinimumSize(0.01);
            return axis;
        }
        NumberAxis axis = new NumberAxis(label);
        axis.setNumberFormatOverride(TickFormat.LATENCY);
        axis.setAutoRangeMinimumSize(0.01);
        return axis;
    }

    private SeriesDataset dataset(List<Column> columns, List<String> keys, boolean stacked) {
        SeriesDataset dataset = stacked ? SeriesDataset.stacked(series, columns, keys)
                : SeriesDataset.columns(series, columns, keys);
        datasets.add(dataset);
        return dataset;
    }

    public JFreeChart chart() {
        return chart;
    }

    public RunSeries series() {
        return series;
    }

    /** Redraws after new points or markers: once per drain of the sample queue, one redraw each time. */
    public void refresh() {
        batched(() -> {
            List<RunSeries.Marker> markers = series.markers();
            if (markers.size() < markersDrawn) {
                clearMarkers();
            }
            for (int i = markersDrawn; i < markers.size(); i++) {
                drawMarker(markers.get(i));
            }
            markersDrawn = markers.size();
            datasets.forEach(SeriesDataset::changed);
        });
    }

    /**
     * Makes {@code changes} with the chart's notifications off and announces them once: every dataset, marker,
     * axis or paint change would otherwise redraw the whole chart on its own, since the on-screen canvas draws on
     * each change event. Nested calls join the outer one.
     */
    private void batched(Runnable changes) {
        if (!chart.isNotify()) {
            changes.run();
            return;
        }
        chart.setNotify(false);
        try {
            changes.run();
        } finally {
            chart.setNotify(true);
        }
    }

    private void drawMarker(RunSeries.Marker m) {
        Color paint = m.type().equals("error") || m.type().equals("retry") ? Palette.FAULT : theme.marker();
        for (XYPlot plot : subplots()) {
            ValueMarker marker = new ValueMarker(m.elapsedSeconds(), paint, Palette.MARKER);
            if (plot == sourcePlot) {
                // The label once, on the top chart; the line itself crosses every chart.
                marker.setLabel(m.label());
                marker.setLabelFont(MARKER_FONT);
                marker.setLabelPaint(theme.text());
                marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
                marker.setLabelTextAnchor(TextAnchor.TOP_LEFT);
                marker.setLabelOffset(new RectangleInsets(2, 2, 2, 2));
            }
            plot.addDomainMarker(marker, Layer.FOREGROUND);
        }
    }

    private void clearMarkers() {
        subplots().forEach(p -> p.clearDomainMarkers());
        markersDrawn = 0;
    }

    /** Markers currently drawn on each chart (the same on all of them). */
    public int markersDrawn() {
        return sourcePlot.getDomainMarkers(Layer.FOREGROUND) == null ? 0
                : sourcePlot.getDomainMarkers(Layer.FOREGROUND).size();
    }

    public void setLogWait(boolean log) {
        if (log != logWait) {
            logWait = log;
            ValueAxis axis = waitAxis(log);
            batched(() -> {
                styleAxis(axis);
                waitPlot.setRangeAxis(axis);
            });
        }
    }

    public boolean logWait() {
        return logWait;
    }

    /** Shows or hides one side's wait percentiles (series 0–2 are the source's, 3–5 the target's). */
    public void setWaitVisible(boolean source, boolean target) {
        batched(() -> {
            for (int s = 0; s < 6; s++) {
                waitRenderer.setSeriesVisible(s, s < 3 ? source : target);
            }
        });
    }

    public void applyTheme(ChartTheme newTheme) {
        batched(() -> {
            theme = newTheme;
            chart.setBackgroundPaint(theme.background());
            chart.getLegend().setBackgroundPaint(theme.background());
            chart.getLegend().setItemPaint(theme.text());
            styleAxis(combined.getDomainAxis());
            for (XYPlot plot : subplots()) {
                plot.setBackgroundPaint(theme.plot());
                plot.setDomainGridlinePaint(theme.grid());
                plot.setRangeGridlinePaint(theme.grid());
                plot.setOutlineVisible(false);
                plot.setOrientation(PlotOrientation.VERTICAL);
                styleAxis(plot.getRangeAxis());
            }
            for (XYPlot plot : List.of(sourcePlot, targetPlot)) {
                ((XYLineAndShapeRenderer) plot.getRenderer(1)).setSeriesPaint(0, theme.limit());
                ((XYLineAndShapeRenderer) plot.getRenderer(1)).setSeriesPaint(1, theme.limit());
            }
            int drawn = markersDrawn;
            clearMarkers();
            series.markers().stream().limit(drawn).forEach(this::drawMarker);
            markersDrawn = drawn;
        });
    }

    /**
     * Keeps only {@code panel} on the time axis, for a screen that shows one chart at a time (the demo's
     * presentation); the series behind the others are still kept, so nothing is lost.
     */
    public void showOnly(Panel panel) {
        // Panel lists the plots in the order subplots() does.
        XYPlot keep = subplots().get(panel.ordinal());
        batched(() -> {
            for (XYPlot plot : List.copyOf(combined.getSubplots())) {
                if (plot != keep) {
                    combined.remove(plot);
                }
            }
        });
    }

    /** Makes every label and tick {@code scale} times the screen size: a projector needs 2 or more. */
    public void scaleFonts(float scale) {
        fontScale = scale;
        batched(() -> {
            chart.getLegend().setItemFont(LABEL_FONT.deriveFont(LABEL_FONT.getSize2D() * scale));
            applyTheme(theme);
        });
    }

    private void styleAxis(ValueAxis axis) {
        axis.setLabelFont(LABEL_FONT.deriveFont(LABEL_FONT.getSize2D() * fontScale));
        axis.setTickLabelFont(TICK_FONT.deriveFont(TICK_FONT.getSize2D() * fontScale));
        axis.setLabelPaint(theme.text());
        axis.setTickLabelPaint(theme.text());
        axis.setAxisLinePaint(theme.grid());
        axis.setTickMarkPaint(theme.grid());
    }

    private List<XYPlot> subplots() {
        return List.of(sourcePlot, targetPlot, sourceServerPlot, targetServerPlot, waitPlot, throughputPlot);
    }
}
