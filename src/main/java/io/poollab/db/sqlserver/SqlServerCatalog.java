package io.poollab.db.sqlserver;

import io.poollab.db.Column;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a table's shape from the sys catalog views. Names are matched with the database collation, which is
 * case-insensitive on most servers, so no folding is needed; the returned {@link TableRef} carries the stored case.
 */
final class SqlServerCatalog {

    // sys.partitions rows for the heap (0) or clustered index (1) count every row once; it needs no VIEW DATABASE
    // STATE, unlike sys.dm_db_partition_stats.
    private static final String FIND_TABLE = """
            SELECT t.object_id, s.name, t.name,
                   (SELECT SUM(p.rows) FROM sys.partitions p WHERE p.object_id = t.object_id AND p.index_id IN (0, 1))
            FROM sys.tables t JOIN sys.schemas s ON s.schema_id = t.schema_id
            WHERE t.name = ? AND s.name = COALESCE(?, SCHEMA_NAME())""";

    // Alias types (and sysname) are reported as their base type; CLR types share one system_type_id, so they keep
    // their own name.
    private static final String COLUMNS = """
            SELECT c.name,
                   CASE WHEN ty.is_assembly_type = 1 THEN ty.name ELSE TYPE_NAME(c.system_type_id) END,
                   c.max_length, c.precision, c.scale, c.is_nullable
            FROM sys.columns c JOIN sys.types ty ON ty.user_type_id = c.user_type_id
            WHERE c.object_id = ?
            ORDER BY c.column_id""";

    // Unique constraints are unique indexes too. A filtered index is unique only over its filter, a disabled one
    // enforces nothing, and included columns are not part of the key.
    private static final String KEYS = """
            SELECT i.index_id, i.is_primary_key, c.name
            FROM sys.indexes i
            JOIN sys.index_columns ic ON ic.object_id = i.object_id AND ic.index_id = i.index_id
            JOIN sys.columns c ON c.object_id = ic.object_id AND c.column_id = ic.column_id
            WHERE i.object_id = ? AND i.is_unique = 1 AND i.has_filter = 0 AND i.is_disabled = 0
              AND i.is_hypothetical = 0 AND ic.is_included_column = 0
            ORDER BY i.index_id, ic.key_ordinal""";

    private SqlServerCatalog() {
    }

    static Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException {
        int objectId;
        TableRef ref;
        long estimate;
        try (PreparedStatement find = connection.prepareStatement(FIND_TABLE)) {
            find.setString(1, table.name());
            find.setString(2, table.schema());
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                objectId = rs.getInt(1);
                ref = new TableRef(rs.getString(2), rs.getString(3));
                estimate = rs.getLong(4);
                if (rs.wasNull()) {
                    estimate = -1;
                }
            }
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(COLUMNS)) {
            query.setInt(1, objectId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1),
                            SqlServerTypes.fromCatalog(rs.getString(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)),
                            rs.getBoolean(6)));
                }
            }
        }
        List<String> primaryKey = List.of();
        Map<Integer, List<String>> unique = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement(KEYS)) {
            query.setInt(1, objectId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    List<String> key = unique.computeIfAbsent(rs.getInt(1), id -> new ArrayList<>());
                    key.add(rs.getString(3));
                    if (rs.getBoolean(2)) {
                        primaryKey = key;
                    }
                }
            }
        }
        List<String> pk = primaryKey;
        List<List<String>> uniqueKeys = unique.values().stream().filter(k -> k != pk).toList();
        return Optional.of(new TableInfo(ref, columns, pk, uniqueKeys, estimate));
    }
}
