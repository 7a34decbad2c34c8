package io.poollab.db.postgres;

import io.poollab.db.Column;
import io.poollab.db.TableInfo;
import io.poollab.db.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Reads a table's shape from pg_catalog. */
final class PgCatalog {

    private static final String FIND_TABLE = """
            SELECT c.oid, n.nspname, c.relname, c.reltuples::bigint
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND c.relname = ?
              AND (n.nspname = ? OR (? IS NULL AND n.oid = ANY (current_schemas(false)::regnamespace[])))
            ORDER BY array_position(current_schemas(false)::text[], n.nspname::text)
            LIMIT 1""";

    private static final String COLUMNS = """
            SELECT a.attname, t.typname, a.atttypmod, format_type(a.atttypid, a.atttypmod), a.attnotnull
            FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid
            WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
            ORDER BY a.attnum""";

    // Plain unique indexes only: a partial or expression index does not make a column unique for every row.
    private static final String KEYS = """
            SELECT i.indisprimary, array_agg(a.attname ORDER BY k.ord)
            FROM pg_index i
            CROSS JOIN LATERAL unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
            WHERE i.indrelid = ? AND i.indisunique AND i.indpred IS NULL AND i.indexprs IS NULL
            GROUP BY i.indexrelid, i.indisprimary""";

    // Partitioned tables (relkind p) are listed, their partitions are not: a run copies a partitioned table whole
    // through its parent, and listing both would offer every row twice.
    private static final String LIST_TABLES = """
            SELECT n.nspname, c.relname
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
            ORDER BY n.nspname, c.relname""";

    private PgCatalog() {
    }

    static List<TableRef> listTables(Connection connection) throws SQLException {
        List<TableRef> tables = new ArrayList<>();
        try (PreparedStatement list = connection.prepareStatement(LIST_TABLES); ResultSet rs = list.executeQuery()) {
            while (rs.next()) {
                if (!isSystemSchema(rs.getString(1))) {
                    tables.add(new TableRef(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** The catalog's own schemas, TOAST storage, and the schemas of other sessions' temporary tables. */
    static boolean isSystemSchema(String schema) {
        return schema != null && (schema.equals("pg_catalog") || schema.equals("information_schema")
                || schema.startsWith("pg_toast") || schema.startsWith("pg_temp_"));
    }

    static Optional<TableInfo> describe(Connection connection, TableRef table) throws SQLException {
        Optional<TableInfo> exact = find(connection, table.schema(), table.name());
        if (exact.isPresent() || table.name().equals(table.name().toLowerCase())) {
            return exact;
        }
        // Unquoted identifiers fold to lower case in PostgreSQL: "Posts" written in a config means posts.
        String schema = table.schema() == null ? null : table.schema().toLowerCase();
        return find(connection, schema, table.name().toLowerCase());
    }

    private static Optional<TableInfo> find(Connection connection, String schema, String name) throws SQLException {
        long oid;
        TableRef ref;
        long estimate;
        try (PreparedStatement find = connection.prepareStatement(FIND_TABLE)) {
            find.setString(1, name);
            find.setString(2, schema);
            find.setString(3, schema);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                oid = rs.getLong(1);
                ref = new TableRef(rs.getString(2), rs.getString(3));
                estimate = rs.getLong(4);
            }
        }
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement cols = connection.prepareStatement(COLUMNS)) {
            cols.setLong(1, oid);
            try (ResultSet rs = cols.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1),
                            PgTypes.fromCatalog(rs.getString(2), rs.getInt(3), rs.getString(4)), !rs.getBoolean(5)));
                }
            }
        }
        List<String> primaryKey = List.of();
        List<List<String>> uniqueKeys = new ArrayList<>();
        try (PreparedStatement keys = connection.prepareStatement(KEYS)) {
            keys.setLong(1, oid);
            try (ResultSet rs = keys.executeQuery()) {
                while (rs.next()) {
                    List<String> keyColumns = Arrays.asList((String[]) rs.getArray(2).getArray());
                    if (rs.getBoolean(1)) {
                        primaryKey = keyColumns;
                    } else {
                        uniqueKeys.add(keyColumns);
                    }
                }
            }
        }
        // reltuples is -1 for a table never vacuumed or analysed (PostgreSQL 14+).
        return Optional.of(new TableInfo(ref, columns, primaryKey, uniqueKeys, estimate < 0 ? -1 : estimate));
    }
}
