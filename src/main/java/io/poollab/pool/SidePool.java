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
