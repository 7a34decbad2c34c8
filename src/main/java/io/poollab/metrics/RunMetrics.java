package io.poollab.metrics;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import java.util.Optional;

/**
 * The live numbers of the run going on (or of the last one), for the HTTP endpoint: a run listener that keeps one
 * {@link LiveSnapshot} per sample, and a Micrometer Prometheus registry that holds HikariCP's own tracker meters
 * beside PoolLab's. One instance serves run after run (a sweep's cells, the GUI's runs); each run's meters replace
 * the previous run's when it starts. Listener calls come from one run's threads at a time.
 */
public final class RunMetrics implements RunListener {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final MetricsTrackerFactory hikari;
    private volatile LiveSnapshot snapshot;
    private volatile Run run;
    private PoolLabMeters meters;
    private int tableCount;
    private long estimatedRows;

    public RunMetrics() {
        HikariMeters.configure(registry);
        hikari = new MicrometerMetricsTrackerFactory(registry);
    }

    @Override
    public Optional<MetricsTrackerFactory> poolTrackers() {
        return Optional.of(hikari);
    }

    @Override
    public synchronized void starting(Run started) {
        run = started;
        tableCount = started.info().tables().size();
        estimatedRows = started.info().estimatedRows();
        if (meters != null) {
            meters.remove();
        }
        snapshot = LiveSnapshot.planned(started.id(), started.info().spec().poolMode(), estimatedRows);
        meters = PoolLabMeters.register(registry, this::snapshot, started.id());
    }

    @Override
    public void started(RunInfo info) {
        // Everything needed was read from the run handle in starting().
    }

    @Override
    public void sample(RunSample sample) {
        Run current = run;
        if (current != null) {
            snapshot = LiveSnapshot.of(current, sample, estimatedRows, tableCount);
        }
    }

    @Override
    public void finished(RunResult result) {
        LiveSnapshot last = snapshot;
        if (last != null && last.runId() == result.runId()) {
            snapshot = last.ended(result.status().id());
        }
    }

    /** The latest snapshot; null before the first run started. */
    LiveSnapshot snapshot() {
        return snapshot;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** The {@code /health} answer now. */
    public HealthReport health() {
        return HealthReport.of(snapshot);
    }

    /** The {@code /stats} answer now, as a JSON tree. */
    public java.util.Map<String, Object> stats() {
        return StatsReport.of(snapshot);
    }
}
