package io.poollab.demo;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.Secret;
import io.poollab.config.SimulatedNetwork;
import io.poollab.db.SampleData;
import io.poollab.db.TableRef;
import io.poollab.db.h2.H2Dialect;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Consumer;

/**
 * The demo's databases, which need nothing installed: an embedded PostgreSQL 16 (zonky) that PoolLab starts and
 * stops itself, on a free port, with its data in {@code <home>/demo/pg} kept between demos, as the target; and the
 * built-in H2 demo source ({@code <home>/demo/h2-source}, the file of the workbench's "H2 demo source" profile),
 * where the posts-like rows are generated once per size. Both log in without a password: the server trusts local
 * logins, as zonky sets it up, and listens on loopback only.
 */
public final class DemoDatabases implements AutoCloseable {

    public static final String TARGET_DATABASE = "poollab_demo";
    static final String USER = "postgres";

    private final Path home;
    private final EmbeddedPostgres server;

    private DemoDatabases(Path home, EmbeddedPostgres server) {
        this.home = home;
        this.server = server;
    }

    /** Where the demo keeps its PostgreSQL cluster under {@code home}. */
    public static Path dataDirectory(Path home) {
        return home.resolve("demo").resolve("pg");
    }

    /**
     * Starts the embedded PostgreSQL (a new cluster the first time, about 3 s more) and creates the demo database in
     * it when missing.
     *
     * @param progress hears what is happening, one line at a time
     * @throws ConfigException the server cannot start: the reason and what to do, in one line
     */
    public static DemoDatabases start(Path home, Consumer<String> progress) throws ConfigException {
        Path data = dataDirectory(home);
        boolean fresh = !Files.exists(data.resolve("postgresql.conf"));
        progress.accept(fresh ? "starting the demo's PostgreSQL 16 (a new cluster in " + data + ")"
                : "starting the demo's PostgreSQL 16 (" + data + ")");
        EmbeddedPostgres server;
        try {
            Files.createDirectories(data.getParent());
            Path log = data.getParent().resolve("pg.log");
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "200")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new ConfigException("the demo's PostgreSQL in " + data + " did not start: " + firstLine(e)
                    + "; if a demo was killed, its server may still run: stop it with pg_ctl -D " + data
                    + " stop, or delete " + data + " (see " + data.getParent().resolve("pg.log") + ")");
        }
        DemoDatabases databases = new DemoDatabases(home, server);
        try {
            databases.ensureTargetDatabase();
        } catch (SQLException e) {
            databases.close();
            throw new ConfigException("the demo's PostgreSQL started but the database " + TARGET_DATABASE
                    + " could not be created: " + e.getMessage());
        }
        progress.accept("the demo's PostgreSQL listens on 127.0.0.1:" + server.getPort());
        return databases;
    }

    public int port() {
        return server.getPort();
    }

    public String targetUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + TARGET_DATABASE;
    }

    /** The target, {@code latencyMs} away through the latency proxy (0: direct). */
    public ConnectionProfile target(long latencyMs) {
        return ConnectionProfile.of(targetUrl(), USER, Secret.NONE)
                .withNetwork(latencyMs == 0 ? SimulatedNetwork.NONE : new SimulatedNetwork(latencyMs, 0, 0));
    }

    /** The built-in H2 demo source: embedded, so it is never behind the proxy. */
    public ConnectionProfile source() {
        return ConnectionProfile.of(sourceUrl(), "sa", Secret.NONE);
    }

    String sourceUrl() {
        return "jdbc:h2:" + home.resolve("demo").resolve("h2-source");
    }

    /**
     * The source table of {@code rows} posts-like rows, generated the first time this size is asked for.
     *
     * @return its name
     */
    public String ensurePosts(long rows, Consumer<String> progress) throws SQLException {
        String table = "demo_posts_" + rows;
        try (Connection c = DriverManager.getConnection(sourceUrl(), "sa", "")) {
            H2Dialect dialect = new H2Dialect();
            if (dialect.describe(c, new TableRef(null, table)).isEmpty()) {
                progress.accept("generating " + String.format("%,d", rows) + " posts-like rows in the H2 demo source"
                        + " (once; later demos reuse them)");
                SampleData.ensurePosts(c, dialect, new TableRef(null, table), rows);
            }
        }
        return table;
    }

    private void ensureTargetDatabase() throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + TARGET_DATABASE
                    + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            s.execute("CREATE DATABASE " + TARGET_DATABASE);
        }
    }

    /** Stops the server (a fast shutdown); its data stays for the next demo. */
    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            // pg_ctl stop failed: zonky's own shutdown hook tries again when the JVM exits.
        }
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
