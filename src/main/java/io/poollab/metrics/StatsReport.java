package io.poollab.metrics;

import io.poollab.config.Side;
import io.poollab.migrate.PoolStats;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code /stats} answer: each side's pool counters ({@link PoolStats}) and the run's progress and ETA. */
final class StatsReport {

    private StatsReport() {
    }

    static Map<String, Object> of(LiveSnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (snapshot == null) {
            body.put("run", null);
            body.put("pools", Map.of());
            return body;
        }
        RunSample sample = snapshot.sample();
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", snapshot.runId());
        run.put("state", snapshot.state());
        run.put("poolMode", snapshot.poolMode().id());
        run.put("elapsedSeconds", round(snapshot.elapsedSeconds(), 3));
        run.put("workers", sample == null ? null : sample.workers());
        run.put("rowsCommitted", sample == null ? 0 : sample.rows());
        run.put("rowsWritten", snapshot.rowsWritten());
        run.put("bytesRead", sample == null ? 0 : sample.bytes());
        run.put("estimatedRows", snapshot.estimatedRows() > 0 ? snapshot.estimatedRows() : null);
        run.put("progress", ratio(snapshot.progress()));
        run.put("etaSeconds", Double.isNaN(snapshot.etaSeconds()) ? null : round(snapshot.etaSeconds(), 1));
        run.put("rowsPerSecond", sample == null ? null : round(sample.rowsPerSecond(), 1));
        body.put("run", run);
        Map<String, Object> pools = new LinkedHashMap<>();
        for (Side side : Side.values()) {
            LiveSnapshot.SideView view = snapshot.sides().get(side);
            if (view != null) {
                pools.put(side.id(), pool(view));
            }
        }
        body.put("pools", pools);
        return body;
    }

    private static Map<String, Object> pool(LiveSnapshot.SideView view) {
        PoolStats stats = view.stats();
        SideSample s = view.sample();
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("created", stats.created());
        pool.put("reused", stats.reused());
        pool.put("closed", stats.closed());
        pool.put("staleRemoved", stats.staleRemoved());
        pool.put("errors", stats.errors());
        pool.put("timeouts", stats.timeouts());
        pool.put("borrows", view.counters().borrows());
        pool.put("utilization", ratio(stats.utilization()));
        pool.put("peakUtilization", ratio(stats.peakUtilization()));
        pool.put("active", s.active());
        pool.put("idle", s.idle());
        pool.put("pending", s.pending());
        pool.put("total", s.total());
        pool.put("max", s.max());
        pool.put("dbSessions", s.dbSessions() < 0 ? null : s.dbSessions());
        pool.put("health", view.health().health().id());
        return pool;
    }

    /** A ratio to 4 decimals, or null (JSON has no NaN) when there is none: an unpooled side's utilization. */
    static Double ratio(double value) {
        return Double.isNaN(value) ? null : round(value, 4);
    }

    static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
