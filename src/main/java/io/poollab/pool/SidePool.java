package io.poollab.pool;

import io.poollab.config.ConnectSettings;

import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.Side;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * All connections of one side of a run, whatever the pool mode: one shared pool, one pool per worker, or none.
 * Workers borrow by their index; the sampler reads summed gauges; resizes go through {@link #resize}. When the
 * side's profile simulates a network, every one of these connections goes through one latency proxy
 * ({@link ProxyRoute}), and only these: planning, the session monitor and verification connect directly, so that
 * the measured pool is the one that pays the round trips.
 */
public final class SidePool implements AutoCloseable {

    private final Side side;
    private final long runId;
    private final PoolMode mode;
    private final ConnectSettings connect;
    private final PoolMetrics metrics;
    private final Map<Integer, ConnectionSource> perWorker = new ConcurrentHashMap<>();
    private final ConnectionSource shared;
    private final ProxyRoute route;
    private final java.util.concurrent.atomic.LongAdder closedWithPool = new java.util.concurrent.atomic.LongAdder();
    private volatile PoolSettings settings;

    public SidePool(Side side, long runId, PoolMode mode, ConnectSettings connect, PoolSettings settings)
            throws SQLException {
        this(side, runId, mode, connect, settings, java.util.List.of());
    }

    /** @param alsoTrackers HikariCP trackers that hear this side's pools beside PoolLab's own ({@link PoolMetrics}) */
    public SidePool(Side side, long runId, PoolMode mode, ConnectSettings connect, PoolSettings settings,
                    java.util.List<com.zaxxer.hikari.metrics.MetricsTrackerFactory> alsoTrackers) throws SQLException {
        this.side = side;
        this.metrics = new PoolMetrics(alsoTrackers);
        this.runId = runId;
        this.mode = mode;
        this.settings = settings;
        this.route = ProxyRoute.open(connect, applicationName(runId, side) + "-proxy");
        this.connect = route.connect();
        try {
            this.shared = switch (mode) {
                case SHARED -> new HikariSource(applicationName(runId, side), this.connect, settings, metrics);
                case UNPOOLED -> new UnpooledSource(applicationName(runId, side), this.connect, metrics);
                case PER_WORKER -> null;
            };
        } catch (SQLException | RuntimeException e) {
            route.close();
            throw e;
        }
    }

    /** The name every connection of this side reports to the server ({@code poollab-<runId>-<side>}). */
    public static String applicationName(long runId, Side side) {
        return "poollab-" + runId + "-" + side.id();
    }

    /** Opens a worker's own pool in per-worker mode (connections are created here); otherwise does nothing. */
    public void workerStarted(int worker) {
        if (mode == PoolMode.PER_WORKER) {
            perWorker.computeIfAbsent(worker, w -> new HikariSource(
                    applicationName(runId, side) + "-w" + w, connect, settings, metrics));
        }
    }

    /** Closes a worker's own pool in per-worker mode. */
    public void workerStopped(int worker) {
        ConnectionSource own = perWorker.remove(worker);
        if (own != null) {
            closedWithPool.add(own.gauges().total());
            own.close();
        }
    }

    public Connection borrow(int worker) throws SQLException {
        ConnectionSource source = shared != null ? shared : perWorker.get(worker);
        if (source == null) {
            throw new IllegalStateException("worker " + worker + " has no " + side + " pool; call workerStarted first");
        }
        try {
            return source.borrow();
        } catch (SQLException e) {
            metrics.recordError();
            throw e;
        }
    }

    /**
     * How filling the pools before the copy went: {@code open} of {@code wanted} connections in {@code millis}.
     * {@code wanted} is 0 when there is nothing to fill (unpooled, or minimumIdle 0).
     */
    public record Warmup(int open, int wanted, long millis) {

        public boolean complete() {
            return open >= wanted;
        }
    }

    /**
     * Opens the pools of workers {@code 0..workers-1} (per-worker mode) and waits until this side holds minimumIdle
     * connections per pool, as a service's long-lived pool would before work arrives. HikariCP fills them in the
     * background; this only waits, at most {@code timeoutMs}, or until {@code stop} says so.
     */
    public Warmup warm(int workers, long timeoutMs, java.util.function.BooleanSupplier stop)
            throws InterruptedException {
        if (mode == PoolMode.UNPOOLED || settings.minimumIdle() == 0) {
            return new Warmup(gauges().total(), 0, 0);
        }
        if (mode == PoolMode.PER_WORKER) {
            for (int w = 0; w < workers; w++) {
                workerStarted(w);
            }
        }
        int wanted = settings.minimumIdle() * (mode == PoolMode.PER_WORKER ? workers : 1);
        long start = System.nanoTime();
        long deadline = start + java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        int open = gauges().total();
        while (open < wanted && System.nanoTime() < deadline && !stop.getAsBoolean()) {
            Thread.sleep(5);
            open = gauges().total();
        }
        return new Warmup(open, wanted, java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start));
    }

    /**
     * Fills every side's pools to minimumIdle before a copy starts (each side waits at most its connectionTimeout),
     * and says what it took, for the run's event log: {@code "pools filled to minimumIdle before the copy: source 4
     * of 4 in 61 ms, target 4 of 4 in 0.4 s"}; null when no pool keeps idle connections.
     */
    public static String warmAll(java.util.Collection<SidePool> sides, int workers,
                                 java.util.function.BooleanSupplier stop) throws InterruptedException {
        java.util.List<String> parts = new java.util.ArrayList<>();
        for (SidePool side : sides) {
            Warmup warmup = side.warm(workers, side.settings().connectionTimeoutMs(), stop);
            if (warmup.wanted() > 0) {
                parts.add(side.side().id() + " " + warmup.open() + " of " + warmup.wanted() + " in "
                        + io.poollab.text.Units.latency(warmup.millis()) + (warmup.complete() ? ""
                        : " (gave up at connectionTimeout; the copy starts anyway)"));
            }
        }
        return parts.isEmpty() ? null : "pools filled to minimumIdle before the copy: " + String.join(", ", parts);
    }

    /** Changes maximumPoolSize and minimumIdle of every pool of this side (each worker's pool in per-worker mode). */
    public void resize(int maximumPoolSize, int minimumIdle) {
        if (mode == PoolMode.UNPOOLED) {
            throw new IllegalStateException(side + " is unpooled: there is no pool size to change");
        }
        settings = settings.withSize(maximumPoolSize, minimumIdle);
        if (shared != null) {
            shared.resize(maximumPoolSize, minimumIdle);
        }
        perWorker.values().forEach(pool -> pool.resize(maximumPoolSize, minimumIdle));
    }

    public PoolGauges gauges() {
        if (shared != null) {
            return shared.gauges();
        }
        return perWorker.values().stream().map(ConnectionSource::gauges).reduce(PoolGauges.EMPTY, PoolGauges::plus);
    }

    /** Connections closed because their own pool closed (per-worker mode, as each worker stops). */
    public long closedWithPool() {
        return closedWithPool.sum();
    }

    public PoolMetrics metrics() {
        return metrics;
    }

    /** The settings in force now, after any resize. */
    public PoolSettings settings() {
        return settings;
    }

    public PoolMode mode() {
        return mode;
    }

    public Side side() {
        return side;
    }

    @Override
    public void close() {
        if (shared != null) {
            shared.close();
        }
        perWorker.keySet().forEach(this::workerStopped);
        // Last: the pools' closes still travel through the proxy to the server.
        route.close();
    }
}
