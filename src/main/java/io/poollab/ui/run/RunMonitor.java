package io.poollab.ui.run;

import io.poollab.chart.Markers;
import io.poollab.chart.RunSeries;
import io.poollab.config.Side;
import io.poollab.migrate.PoolStats;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.migrate.TimeBreakdown;
import io.poollab.pool.Health;
import io.poollab.pool.HealthTracker;
import io.poollab.pool.PoolGauges;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Run view shows while a run goes on, as JavaFX properties: filled from the {@link LiveFeed} on each
 * drain (on the FX thread, or on the test's thread), never per sample. The charts read {@link #series()}, which
 * keeps bounded memory however long the run lasts.
 */
public final class RunMonitor {

    private final LiveFeed feed = new LiveFeed();
    private final RunSeries series = new RunSeries();
    private final Map<Side, HealthTracker> health = new EnumMap<>(Side.class);
    private final Map<Side, ObjectProperty<PoolStats>> stats = new EnumMap<>(Side.class);
    private final ObservableList<TableProgress> tables = FXCollections.observableArrayList();
    private final ObservableList<String> eventLog = FXCollections.observableArrayList();
    private final StringProperty rate = new SimpleStringProperty("–");
    private final StringProperty wait = new SimpleStringProperty("–");
    private final StringProperty connections = new SimpleStringProperty("–");
    private final StringProperty rateCaption = new SimpleStringProperty("written, last sample");
    private final StringProperty waitCaption = new SimpleStringProperty("acquire wait, worse pool, latest borrows");
    private final StringProperty connectionsCaption = new SimpleStringProperty("active of max: source · target");
    private final ObjectProperty<Health> healthNow = new SimpleObjectProperty<>(Health.HEALTHY);
    private final StringProperty healthReason = new SimpleStringProperty("no sample yet");
    private final ObjectProperty<TimeBreakdown.Snapshot> breakdown =
            new SimpleObjectProperty<>(new TimeBreakdown.Snapshot(0, 0, 0, 0, 0));
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>();
    private final ReadOnlyLongWrapper drains = new ReadOnlyLongWrapper();
    private Run run;
    private RunSample last;

    public RunMonitor() {
        for (Side side : Side.values()) {
            health.put(side, new HealthTracker(side.id()));
            stats.put(side, new SimpleObjectProperty<>(PoolStats.NONE));
        }
    }

    /** The listener to give the engine; it only queues. */
    LiveFeed feed() {
        return feed;
    }

    /** The listener to give the engine, for a front end outside this package (a sweep's cells). */
    public RunListener listener() {
        return feed;
    }

    /** The run handle, for live counters read at each drain; on the FX thread. */
    public void attach(Run startedRun) {
        this.run = startedRun;
    }

    /**
     * Applies everything queued since the last call: one round of property updates.
     *
     * @return whether anything was applied, so the caller redraws its charts only then
     */
    public boolean pump() {
        LiveFeed.Drained drained = feed.drain();
        if (drained.isEmpty()) {
            return false;
        }
        if (drained.info() != null) {
            planned(drained.info());
        }
        for (RunEvent e : drained.events()) {
            eventLog.add(Units.duration(e.elapsedMs() / 1000.0) + "  " + e.type().id() + "  " + e.message());
            Markers.of(e.elapsedMs(), e.type().id(), e.message()).ifPresent(series::addMarker);
        }
        for (RunSample s : drained.samples()) {
            series.add(s);
            health(Side.SOURCE, s, s.source());
            health(Side.TARGET, s, s.target());
            latestWait(s);
            last = s;
        }
        double currentRate = last == null ? 0 : last.rowsPerSecond();
        drained.tables().forEach((index, done) -> {
            if (index < tables.size()) {
                tables.get(index).add(done.rows(), done.partitions(), currentRate);
            }
        });
        if (run != null) {
            for (int i = 0; i < tables.size(); i++) {
                tables.get(i).written(run.tableRowsWritten(i), currentRate);
            }
        }
        if (!drained.samples().isEmpty()) {
            headline(last);
        }
        if (run != null && last != null) {
            breakdown.set(run.timeBreakdown());
            for (Side side : Side.values()) {
                SideSample now = side == Side.SOURCE ? last.source() : last.target();
                stats.get(side).set(PoolStats.of(run.poolCounters(side), now, health.get(side).peakUtilization()));
            }
        }
        if (drained.result() != null) {
            finished(drained.result());
        }
        drains.set(drains.get() + 1);
        return true;
    }

    private void planned(RunInfo info) {
        tables.setAll(info.tables().stream()
                .map(t -> new TableProgress(t.source(), t.estimatedRows(), t.partitions())).toList());
    }

    private void health(Side side, RunSample s, SideSample sample) {
        health.get(side).update(s.elapsedMs(), new PoolGauges(sample.active(), sample.idle(), sample.pending(),
                sample.total(), sample.max()), sample.errors());
        Health worst = Health.HEALTHY;
        List<String> reasons = new ArrayList<>();
        for (HealthTracker tracker : health.values()) {
            worst = worst.worse(tracker.now().health());
            reasons.addAll(tracker.now().reasons());
        }
        healthNow.set(worst);
        healthReason.set(reasons.isEmpty() ? "both pools below 80% utilization, no connection errors"
                : String.join("; ", reasons));
    }

    private void headline(RunSample s) {
        rate.set(Units.rate(s.rowsPerSecond()));
        connections.set(side(s.source()) + "  ·  " + side(s.target()));
        if (s.source().max() == 0 && s.target().max() == 0) {
            connectionsCaption.set("connections open, unpooled: source · target");
        }
    }

    /** With connections held per partition, most intervals have no borrow: the latest measured wait stays shown. */
    private void latestWait(RunSample s) {
        if (s.source().borrows() + s.target().borrows() > 0) {
            double p95 = Math.max(s.source().borrows() > 0 ? s.source().acquireP95Ms() : 0,
                    s.target().borrows() > 0 ? s.target().acquireP95Ms() : 0);
            wait.set(Units.latency(p95) + " p95");
        }
    }

    private static String peak(RunResult.PoolSummary pool, io.poollab.config.PoolMode mode) {
        int max = pool.settings().maximumPoolSize();
        return switch (mode) {
            case SHARED -> pool.peakActive() + " of " + max;
            case PER_WORKER -> pool.peakActive() + " (" + max + " per worker)";
            case UNPOOLED -> String.valueOf(pool.peakActive());
        };
    }

    private static String side(SideSample s) {
        return s.max() > 0 ? s.active() + " of " + s.max() : String.valueOf(s.active());
    }

    private void finished(RunResult runResult) {
        boolean succeeded = runResult.status() == io.poollab.migrate.RunStatus.SUCCEEDED;
        tables.forEach(t -> t.finish(succeeded));
        healthNow.set(runResult.health());
        healthReason.set(runResult.healthReasons().isEmpty() ? "both pools below 80% utilization throughout"
                : String.join("; ", runResult.healthReasons()));
        breakdown.set(runResult.timeBreakdown());
        // Once the run is over, the headline numbers sum it up rather than show its last instant.
        rate.set(Units.rate(runResult.rowsPerSecond()));
        rateCaption.set("average over the copy");
        RunResult.PoolSummary source = runResult.pools().get(Side.SOURCE);
        RunResult.PoolSummary target = runResult.pools().get(Side.TARGET);
        double p95 = Math.max(source.acquire().p95Ms(), target.acquire().p95Ms());
        wait.set(source.acquire().count() + target.acquire().count() == 0 ? "no borrows" : Units.latency(p95) + " p95");
        waitCaption.set("acquire wait over the run, worse pool");
        io.poollab.config.PoolMode mode = runResult.spec().poolMode();
        connections.set(peak(source, mode) + "  ·  " + peak(target, mode));
        connectionsCaption.set(mode == io.poollab.config.PoolMode.UNPOOLED
                ? "peak connections open, unpooled: source · target" : "peak active of max: source · target");
        result.set(runResult);
    }

    public RunSeries series() {
        return series;
    }

    public ObservableList<TableProgress> tables() {
        return tables;
    }

    public ObservableList<String> eventLog() {
        return eventLog;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public StringProperty waitProperty() {
        return wait;
    }

    public StringProperty connectionsProperty() {
        return connections;
    }

    /** What {@link #rateProperty} means now: the last sample while running, the average once finished. */
    public StringProperty rateCaptionProperty() {
        return rateCaption;
    }

    public StringProperty waitCaptionProperty() {
        return waitCaption;
    }

    public StringProperty connectionsCaptionProperty() {
        return connectionsCaption;
    }

    public ObjectProperty<Health> healthProperty() {
        return healthNow;
    }

    public StringProperty healthReasonProperty() {
        return healthReason;
    }

    public ObjectProperty<TimeBreakdown.Snapshot> breakdownProperty() {
        return breakdown;
    }

    public ObjectProperty<PoolStats> statsProperty(Side side) {
        return stats.get(side);
    }

    public ObjectProperty<RunResult> resultProperty() {
        return result;
    }

    /** How many drains changed something: the charts redraw once per increment. */
    public ReadOnlyLongProperty drainsProperty() {
        return drains.getReadOnlyProperty();
    }
}
