package io.poollab.db.h2;

import io.poollab.db.Column;
import io.poollab.db.ColumnType;
import io.poollab.db.Dialect;
import io.poollab.db.KeyCodec;
import io.poollab.db.Kind;
import io.poollab.db.ServerInfo;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import io.poollab.db.UnmappedTypeException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** H2 2.x: INFORMATION_SCHEMA, lazy query execution for streaming reads, batched inserts for writes. */
public final class H2Dialect implements Dialect {

    @Override
    public String id() {
        return "h2";
    }

    @Override
    public String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public String fold(String identifier) {
        return identifier.toUpperCase(java.util.Locale.ROOT);
    }

    @Override
    public Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException {
        return H2Catalog.describe(connection, table);
    }

    @Override
    public String ddlType(ColumnType type) throws UnmappedTypeException {
        return H2Types.ddl(type);
    }

    @Override
    public Map<String, String> connectionProperties(String applicationName, long connectTimeoutMs) {
        // H2 has no application name and no network timeout for embedded files.
        return Map.of();
    }

    @Override
    public Optional<String> connectionInitSql() {
        // Without it H2 materialises a whole result before the first row is returned.
        return Optional.of("SET LAZY_QUERY_EXECUTION TRUE");
    }

    @Override
    public String literal(Kind keyKind, long value) {
        return switch (keyKind) {
            case DATE -> "DATE '" + KeyCodec.toDate(value) + "'";
            case TIMESTAMP -> "TIMESTAMP '" + KeyCodec.toTimestamp(value).toString().replace('T', ' ') + "'";
            case TIMESTAMPTZ -> "TIMESTAMP WITH TIME ZONE '"
                    + KeyCodec.toTimestamp(value).toString().replace('T', ' ') + "+00:00'";
            default -> Long.toString(value);
        };
    }

    @Override
    public List<Long> sampleKeys(Connection connection, TableRef table, Column key, long rowEstimate, int wanted)
            throws SQLException {
        double fraction = rowEstimate <= 0 ? 1 : Math.min(1, (double) wanted / rowEstimate);
        String sql = "SELECT " + quote(key.name()) + " FROM " + qualified(table) + " WHERE RAND() < " + fraction;
        List<Long> keys = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                keys.add(KeyCodec.toLong(key.type().kind(), readValue(rs, 1, key.type().kind())));
            }
        }
        return keys;
    }

    @Override
    public ServerInfo serverInfo(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT H2VERSION(), "
                     + "(SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS)")) {
            rs.next();
            return new ServerInfo("H2", rs.getString(1), -1, rs.getInt(2));
        }
    }
}
