package io.poollab.ui.chart;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.RunCharts;
import io.poollab.chart.RunSeries;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/**
 * The run charts on screen: one JFreeChart viewer (occupancy per side, acquire wait, throughput on one time axis)
 * with the wait chart's toggles. Used by the live Run view and the History replay alike.
 */
public final class RunChartPane extends VBox {

    private final ChartViewer viewer = new ChartViewer(null);
    private final CheckBox log = new CheckBox("log scale");
    private final CheckBox source = new CheckBox("source wait");
    private final CheckBox target = new CheckBox("target wait");
    private final Label caption = new Label();
    private RunCharts charts;
    private ChartTheme theme;

    // Held so that the theme binding lives as long as the pane.
    private final ObservableValue<ChartTheme> themeProperty;

    public RunChartPane(ObservableValue<ChartTheme> themeProperty) {
        this.themeProperty = themeProperty;
        getStyleClass().add("run-charts");
        theme = themeProperty.getValue();
        themeProperty.addListener((o, was, now) -> {
            theme = now;
            if (charts != null) {
                charts.applyTheme(now);
            }
        });
        log.setTooltip(new Tooltip("Acquire wait on a logarithmic axis, so 20 µs and 200 ms are both readable"));
        source.setTooltip(new Tooltip("Show the source pool's acquire wait p50 (solid), p95 (dashed), p99 (dotted)"));
        target.setTooltip(new Tooltip("Show the target pool's acquire wait p50 (solid), p95 (dashed), p99 (dotted)"));
        caption.getStyleClass().add("chart-caption");
        caption.setTooltip(new Tooltip("Each point is one sample interval; long runs merge neighbouring points "
                + "(gauges and rates averaged, wait percentiles keep their maximum)"));
        source.setSelected(true);
        target.setSelected(true);
        log.selectedProperty().addListener((o, was, now) -> apply());
        source.selectedProperty().addListener((o, was, now) -> apply());
        target.selectedProperty().addListener((o, was, now) -> apply());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox bar = new HBox(14, caption, spacer, source, target, log);
        bar.getStyleClass().add("chart-toolbar");
        bar.setPadding(new Insets(0, 8, 0, 8));
        viewer.setMinHeight(220);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        getChildren().addAll(bar, viewer);
        show(new RunSeries());
    }

    /** Shows a (new) series: a fresh live run, or a stored run being replayed. */
    public void show(RunSeries series) {
        charts = new RunCharts(series, theme);
        apply();
        viewer.setChart(charts.chart());
        caption();
    }

    /** Redraws after the series changed; call once per drain. */
    public void refresh() {
        charts.refresh();
        caption();
    }

    private void caption() {
        RunSeries s = charts.series();
        caption.setText(s.samplesSeen() == 0 ? "no samples yet"
                : s.samplesSeen() + " samples" + (s.stride() > 1 ? ", " + s.stride() + " per point" : ""));
    }

    private void apply() {
        charts.setLogWait(log.isSelected());
        charts.setWaitVisible(source.isSelected(), target.isSelected());
    }

    public RunCharts charts() {
        return charts;
    }

    public CheckBox logToggle() {
        return log;
    }
}
