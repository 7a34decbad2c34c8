package io.poollab.pool;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The physical-connection factory under a HikariCP pool, timing every connect itself. HikariCP opens its first
 * connection before a metrics tracker is attached and reports creation in whole milliseconds; this counts every
 * connection, at microsecond resolution.
 */
final class TimedDataSource implements DataSource {

    private final DataSource physical;
    private final PoolMetrics metrics;

    TimedDataSource(DataSource physical, PoolMetrics metrics) {
        this.physical = physical;
        this.metrics = metrics;
    }

    @Override
    public Connection getConnection() throws SQLException {
        long start = System.nanoTime();
        Connection connection = physical.getConnection();
        metrics.recordCreated(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        long start = System.nanoTime();
        Connection connection = physical.getConnection(username, password);
        metrics.recordCreated(TimeUnit.NANOSECONDS.toMicros(System.nanoTime() - start));
        return connection;
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return physical.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        physical.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        physical.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return physical.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return physical.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return type.isInstance(this) ? type.cast(this) : physical.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || physical.isWrapperFor(type);
    }
}
