package io.poollab.ui.run;

import io.poollab.config.Side;
import io.poollab.migrate.PoolStats;
import io.poollab.migrate.TimeBreakdown;
import io.poollab.text.Units;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;

/** The pool stats table (per side) and the worker-time breakdown bar of the Run view. */
final class LiveStatsPanel {

    private static final Map<String, String> STAT_HELP = new LinkedHashMap<>();

    static {
        STAT_HELP.put("created", "physical connections opened (connections)");
        STAT_HELP.put("reused", "borrows served by an already open connection: borrows − created");
        STAT_HELP.put("closed", "physical connections closed: created − open now");
        STAT_HELP.put("stale removed", "connections the pool retired during the run (maxLifetime, idleTimeout, failed "
                + "validation, a shrinking resize)");
        STAT_HELP.put("errors", "failed borrows since the start, timeouts included");
        STAT_HELP.put("timeouts", "borrows that waited connectionTimeout and failed");
        STAT_HELP.put("utilization", "active ÷ maximumPoolSize now, and the run's peak");
    }

    private static final List<Function<PoolStats, String>> VALUES = List.of(
            s -> Units.count(s.created()), s -> Units.count(s.reused()), s -> Units.count(s.closed()),
            s -> Units.count(s.staleRemoved()),
            s -> Units.count(s.errors()), s -> Units.count(s.timeouts()),
            s -> Double.isNaN(s.utilization()) ? "unpooled"
                    : Units.percent(s.utilization()) + " (peak " + Units.percent(s.peakUtilization()) + ")");

    /** Worker-time parts, in bar order, with their CSS class and meaning. */
    private static final String[][] PARTS = {
        {"read", "breakdown-read", "reading rows from the source"},
        {"acquire", "breakdown-acquire", "waiting for a pooled connection"},
        {"queue wait", "breakdown-queue", "reader and writer waiting on each other's queue"},
        {"write", "breakdown-write", "writing rows to the target"},
        {"commit", "breakdown-commit", "committing on the target"},
    };

    private final GridPane grid;
    private final HBox bar;
    private final HBox legend;
    private final Label[][] cells = new Label[STAT_HELP.size()][2];

    LiveStatsPanel(GridPane grid, HBox bar, HBox legend) {
        this.grid = grid;
        this.bar = bar;
        this.legend = legend;
        build();
    }

    private void build() {
        grid.add(heading("Pool stats"), 0, 0);
        grid.add(heading("source"), 1, 0);
        grid.add(heading("target"), 2, 0);
        int row = 1;
        for (Map.Entry<String, String> stat : STAT_HELP.entrySet()) {
            Label name = new Label(stat.getKey());
            name.setMinWidth(Region.USE_PREF_SIZE);
            name.getStyleClass().add("muted");
            name.setTooltip(new Tooltip(stat.getKey() + ": " + stat.getValue()));
            grid.add(name, 0, row);
            for (int side = 0; side < 2; side++) {
                Label value = new Label("–");
                value.setMinWidth(Region.USE_PREF_SIZE);
                value.getStyleClass().add("stat-value");
                cells[row - 1][side] = value;
                grid.add(value, side + 1, row);
            }
            row++;
        }
    }

    private static Label heading(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("section-title");
        return label;
    }

    void attach(RunMonitor monitor) {
        for (Side side : Side.values()) {
            int column = side.ordinal();
            monitor.statsProperty(side).addListener((o, was, now) -> show(column, now));
            show(column, monitor.statsProperty(side).get());
        }
        monitor.breakdownProperty().addListener((o, was, now) -> breakdown(now));
        breakdown(monitor.breakdownProperty().get());
    }

    private void show(int column, PoolStats stats) {
        for (int row = 0; row < VALUES.size(); row++) {
            cells[row][column].setText(stats == PoolStats.NONE ? "–" : VALUES.get(row).apply(stats));
        }
    }

    private void breakdown(TimeBreakdown.Snapshot t) {
        long[] ms = {t.readMs(), t.acquireMs(), t.queueWaitMs(), t.writeMs(), t.commitMs()};
        long total = t.totalMs();
        bar.getChildren().clear();
        legend.getChildren().clear();
        for (int i = 0; i < PARTS.length; i++) {
            double share = total == 0 ? 0 : (double) ms[i] / total;
            String text = PARTS[i][0] + " " + Units.percent(share);
            Tooltip tip = new Tooltip(PARTS[i][0] + ": " + PARTS[i][2] + " — " + text + " of worker time ("
                    + Units.duration(ms[i] / 1000.0) + " summed over workers)");
            if (share > 0) {
                Region segment = new Region();
                segment.getStyleClass().addAll("breakdown-segment", PARTS[i][1]);
                segment.prefWidthProperty().bind(bar.widthProperty().multiply(share));
                segment.setMinWidth(2);
                HBox.setHgrow(segment, Priority.NEVER);
                Tooltip.install(segment, tip);
                bar.getChildren().add(segment);
            }
            Region swatch = new Region();
            swatch.getStyleClass().addAll("breakdown-swatch", PARTS[i][1]);
            Label item = new Label(text, swatch);
            item.setMinWidth(Region.USE_PREF_SIZE);
            item.setTooltip(tip);
            legend.getChildren().add(item);
        }
    }
}
