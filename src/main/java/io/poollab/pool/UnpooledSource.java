package io.poollab.pool;

import io.poollab.config.ConnectSettings;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.PoolStats;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * No pool: every borrow opens a physical connection and every close really closes it. The connect time is
 * recorded as the acquire time, so unpooled runs are measured on the same scale as pooled ones.
 */
final class UnpooledSource implements ConnectionSource {

    private final ConnectSettings connect;
    private final PoolMetrics metrics;
    private final Driver driver;
    private final Properties properties = new Properties();
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger connecting = new AtomicInteger();
    private final IMetricsTracker others;

    UnpooledSource(String name, ConnectSettings connect, PoolMetrics metrics) throws SQLException {
        this.connect = connect;
        this.metrics = metrics;
        this.others = metrics.also(name, new PoolStats(0) {
            @Override
            protected void update() {
                totalConnections = open.get();
                activeConnections = totalConnections;
                pendingThreads = connecting.get();
            }
        });
        this.driver = DriverManager.getDriver(connect.jdbcUrl());
        properties.putAll(connect.driverProperties());
        if (connect.username() != null) {
            properties.setProperty("user", connect.username());
        }
        connect.password().ifPresent(p -> properties.setProperty("password", p));
    }

    @Override
    public Connection borrow() throws SQLException {
        connecting.incrementAndGet();
        long start = System.nanoTime();
        try {
            Connection physical = driver.connect(connect.jdbcUrl(), properties);
            if (connect.initSql().isPresent()) {
                try (Statement init = physical.createStatement()) {
                    init.execute(connect.initSql().get());
                }
            }
            physical.setAutoCommit(false);
            long elapsed = System.nanoTime() - start;
            metrics.recordCreated(TimeUnit.NANOSECONDS.toMicros(elapsed));
            metrics.recordAcquire(elapsed);
            others.recordConnectionCreatedMillis(TimeUnit.NANOSECONDS.toMillis(elapsed));
            others.recordConnectionAcquiredNanos(elapsed);
            open.incrementAndGet();
            return track(physical);
        } finally {
            connecting.decrementAndGet();
        }
    }

    private Connection track(Connection physical) {
        long borrowedAt = System.nanoTime();
        InvocationHandler handler = new InvocationHandler() {
            private boolean closed;

            @Override
            public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
                if (method.getName().equals("close") && method.getParameterCount() == 0) {
                    if (!closed) {
                        closed = true;
                        open.decrementAndGet();
                        long usedNanos = System.nanoTime() - borrowedAt;
                        metrics.recordUsage(TimeUnit.NANOSECONDS.toMicros(usedNanos));
                        others.recordConnectionUsageMillis(TimeUnit.NANOSECONDS.toMillis(usedNanos));
                        physical.close();
                    }
                    return null;
                }
                try {
                    return method.invoke(physical, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            }
        };
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                handler);
    }

    @Override
    public PoolGauges gauges() {
        int active = open.get();
        return new PoolGauges(active, 0, connecting.get(), active, 0);
    }

    @Override
    public void resize(int maximumPoolSize, int minimumIdle) {
        throw new IllegalStateException("an unpooled side has no size to change");
    }

    @Override
    public void close() {
        // Connections are closed by their borrowers; there is nothing pooled to close.
        others.close();
    }
}
