package io.poollab.db;

import io.poollab.config.ConnectSettings;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * One connection test's work, run on its own thread: open, ask, time, close. The tester may give up on it at its
 * deadline ({@link #abandon}); the connection is then aborted, or closed as soon as the driver hands it over.
 */
final class ConnectionProbe {

    private final Dialect dialect;
    private final ConnectSettings settings;
    private Connection connection; // guarded by this
    private boolean abandoned; // guarded by this

    ConnectionProbe(Dialect dialect, ConnectSettings settings) {
        this.dialect = dialect;
        this.settings = settings;
    }

    ConnectionTester.Success run() throws SQLException {
        long start = System.nanoTime();
        Connection opened = Connections.open(settings);
        double connectMs = (System.nanoTime() - start) / 1e6;
        try (opened) {
            if (!adopt(opened)) {
                throw new SQLException("the connection test gave up before the connection opened");
            }
            ServerInfo server = dialect.serverInfo(opened);
            ConnectionTester.Tls tls = dialect.tlsInUse(opened)
                    .map(on -> on ? ConnectionTester.Tls.ON : ConnectionTester.Tls.OFF)
                    .orElse(ConnectionTester.Tls.NOT_APPLICABLE);
            return new ConnectionTester.Success(server.product(), server.version(), server.maxConnections(),
                    server.currentSessions(), medianRoundTripMs(opened), connectMs, tls);
        }
    }

    synchronized void abandon() {
        abandoned = true;
        if (connection != null) {
            try {
                // abort, not close: close would wait on the very socket read that is stuck.
                connection.abort(Runnable::run);
            } catch (SQLException | RuntimeException ignored) {
                // The probe thread's own close follows; nothing else holds this connection.
            }
        }
    }

    private synchronized boolean adopt(Connection opened) {
        connection = opened;
        return !abandoned;
    }

    /** The first round trip pays for parsing and caches; the median of the rest is the network's answer. */
    private static double medianRoundTripMs(Connection connection) throws SQLException {
        long[] nanos = new long[ConnectionTester.ROUND_TRIPS];
        try (Statement statement = connection.createStatement()) {
            selectOne(statement);
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                selectOne(statement);
                nanos[i] = System.nanoTime() - start;
            }
        }
        Arrays.sort(nanos);
        int middle = nanos.length / 2;
        return (nanos.length % 2 == 0 ? (nanos[middle - 1] + nanos[middle]) / 2.0 : nanos[middle]) / 1e6;
    }

    private static void selectOne(Statement statement) throws SQLException {
        try (ResultSet rs = statement.executeQuery("SELECT 1")) {
            rs.next();
        }
    }
}
