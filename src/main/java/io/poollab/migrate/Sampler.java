package io.poollab.migrate;

import io.poollab.config.Side;
import io.poollab.db.Connections;
import io.poollab.db.Dialect;
import io.poollab.db.ServerWaits;
import io.poollab.pool.HealthTracker;
import io.poollab.pool.PoolGauges;
import io.poollab.pool.PoolMetrics;
import io.poollab.pool.SidePool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Takes a {@link RunSample} every sampleIntervalMs: pool gauges, the interval's acquire percentiles, committed rows
 * and, where the server can tell, the live session count of each side's application name, read on a monitor
 * connection of its own (so it never takes a pooled connection away from the workers), and on the same monitor
 * what those sessions were doing ({@link ServerWaits}). Runs on one thread.
 */
final class Sampler {

    private final MigrationRun run;
    private final Map<Side, Dialect> dialects;
    private final Map<Side, Connection> monitors;
    private final Map<Side, SideTracker> sides = new EnumMap<>(Side.class);
    private long previousElapsedMs;
    private long previousRows;
    private long lastStampMs = -1;

    Sampler(MigrationRun run, Map<Side, Dialect> dialects, Map<Side, Connection> monitors) {
        this.run = run;
        this.dialects = dialects;
        this.monitors = new EnumMap<>(monitors);
        for (Side side : Side.values()) {
            sides.put(side, new SideTracker(side));
        }
    }

    synchronized RunSample sample() {
        long elapsedMs = stamp(run.progress().elapsedMs(), lastStampMs);
        lastStampMs = elapsedMs;
        long rows = run.progress().rowsCommitted();
        // The rate counts rows written, not committed: with one transaction per partition, committed rows arrive
        // in steps of a whole partition, and the chart would show the work only at each commit.
        long written = run.progress().rowsWritten();
        double seconds = (elapsedMs - previousElapsedMs) / 1000.0;
        double rowsPerSecond = seconds <= 0 ? 0 : (written - previousRows) / seconds;
        previousElapsedMs = elapsedMs;
        previousRows = written;
        SideSample source = sides.get(Side.SOURCE).sample(elapsedMs);
        SideSample target = sides.get(Side.TARGET).sample(elapsedMs);
        return new RunSample(elapsedMs, rows, run.progress().bytesWritten(), rowsPerSecond, run.workers(), source, target);
    }

    /**
     * A sample's time, strictly after the previous one's: the final sample, taken when the workers end, can fall
     * in the same millisecond as the last scheduled one, and a run's samples are keyed by their time. Such a
     * reading is stamped 1 ms later, a shift far inside the sampling interval.
     */
    static long stamp(long elapsedMs, long previousStampMs) {
        return Math.max(elapsedMs, previousStampMs + 1);
    }

    SideTracker side(Side side) {
        return sides.get(side);
    }

    /** Each side's server waits summed over the samples so far. */
    synchronized Map<Side, ServerWaits> serverWaits() {
        Map<Side, ServerWaits> waits = new EnumMap<>(Side.class);
        sides.forEach((side, tracker) -> waits.put(side, tracker.waitTotals));
        return waits;
    }

    /** Peaks, health and the session monitor of one side. */
    final class SideTracker {

        private final Side side;
        private final HealthTracker health;
        private final String applicationName;
        private int peakActive;
        private int peakPending;
        private int peakTotal;
        private int peakDbSessions = -1;
        private boolean waitsBlind;
        private ServerWaits waitTotals = ServerWaits.NONE;

        SideTracker(Side side) {
            this.side = side;
            this.health = new HealthTracker(side.id());
            this.applicationName = SidePool.applicationName(run.id(), side);
        }

        /** The side's pool over the whole run; call after the last sample. */
        RunResult.PoolSummary summary() {
            SidePool pool = run.pool(side);
            PoolMetrics.Totals totals = pool.metrics().totals();
            return new RunResult.PoolSummary(pool.settings(), peakActive, peakPending, peakTotal,
                    health.peakUtilization(), totals.created(), totals.borrows(), totals.timeouts(), totals.errors(),
                    totals.acquire(), totals.usage(), totals.creation(), peakDbSessions);
        }

        private SideSample sample(long elapsedMs) {
            SidePool pool = run.pool(side);
            PoolGauges gauges = pool.gauges();
            PoolMetrics.IntervalStats interval = pool.metrics().drainInterval();
            int sessions = countSessions();
            ServerWaits waits = sampleWaits();
            waitTotals = waitTotals.plus(waits);
            peakActive = Math.max(peakActive, gauges.active());
            peakPending = Math.max(peakPending, gauges.pending());
            peakTotal = Math.max(peakTotal, gauges.total());
            peakDbSessions = Math.max(peakDbSessions, sessions);
            long errors = pool.metrics().errors();
            health.update(elapsedMs, gauges, errors);
            return new SideSample(gauges.active(), gauges.idle(), gauges.pending(), gauges.total(), gauges.max(),
                    interval.acquire().p50Ms(), interval.acquire().p95Ms(), interval.acquire().p99Ms(),
                    interval.acquire().maxMs(), interval.acquire().count(), pool.metrics().timeouts(), errors, sessions,
                    waits.withoutEvents());
        }

        private int countSessions() {
            Connection monitor = monitors.get(side);
            if (monitor == null) {
                return -1;
            }
            try {
                OptionalInt count = dialects.get(side).countSessions(monitor, applicationName);
                return count.orElse(-1);
            } catch (SQLException e) {
                // One warning, then no more attempts: a monitor without rights to see sessions stays blind.
                monitors.remove(side);
                run.warn(side + " server sessions cannot be counted: " + Connections.firstLine(e));
                return -1;
            }
        }

        private ServerWaits sampleWaits() {
            Connection monitor = monitors.get(side);
            if (monitor == null || waitsBlind) {
                return ServerWaits.NONE;
            }
            try {
                Optional<ServerWaits> waits = dialects.get(side).sampleWaits(monitor, applicationName);
                if (waits.isEmpty()) {
                    waitsBlind = true;
                }
                return waits.orElse(ServerWaits.NONE);
            } catch (SQLException e) {
                // As for the session count: one warning, and the waits stay unsampled for the rest of the run.
                waitsBlind = true;
                run.warn(side + " server waits cannot be sampled: " + Connections.firstLine(e));
                return ServerWaits.NONE;
            }
        }

        HealthTracker health() {
            return health;
        }
    }
}
