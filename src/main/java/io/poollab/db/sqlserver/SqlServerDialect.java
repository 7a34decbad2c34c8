package io.poollab.db.sqlserver;

import io.poollab.config.HoldConnections;
import io.poollab.db.Column;
import io.poollab.db.ColumnType;
import io.poollab.db.Dialect;
import io.poollab.db.JdbcValues;
import io.poollab.db.KeyCodec;
import io.poollab.db.Kind;
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
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import microsoft.sql.DateTimeOffset;

/**
 * SQL Server through mssql-jdbc: the sys catalog, SQLServerBulkCopy for writes, adaptive response buffering for
 * streaming reads, and sys.dm_exec_sessions for live sessions.
 */
public final class SqlServerDialect implements Dialect {

    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS",
            Locale.ROOT);
    private static final DateTimeFormatter MICROS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS",
            Locale.ROOT);

    // Without VIEW SERVER STATE, sys.dm_exec_sessions shows only the caller's own session: a count would look real
    // and be wrong, so it is reported as unknown instead.
    private static final String CAN_SEE_SESSIONS = "HAS_PERMS_BY_NAME(NULL, NULL, 'VIEW SERVER STATE') = 1";

    @Override
    public String id() {
        return "sqlserver";
    }

    @Override
    public String quote(String identifier) {
        return '[' + identifier.replace("]", "]]") + ']';
    }

    @Override
    public Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException {
        return SqlServerCatalog.describe(connection, table);
    }

    @Override
    public boolean isSystemSchema(String schema) {
        return "sys".equalsIgnoreCase(schema) || Dialect.super.isSystemSchema(schema);
    }

    @Override
    public String ddlType(ColumnType type) throws UnmappedTypeException {
        return SqlServerTypes.ddl(type);
    }

    /**
     * {@code responseBuffering=adaptive} streams large results instead of buffering them whole, and
     * {@code selectMethod=direct} keeps reads off server cursors. The socket timeout is generous (bulk loads and
     * sorted key-range reads legitimately go quiet for minutes) but not infinite: a hung server must not hang a run.
     */
    /** How long a run's connection may wait for the server, in milliseconds (mssql-jdbc's unit for it). */
    public static final int RUN_SOCKET_TIMEOUT_MS = 600_000;

    @Override
    public Map<String, String> connectionProperties(String applicationName, long connectTimeoutMs) {
        return Map.of(
                "applicationName", applicationName,
                "responseBuffering", "adaptive",
                "selectMethod", "direct",
                "loginTimeout", String.valueOf(Math.max(1, (connectTimeoutMs + 999) / 1000)),
                "socketTimeout", String.valueOf(RUN_SOCKET_TIMEOUT_MS));
    }

    /** mssql-jdbc's socketTimeout is in milliseconds, unlike its loginTimeout. */
    @Override
    public Map<String, String> boundedReadProperties(long timeoutMs) {
        return Map.of("socketTimeout", String.valueOf(Math.max(1, timeoutMs)));
    }

    /** ISO 8601 throughout: the one string form SQL Server reads the same under every language and DATEFORMAT. */
    @Override
    public String literal(Kind keyKind, long value) {
        return switch (keyKind) {
            case DATE -> "CAST('" + KeyCodec.toDate(value) + "' AS date)";
            case TIMESTAMP -> timestampLiteral(value);
            case TIMESTAMPTZ -> "CAST('" + MICROS.format(KeyCodec.toTimestamp(value)) + "+00:00' AS datetimeoffset(7))";
            default -> Long.toString(value);
        };
    }

    /**
     * Whole milliseconds stay an untyped string, which SQL Server converts to the key column's own type. A legacy
     * datetime key then compares exactly with the value read from it: against datetime2 the column would be widened,
     * .003 would become .0033333, and {@code key > lastKey} would read that row again. Finer values come only from
     * datetime2 keys or computed partition bounds, and are typed datetime2(7).
     */
    private static String timestampLiteral(long epochMicros) {
        LocalDateTime timestamp = KeyCodec.toTimestamp(epochMicros);
        return Math.floorMod(epochMicros, 1_000L) == 0
                ? "'" + MILLIS.format(timestamp) + "'"
                : "CAST('" + MICROS.format(timestamp) + "' AS datetime2(7))";
    }

    /** SQL Server has no FETCH FIRST without OFFSET; TOP with ORDER BY takes the first rows in key order. */
    @Override
    public String select(TableRef table, List<Column> columns, String where, String orderBy, long limitRows) {
        StringBuilder sql = new StringBuilder("SELECT ");
        if (limitRows > 0) {
            sql.append("TOP (").append(limitRows).append(") ");
        }
        sql.append(columnList(columns)).append(" FROM ").append(qualified(table));
        if (!where.isEmpty()) {
            sql.append(" WHERE ").append(where);
        }
        if (!orderBy.isEmpty()) {
            sql.append(" ORDER BY ").append(orderBy);
        }
        return sql.toString();
    }

    @Override
    public List<Long> sampleKeys(Connection connection, TableRef table, Column key, long rowEstimate, int wanted)
            throws SQLException {
        List<Long> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sampleSql(table, key, rowEstimate, wanted))) {
            while (rs.next()) {
                keys.add(KeyCodec.toLong(key.type().kind(), readValue(rs, 1, key.type().kind())));
            }
        }
        return keys;
    }

    /**
     * TABLESAMPLE picks whole pages: cheap on a big table, but on a small one it may return nothing at all, so
     * small tables are sampled row by row instead (or read whole when they hold barely more than is wanted).
     */
    String sampleSql(TableRef table, Column key, long rowEstimate, int wanted) {
        String select = "SELECT " + quote(key.name()) + " FROM " + qualified(table);
        if (rowEstimate <= wanted) {
            return select;
        }
        if (rowEstimate <= wanted * 20L) {
            long perTenThousand = Math.max(1, Math.round(10_000.0 * wanted / rowEstimate));
            // CHECKSUM can return INT_MIN, whose ABS overflows int: widen first.
            return select + " WHERE ABS(CAST(CHECKSUM(NEWID()) AS bigint)) % 10000 < " + perTenThousand;
        }
        double percent = Math.max(0.0001, 100.0 * wanted / rowEstimate);
        return select + " TABLESAMPLE (" + String.format(Locale.ROOT, "%.4f", percent) + " PERCENT) REPEATABLE (42)";
    }

    @Override
    public ServerInfo serverInfo(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT CAST(SERVERPROPERTY('ProductVersion') AS nvarchar(128)), "
                     + "@@MAX_CONNECTIONS, CASE WHEN " + CAN_SEE_SESSIONS + " THEN (SELECT COUNT(*) FROM "
                     + "sys.dm_exec_sessions WHERE is_user_process = 1) ELSE -1 END")) {
            rs.next();
            return new ServerInfo("SQL Server", rs.getString(1), rs.getInt(2), rs.getInt(3));
        }
    }

    /**
     * sys.dm_exec_connections needs VIEW SERVER STATE; without it CONNECTIONPROPERTY still answers for the
     * caller's own connection.
     */
    @Override
    public Optional<Boolean> tlsInUse(Connection connection) throws SQLException {
        String option;
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(
                     "SELECT encrypt_option FROM sys.dm_exec_connections WHERE session_id = @@SPID")) {
            option = rs.next() ? rs.getString(1) : null;
        } catch (SQLException noPermission) {
            try (Statement statement = connection.createStatement();
                 ResultSet rs = statement.executeQuery("SELECT CAST(CONNECTIONPROPERTY('encrypt_option') "
                         + "AS nvarchar(10))")) {
                option = rs.next() ? rs.getString(1) : null;
            }
        }
        return option == null ? Optional.empty() : Optional.of(option.trim().equalsIgnoreCase("TRUE"));
    }

    @Override
    public boolean canCountSessions() {
        return true;
    }

    @Override
    public OptionalInt countSessions(Connection monitor, String applicationName) throws SQLException {
        try (PreparedStatement count = monitor.prepareStatement("SELECT CASE WHEN " + CAN_SEE_SESSIONS
                + " THEN (SELECT COUNT(*) FROM sys.dm_exec_sessions WHERE program_name = ?) END")) {
            count.setString(1, applicationName);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                int sessions = rs.getInt(1);
                return rs.wasNull() ? OptionalInt.empty() : OptionalInt.of(sessions);
            }
        }
    }

    @Override
    public Optional<ServerWaits> sampleWaits(Connection monitor, String applicationName) throws SQLException {
        return SqlServerWaits.sample(monitor, applicationName, CAN_SEE_SESSIONS);
    }

    /**
     * uniqueidentifier travels as text: mssql-jdbc's getString returns the canonical form, while getBytes returns
     * SQL Server's storage order, whose first three groups are little-endian, so reading bytes as a UUID scrambles
     * it. The temporal kinds are read through java.time so that 100 ns digits and offsets survive (no Timestamp and
     * no JVM time zone in between).
     */
    @Override
    public Object readValue(ResultSet rs, int index, Kind kind) throws SQLException {
        Object value = switch (kind) {
            case UUID -> {
                String text = rs.getString(index);
                yield text == null ? null : UUID.fromString(text);
            }
            case TIMESTAMPTZ -> rs.getObject(index, OffsetDateTime.class);
            case TIME -> rs.getObject(index, LocalTime.class);
            case TIMESTAMP -> rs.getObject(index, LocalDateTime.class);
            default -> JdbcValues.read(rs, index, kind);
        };
        return rs.wasNull() ? null : value;
    }

    /** The mirror of {@link #readValue}: UUIDs as canonical text, offsets as the driver's own DateTimeOffset. */
    @Override
    public void bindValue(PreparedStatement statement, int index, Kind kind, Object value) throws SQLException {
        if (kind == Kind.UUID) {
            if (value == null) {
                statement.setNull(index, microsoft.sql.Types.GUID);
            } else {
                statement.setString(index, value.toString());
            }
        } else if (kind == Kind.TIMESTAMPTZ) {
            if (value == null) {
                statement.setNull(index, microsoft.sql.Types.DATETIMEOFFSET);
            } else {
                statement.setObject(index, DateTimeOffset.valueOf((OffsetDateTime) value));
            }
        } else {
            JdbcValues.bind(statement, index, kind, value);
        }
    }

    @Override
    public WriterFactory rowWriter(TableRef table, List<Column> columns, int batchRows, HoldConnections hold) {
        String destination = qualified(table);
        return connection -> new SqlServerBulkWriter(connection, destination, columns, batchRows);
    }
}
