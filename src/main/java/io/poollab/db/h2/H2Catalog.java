package io.poollab.db.h2;

import io.poollab.db.Column;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a table's shape from H2 2.x's INFORMATION_SCHEMA. */
final class H2Catalog {

    private static final String COLUMNS = """
            SELECT COLUMN_NAME, DATA_TYPE, CHARACTER_MAXIMUM_LENGTH, NUMERIC_PRECISION, NUMERIC_SCALE,
                   DATETIME_PRECISION, IS_NULLABLE
            FROM INFORMATION_SCHEMA.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?
            ORDER BY ORDINAL_POSITION""";

    private static final String INDEXES = """
            SELECT i.INDEX_NAME, i.INDEX_TYPE_NAME, c.COLUMN_NAME
            FROM INFORMATION_SCHEMA.INDEXES i
            JOIN INFORMATION_SCHEMA.INDEX_COLUMNS c
              ON c.INDEX_SCHEMA = i.INDEX_SCHEMA AND c.INDEX_NAME = i.INDEX_NAME AND c.TABLE_NAME = i.TABLE_NAME
            WHERE i.TABLE_SCHEMA = ? AND i.TABLE_NAME = ? AND i.INDEX_TYPE_NAME IN ('PRIMARY KEY', 'UNIQUE INDEX')
            ORDER BY i.INDEX_NAME, c.ORDINAL_POSITION""";

    private H2Catalog() {
    }

    static Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException {
        String schema = table.schema() != null ? table.schema() : currentSchema(connection);
        Optional<TableInfo> exact = find(connection, schema, table.name());
        if (exact.isPresent()) {
            return exact;
        }
        // Unquoted identifiers fold to upper case in H2.
        return find(connection, schema.toUpperCase(), table.name().toUpperCase());
    }

    private static String currentSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery("SELECT SCHEMA()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static Optional<TableInfo> find(Connection connection, String schema, String name) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setString(1, schema);
            query.setString(2, name);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1),
                            H2Types.fromCatalog(rs.getString(2), rs.getLong(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)),
                            "YES".equals(rs.getString(7))));
                }
            }
        }
        if (columns.isEmpty()) {
            return Optional.empty();
        }
        Map<String, List<String>> unique = new LinkedHashMap<>();
        List<String> primaryKey = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(INDEXES)) {
            query.setString(1, schema);
            query.setString(2, name);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    if ("PRIMARY KEY".equals(rs.getString(2))) {
                        primaryKey.add(rs.getString(3));
                    } else {
                        unique.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(3));
                    }
                }
            }
        }
        TableRef ref = new TableRef(schema, name);
        long rows;
        // COUNT(*) is answered from the primary index's row count in H2's MVStore: no scan.
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"" + schema.replace("\"", "\"\"") + "\".\""
                     + name.replace("\"", "\"\"") + "\"")) {
            rs.next();
            rows = rs.getLong(1);
        }
        return Optional.of(new TableInfo(ref, columns, primaryKey, new ArrayList<>(unique.values()), rows));
    }
}
