package io.poollab.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.poollab.config.Side;
import io.poollab.migrate.SideSample;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * PoolLab's own meters of one run, read from the latest {@link LiveSnapshot}: the sampled pool gauges, the
 * connection counters, DB sessions, health, and the copy's rows, bytes, rate, progress and ETA. A value not known
 * yet (before the first sample) is NaN, which Prometheus shows as such rather than as a false zero.
 */
final class PoolLabMeters {

    private final MeterRegistry registry;
    private final Supplier<LiveSnapshot> snapshot;
    private final List<Meter> meters = new ArrayList<>();

    private PoolLabMeters(MeterRegistry registry, Supplier<LiveSnapshot> snapshot) {
        this.registry = registry;
        this.snapshot = snapshot;
    }

    /** Registers run {@code runId}'s meters; {@link #remove} takes them away when the next run starts. */
    static PoolLabMeters register(MeterRegistry registry, Supplier<LiveSnapshot> snapshot, long runId) {
        PoolLabMeters run = new PoolLabMeters(registry, snapshot);
        run.registerRun(Tags.of("run", Long.toString(runId)));
        for (Side side : Side.values()) {
            run.registerSide(side, Tags.of("run", Long.toString(runId), "side", side.id()));
        }
        return run;
    }

    void remove() {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private void registerRun(Tags tags) {
        counter("poollab.rows.copied", "rows committed to the target", tags, s -> s.sample().rows());
        counter("poollab.rows.written", "rows handed to the target's writers, committed or not", tags,
                s -> s.rowsWritten());
        counter("poollab.bytes.copied", "bytes read from the source", tags, s -> s.sample().bytes());
        gauge("poollab.rows.per.second", "rows written per second over the last sample interval", tags,
                s -> s.sample().rowsPerSecond());
        gauge("poollab.run.workers", "the worker count in force", tags, s -> s.sample().workers());
        gauge("poollab.run.elapsed.seconds", "time since the copy started, at the latest sample", tags,
                LiveSnapshot::elapsedSeconds);
        gauge("poollab.run.progress.ratio", "rows written ÷ the planner's row estimate (0 to 1)", tags,
                LiveSnapshot::progress);
        gauge("poollab.run.eta.seconds", "seconds left at the mean rate so far", tags, LiveSnapshot::etaSeconds);
    }

    private void registerSide(Side side, Tags tags) {
        gauge("poollab.pool.connections.active", "connections borrowed now", tags, s -> side(s, side).active());
        gauge("poollab.pool.connections.idle", "connections open and not borrowed", tags, s -> side(s, side).idle());
        gauge("poollab.pool.connections.pending", "threads waiting for a connection", tags,
                s -> side(s, side).pending());
        gauge("poollab.pool.connections", "connections open (the pool's total, as HikariCP names it)", tags, s -> side(s, side).total());
        gauge("poollab.pool.connections.max", "maximumPoolSize (summed over per-worker pools; 0 when unpooled)", tags,
                s -> side(s, side).max());
        gauge("poollab.pool.utilization.ratio", "active ÷ maximumPoolSize (NaN when unpooled)", tags,
                s -> side(s, side).utilization());
        gauge("poollab.pool.db.sessions", "server sessions with the side's application name (NaN when not visible)",
                tags, s -> side(s, side).dbSessions() < 0 ? Double.NaN : side(s, side).dbSessions());
        gauge("poollab.pool.health", "0 healthy, 1 degraded, 2 unhealthy (ARCHITECTURE.md thresholds)", tags,
                s -> s.sides().get(side).health().health().ordinal());
        counter("poollab.pool.connections.opened", "physical connections opened (created)", tags,
                s -> s.sides().get(side).stats().created());
        counter("poollab.pool.connections.closed", "physical connections closed", tags,
                s -> s.sides().get(side).stats().closed());
        counter("poollab.pool.connections.stale.removed", "connections the pool retired during the run", tags,
                s -> s.sides().get(side).stats().staleRemoved());
        counter("poollab.pool.borrows", "successful borrows", tags, s -> s.sides().get(side).counters().borrows());
        counter("poollab.pool.timeouts", "borrows that waited connectionTimeout and failed", tags,
                s -> s.sides().get(side).stats().timeouts());
        counter("poollab.pool.errors", "failed borrows of any cause, timeouts included", tags,
                s -> s.sides().get(side).stats().errors());
    }

    private static SideSample side(LiveSnapshot s, Side side) {
        return s.sides().get(side).sample();
    }

    private void gauge(String name, String help, Tags tags, ToDoubleFunction<LiveSnapshot> value) {
        meters.add(Gauge.builder(name, snapshot, known(value)).description(help).tags(tags).register(registry));
    }

    private void counter(String name, String help, Tags tags, ToDoubleFunction<LiveSnapshot> value) {
        meters.add(FunctionCounter.builder(name, snapshot, known(value)).description(help).tags(tags)
                .register(registry));
    }

    /** NaN until the run's first sample. */
    private static ToDoubleFunction<Supplier<LiveSnapshot>> known(ToDoubleFunction<LiveSnapshot> value) {
        return supplier -> {
            LiveSnapshot s = supplier.get();
            return s == null || s.sample() == null || s.sides().isEmpty() ? Double.NaN : value.applyAsDouble(s);
        };
    }
}
