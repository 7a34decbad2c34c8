package io.poollab.pool;

import io.poollab.config.ConnectSettings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariConfigMXBean;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import com.zaxxer.hikari.util.DriverDataSource;
import io.poollab.config.PoolSettings;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/** One HikariCP pool, instrumented through {@link PoolMetrics}. */
final class HikariSource implements ConnectionSource {

    private final HikariDataSource dataSource;
    private final HikariPoolMXBean pool;
    private final HikariConfigMXBean config;

    HikariSource(String poolName, ConnectSettings connect, PoolSettings settings, PoolMetrics metrics) {
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName(poolName);
        Properties properties = new Properties();
        properties.putAll(connect.driverProperties());
        hikari.setDataSource(new TimedDataSource(new DriverDataSource(connect.jdbcUrl(), null, properties,
                connect.username(), connect.password().orElse(null)), metrics));
        connect.initSql().ifPresent(hikari::setConnectionInitSql);
        hikari.setMaximumPoolSize(settings.maximumPoolSize());
        hikari.setMinimumIdle(settings.minimumIdle());
        hikari.setConnectionTimeout(settings.connectionTimeoutMs());
        hikari.setIdleTimeout(settings.idleTimeoutMs());
        hikari.setMaxLifetime(settings.maxLifetimeMs());
        hikari.setKeepaliveTime(settings.keepaliveTimeMs());
        hikari.setValidationTimeout(settings.validationTimeoutMs());
        hikari.setLeakDetectionThreshold(settings.leakDetectionThresholdMs());
        // Workers commit explicitly; a connection never flips autocommit per borrow.
        hikari.setAutoCommit(false);
        hikari.setMetricsTrackerFactory(metrics);
        this.dataSource = new HikariDataSource(hikari);
        this.pool = dataSource.getHikariPoolMXBean();
        this.config = dataSource.getHikariConfigMXBean();
    }

    @Override
    public Connection borrow() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public PoolGauges gauges() {
        return new PoolGauges(pool.getActiveConnections(), pool.getIdleConnections(),
                pool.getThreadsAwaitingConnection(), pool.getTotalConnections(), config.getMaximumPoolSize());
    }

    @Override
    public void resize(int maximumPoolSize, int minimumIdle) {
        boolean shrinking = maximumPoolSize < config.getMaximumPoolSize();
        // Keep minimumIdle <= maximumPoolSize at every step, as HikariCP assumes.
        if (shrinking) {
            config.setMinimumIdle(minimumIdle);
            config.setMaximumPoolSize(maximumPoolSize);
        } else {
            config.setMaximumPoolSize(maximumPoolSize);
            config.setMinimumIdle(minimumIdle);
        }
        if (shrinking && pool.getTotalConnections() > maximumPoolSize) {
            // HikariCP never closes a connection just because the cap fell; evicting makes the new cap real:
            // idle connections close now, borrowed ones when they are returned, and refills respect the new cap.
            pool.softEvictConnections();
        }
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
