package io.poollab.db.postgres;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.db.Column;
import io.poollab.db.ColumnType;
import io.poollab.db.Dialect;
import io.poollab.db.KeyCodec;
import io.poollab.db.Kind;
import io.poollab.db.RangeReader;
import io.poollab.db.ServerInfo;
import io.poollab.db.ServerWaits;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import io.poollab.db.UnmappedTypeException;
import io.poollab.db.WriterFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** PostgreSQL through pgjdbc: pg_catalog, COPY in both directions, and pg_stat_activity for live sessions. */
public final class PostgresDialect implements Dialect {

    @Override
    public String id() {
        return "postgresql";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String fold(String identifier) {
        return identifier.toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException {
        return PgCatalog.describe(connection, table);
    }

    @Override
    public List<TableRef> listTables(Connection connection) throws SQLException {
        return PgCatalog.listTables(connection);
    }

    @Override
    public boolean isSystemSchema(String schema) {
        return PgCatalog.isSystemSchema(schema);
    }

    @Override
    public String ddlType(ColumnType type) throws UnmappedTypeException {
        return PgTypes.ddl(type);
    }

    /** How long a run's connection may wait for the server to say anything, in seconds. */
    public static final int RUN_SOCKET_TIMEOUT_S = 600;

    @Override
    public Map<String, String> connectionProperties(String applicationName, long connectTimeoutMs) {
        String seconds = String.valueOf(Math.max(1, (connectTimeoutMs + 999) / 1000));
        // socketTimeout: a server silent for RUN_SOCKET_TIMEOUT_S is treated as dead (a lost connection, retried)
        // rather than waited for forever; a config's properties (or the URL) can lengthen it, or set 0 for none.
        return Map.of(
                "ApplicationName", applicationName,
                "connectTimeout", seconds,
                "loginTimeout", seconds,
                "socketTimeout", String.valueOf(RUN_SOCKET_TIMEOUT_S),
                "tcpKeepAlive", "true");
    }

    /** pgjdbc's socketTimeout also caps its wait for the answer to the SSL request (sslResponseTimeout, 5 s). */
    @Override
    public Map<String, String> boundedReadProperties(long timeoutMs) {
        return Map.of("socketTimeout", String.valueOf(Math.max(1, (timeoutMs + 999) / 1000)));
    }

    @Override
    public String literal(Kind keyKind, long value) {
        return switch (keyKind) {
            case DATE -> "DATE '" + KeyCodec.toDate(value) + "'";
            case TIMESTAMP -> "TIMESTAMP '" + KeyCodec.toTimestamp(value) + "'";
            case TIMESTAMPTZ -> "TIMESTAMPTZ '" + KeyCodec.toInstant(value) + "'";
            default -> Long.toString(value);
        };
    }

    @Override
    public List<Long> sampleKeys(Connection connection, TableRef table, Column key, long rowEstimate, int wanted)
            throws SQLException {
        double percent = rowEstimate <= 0 ? 100 : Math.min(100, Math.max(0.001, 100.0 * wanted / rowEstimate));
        // SYSTEM samples whole pages (cheap on big tables); BERNOULLI samples rows (exact on small ones).
        String method = rowEstimate > 1_000_000 ? "SYSTEM" : "BERNOULLI";
        String sql = "SELECT " + quote(key.name()) + " FROM " + qualified(table) + " TABLESAMPLE " + method
                + " (" + percent + ") REPEATABLE (42)";
        List<Long> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(io.poollab.db.KeyCodec.toLong(key.type().kind(), readValue(rs, 1, key.type().kind())));
            }
        }
        return keys;
    }

    @Override
    public ServerInfo serverInfo(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT current_setting('server_version'), "
                     + "current_setting('max_connections')::int, (SELECT count(*) FROM pg_stat_activity "
                     + "WHERE backend_type = 'client backend')")) {
            rs.next();
            return new ServerInfo("PostgreSQL", rs.getString(1), rs.getInt(2), rs.getInt(3));
        }
    }

    @Override
    public Optional<Boolean> tlsInUse(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
            return Optional.of(rs.next() && rs.getBoolean(1));
        }
    }

    @Override
    public boolean canCountSessions() {
        return true;
    }

    @Override
    public OptionalInt countSessions(Connection monitor, String applicationName) throws SQLException {
        try (PreparedStatement count = monitor.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?")) {
            count.setString(1, applicationName);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return OptionalInt.of(rs.getInt(1));
            }
        }
    }

    @Override
    public Optional<ServerWaits> sampleWaits(Connection monitor, String applicationName) throws SQLException {
        return PgWaits.sample(monitor, applicationName);
    }

    @Override
    public Optional<RangeReader> rawReader(TableRef table, List<Column> columns, Column key, CopyFormat format) {
        return Optional.of(new PgCopyReader(this, table, columns, key, format));
    }

    @Override
    public Optional<WriterFactory> rawWriter(TableRef table, List<Column> columns, CopyFormat format) {
        return Optional.of(connection -> PgCopyWriter.passThrough(connection, this, table, columns, format));
    }

    @Override
    public WriterFactory rowWriter(TableRef table, List<Column> columns, int batchRows, HoldConnections hold) {
        return connection -> PgCopyWriter.encoding(connection, this, table, columns);
    }
}
