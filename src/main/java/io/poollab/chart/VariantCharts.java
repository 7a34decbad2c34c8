package io.poollab.chart;

import io.poollab.demo.Slides;
import io.poollab.demo.VariantStats;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * One bar per variant of a demo scenario, for one metric: the mean of its successful repeats, its value written on
 * the bar in the metric's unit. The colour follows the chart vocabulary: throughput green, waits orange,
 * connections blue.
 */
public final class VariantCharts {

    private VariantCharts() {
    }

    /**
     * @param scale font size factor: 1 on a page, 2 or more on a projector
     */
    public static JFreeChart bars(List<VariantStats> variants, Slides.Metric metric, ChartTheme theme, float scale) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (VariantStats v : variants) {
            double value = metric.of(v);
            if (!Double.isNaN(value)) {
                data.addValue(value, metric.axis(), v.variant());
            }
        }
        NumberAxis values = new NumberAxis(metric.axis());
        values.setNumberFormatOverride(metric == Slides.Metric.ROWS_PER_SECOND ? TickFormat.COMPACT
                : new TickFormat(metric::format));
        values.setUpperMargin(0.15);
        if (metric == Slides.Metric.CONNECTIONS) {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        BarRenderer bars = new BarRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setMaximumBarWidth(0.18);
        bars.setSeriesPaint(0, colour(metric));
        bars.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", new TickFormat(metric::format)));
        bars.setDefaultItemLabelsVisible(true);
        bars.setDefaultItemLabelFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.round(13 * scale)));
        bars.setDefaultItemLabelPaint(theme.text());
        CategoryAxis names = new CategoryAxis();
        CategoryPlot plot = new CategoryPlot(data, names, values, bars);
        plot.setOrientation(PlotOrientation.VERTICAL);
        plot.setBackgroundPaint(theme.plot());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setOutlineVisible(false);
        JFreeChart chart = new JFreeChart(null, null, plot, false);
        chart.setBackgroundPaint(theme.background());
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(12 * scale));
        Font tick = new Font(Font.SANS_SERIF, Font.PLAIN, Math.round(11 * scale));
        for (var axis : List.of(names, values)) {
            axis.setLabelFont(label);
            axis.setTickLabelFont(tick);
            axis.setLabelPaint(theme.text());
            axis.setTickLabelPaint(theme.text());
            axis.setAxisLinePaint(theme.grid());
        }
        names.setTickLabelFont(label);
        return chart;
    }

    static Color colour(Slides.Metric metric) {
        return switch (metric) {
            case ROWS_PER_SECOND -> Palette.THROUGHPUT;
            case P95_WAIT, ACQUIRE_SHARE -> Palette.PENDING;
            case CONNECTIONS -> Palette.ACTIVE;
        };
    }
}
