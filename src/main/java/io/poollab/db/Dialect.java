package io.poollab.db;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
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
import java.util.stream.Collectors;

/**
 * Everything that differs between PostgreSQL, SQL Server and H2: catalog, quoting, the type map, SQL for key
 * ranges, streaming settings, bulk writers and server-side session counts. One instance per database kind,
 * stateless and thread-safe.
 */
public interface Dialect {

    /** {@code postgresql}, {@code sqlserver} or {@code h2}. */
    String id();

    String quote(String identifier);

    /** How the database folds an unquoted identifier: lower case in PostgreSQL, upper case in H2. */
    default String fold(String identifier) {
        return identifier;
    }

    default String qualified(TableRef table) {
        return table.schema() == null ? quote(table.name()) : quote(table.schema()) + "." + quote(table.name());
    }

    default String columnList(List<Column> columns) {
        return columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    }

    /** The table's columns, keys and row estimate; empty when there is no such table. */
    Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException;

    /**
     * The user tables of the connection's database, with the names stored in the catalog, for a table picker.
     * Views and the system schemas ({@link #isSystemSchema}) are left out.
     */
    default List<TableRef> listTables(Connection connection) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        // H2 2.x reports its tables as BASE TABLE but still answers to the standard TABLE type asked for here.
        try (ResultSet rs = connection.getMetaData().getTables(connection.getCatalog(), null, "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                String schema = rs.getString("TABLE_SCHEM");
                if (!isSystemSchema(schema)) {
                    tables.add(new TableRef(schema, rs.getString("TABLE_NAME")));
                }
            }
        }
        return tables;
    }

    /** True for a schema that holds the database's own catalog rather than user tables. */
    default boolean isSystemSchema(String schema) {
        return "information_schema".equalsIgnoreCase(schema);
    }

    /** This dialect's spelling of a neutral type, for CREATE TABLE on the target. */
    String ddlType(ColumnType type) throws UnmappedTypeException;

    /** Driver properties every PoolLab connection gets: the application name, streaming and timeout settings. */
    Map<String, String> connectionProperties(String applicationName, long connectTimeoutMs);

    /**
     * Extra driver properties for a short-lived connection (the connection tester) that bound every socket read,
     * so that a server which accepts and then stays silent cannot hold it past {@code timeoutMs}. Pools do not get
     * them: a long COPY must not be cut off.
     */
    default Map<String, String> boundedReadProperties(long timeoutMs) {
        return Map.of();
    }

    /** Run once on every new physical connection (HikariCP's connectionInitSql), if any. */
    default Optional<String> connectionInitSql() {
        return Optional.empty();
    }

    /** Rows per network round trip for streaming reads. */
    default int fetchSize() {
        return 10_000;
    }

    /** A SQL literal for a range key value given in the key's long domain ({@link KeyCodec}). */
    String literal(Kind keyKind, long value);

    /** A SELECT of {@code columns} with an optional WHERE, key order and row limit. */
    default String select(TableRef table, List<Column> columns, String where, String orderBy, long limitRows) {
        StringBuilder sql = new StringBuilder("SELECT ").append(columnList(columns))
                .append(" FROM ").append(qualified(table));
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(where);
        }
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(orderBy);
        }
        if (limitRows > 0) {
            sql.append(" FETCH FIRST ").append(limitRows).append(" ROWS ONLY");
        }
        return sql.toString();
    }

    /** Minimum and maximum of the key in its long domain, or empty for an empty table. Reads committed data. */
    default Optional<long[]> keyBounds(Connection connection, TableRef table, Column key) throws SQLException {
        String sql = "SELECT MIN(" + quote(key.name()) + "), MAX(" + quote(key.name()) + ") FROM " + qualified(table);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            Object min = readValue(rs, 1, key.type().kind());
            Object max = readValue(rs, 2, key.type().kind());
            if (min == null) {
                return Optional.empty();
            }
            Kind kind = key.type().kind();
            return Optional.of(new long[] {KeyCodec.toLong(kind, min), KeyCodec.toLong(kind, max)});
        }
    }

    /**
     * Up to about {@code wanted} keys sampled across the table, unsorted, for quantile boundaries of skewed keys.
     * {@code rowEstimate} lets a dialect pick a sampling percentage.
     */
    List<Long> sampleKeys(Connection connection, TableRef table, Column key, long rowEstimate, int wanted)
            throws SQLException;

    default long countRows(Connection connection, TableRef table, String where) throws SQLException {
        String sql = "SELECT COUNT(*) FROM " + qualified(table) + (where.isEmpty() ? "" : " WHERE " + where);
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    default String truncateSql(TableRef table) {
        return "TRUNCATE TABLE " + qualified(table);
    }

    default String dropTableIfExistsSql(TableRef table) {
        return "DROP TABLE IF EXISTS " + qualified(table);
    }

    default String createTableSql(TableRef table, List<String> columnDefinitions, List<String> primaryKey) {
        StringBuilder sql = new StringBuilder("CREATE TABLE ").append(qualified(table)).append(" (")
                .append(String.join(", ", columnDefinitions));
        if (!primaryKey.isEmpty()) {
            sql.append(", PRIMARY KEY (")
                    .append(primaryKey.stream().map(this::quote).collect(Collectors.joining(", "))).append(')');
        }
        return sql.append(')').toString();
    }

    ServerInfo serverInfo(Connection connection) throws SQLException;

    /** Whether this connection is encrypted (TLS); empty where that does not apply (embedded H2). */
    default Optional<Boolean> tlsInUse(Connection connection) throws SQLException {
        return Optional.empty();
    }

    /** True when {@link #countSessions} can see sessions by application name. */
    default boolean canCountSessions() {
        return false;
    }

    /**
     * Live server sessions whose application name is {@code applicationName}, counted on the server; empty when
     * the dialect cannot see sessions by name (H2).
     */
    default OptionalInt countSessions(Connection monitor, String applicationName) throws SQLException {
        return OptionalInt.empty();
    }

    /**
     * What this run's sessions are doing on the server right now, by {@link WaitBucket}: the sessions named
     * {@code applicationName} and those of its per-worker pools ({@code applicationName-w<n>}), the monitor itself
     * left out. Empty where the server cannot tell (H2).
     */
    default Optional<ServerWaits> sampleWaits(Connection monitor, String applicationName)
            throws SQLException {
        return Optional.empty();
    }

    /** Reads column {@code index} as the kind's canonical Java type ({@link Kind#javaType()}), or null. */
    default Object readValue(ResultSet rs, int index, Kind kind) throws SQLException {
        return JdbcValues.read(rs, index, kind);
    }

    default void bindValue(PreparedStatement statement, int index, Kind kind, Object value) throws SQLException {
        JdbcValues.bind(statement, index, kind, value);
    }

    /** A reader that decodes rows; dialects override it with a faster native path where they have one. */
    default RangeReader rowReader(TableInfo table, List<Column> columns, Column key) {
        return new JdbcRangeReader(this, table.ref(), columns, key);
    }

    /**
     * A reader of undecoded rows (PostgreSQL COPY), usable when the target is the same dialect with identical
     * column types; empty where the dialect has none.
     */
    default Optional<RangeReader> rawReader(TableRef table, List<Column> columns, Column key, CopyFormat format) {
        return Optional.empty();
    }

    /** The writer matching {@link #rawReader}; empty where the dialect has none. */
    default Optional<WriterFactory> rawWriter(TableRef table, List<Column> columns, CopyFormat format) {
        return Optional.empty();
    }

    /** The bulk writer for decoded rows: COPY, SQLServerBulkCopy or batched inserts. */
    default WriterFactory rowWriter(TableRef table, List<Column> columns, int batchRows, HoldConnections hold) {
        return connection -> new JdbcInsertWriter(this, connection, table, columns, batchRows);
    }
}
