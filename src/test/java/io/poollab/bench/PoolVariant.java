package io.poollab.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.poollab.config.ConnectSettings;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.Side;
import io.poollab.db.Dialect;
import io.poollab.db.Dialects;
import io.poollab.pool.HealthTracker;
import io.poollab.pool.PoolGauges;
import io.poollab.pool.PoolMetrics;
import io.poollab.pool.SidePool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntSupplier;

/** The two pools {@link PoolOverheadBench} compares, behind one borrow call. */
interface PoolVariant extends AutoCloseable {

    long SAMPLE_INTERVAL_MS = 250;

    String name();

    Connection borrow(int worker) throws SQLException;

    /** Called before each measured round; a variant starts its background work here. */
    default void roundStarting() {
    }

    default void roundEnded() {
    }

    @Override
    void close();

    static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread thread = new Thread(r, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** HikariCP as PoolLab configures it (HikariSource), minus the metrics tracker and the timed data source. */
    final class Bare implements PoolVariant {
        static final String NAME = "a bare HikariCP";
        private final HikariDataSource dataSource;

        Bare(String url, PoolSettings settings) throws Exception {
            Dialect dialect = Dialects.forUrl(url);
            HikariConfig hikari = new HikariConfig();
            hikari.setPoolName("bench-bare");
            hikari.setJdbcUrl(url);
            hikari.setUsername("postgres");
            Properties properties = new Properties();
            properties.putAll(dialect.connectionProperties("bench-bare", settings.connectionTimeoutMs()));
            hikari.setDataSourceProperties(properties);
            dialect.connectionInitSql().ifPresent(hikari::setConnectionInitSql);
            hikari.setMaximumPoolSize(settings.maximumPoolSize());
            hikari.setMinimumIdle(settings.minimumIdle());
            hikari.setConnectionTimeout(settings.connectionTimeoutMs());
            hikari.setIdleTimeout(settings.idleTimeoutMs());
            hikari.setMaxLifetime(settings.maxLifetimeMs());
            hikari.setKeepaliveTime(settings.keepaliveTimeMs());
            hikari.setValidationTimeout(settings.validationTimeoutMs());
            hikari.setLeakDetectionThreshold(settings.leakDetectionThresholdMs());
            hikari.setAutoCommit(false);
            dataSource = new HikariDataSource(hikari);
            awaitFull(() -> dataSource.getHikariPoolMXBean().getTotalConnections(), settings.minimumIdle());
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Connection borrow(int worker) throws SQLException {
            return dataSource.getConnection();
        }

        @Override
        public void close() {
            dataSource.close();
        }
    }

    /** PoolLab's SidePool, with the engine's sampler work (gauges, interval drain, health) every 250 ms. */
    final class Instrumented implements PoolVariant {
        static final String NAME = "b PoolLab SidePool";
        final SidePool pool;
        private final HealthTracker health = new HealthTracker(Side.SOURCE.id());
        private final long startedNanos = System.nanoTime();
        private ScheduledExecutorService sampler;
        final AtomicLong ticks = new AtomicLong();
        private volatile long lastIntervalBorrows;

        Instrumented(String url, PoolSettings settings, long runId) throws Exception {
            Dialect dialect = Dialects.forUrl(url);
            ConnectSettings connect = new ConnectSettings(url, "postgres", Optional.empty(),
                    dialect.connectionProperties(SidePool.applicationName(runId, Side.SOURCE),
                            settings.connectionTimeoutMs()), dialect.connectionInitSql());
            pool = new SidePool(Side.SOURCE, runId, PoolMode.SHARED, connect, settings);
            awaitFull(() -> pool.gauges().total(), settings.minimumIdle());
        }

        @Override
        public String name() {
            return NAME;
        }

        @Override
        public Connection borrow(int worker) throws SQLException {
            return pool.borrow(worker);
        }

        @Override
        public void roundStarting() {
            sampler = Executors.newSingleThreadScheduledExecutor(named("bench-sampler"));
            sampler.scheduleAtFixedRate(this::sample, SAMPLE_INTERVAL_MS, SAMPLE_INTERVAL_MS, TimeUnit.MILLISECONDS);
        }

        private void sample() {
            PoolGauges gauges = pool.gauges();
            PoolMetrics.IntervalStats interval = pool.metrics().drainInterval();
            health.update(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos), gauges,
                    pool.metrics().errors());
            ticks.incrementAndGet();
            // Kept, as the engine keeps its samples, so the drained statistics are really built and read.
            lastIntervalBorrows = interval.acquire().count();
        }

        @Override
        public void roundEnded() {
            sampler.shutdown();
            try {
                if (!sampler.awaitTermination(5, TimeUnit.SECONDS)) {
                    throw new IllegalStateException("the bench sampler did not stop within 5 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            // The last partial interval goes into the totals too.
            pool.metrics().drainInterval();
        }

        @Override
        public void close() {
            pool.close();
        }
    }

    private static void awaitFull(IntSupplier total, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (total.getAsInt() < expected) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the pool did not open " + expected + " connections within 30 s");
            }
            Thread.sleep(20);
        }
    }
}
