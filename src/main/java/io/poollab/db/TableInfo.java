package io.poollab.db;

import java.util.List;
import java.util.Optional;

/**
 * What the catalog says about one table.
 *
 * @param ref         the table's exact name in the catalog (case as stored)
 * @param primaryKey  primary key columns in key order, empty when there is none
 * @param uniqueKeys  the column lists of unique constraints and unique indexes, primary key excluded
 * @param rowEstimate the planner's estimate (PostgreSQL reltuples, SQL Server partition stats, H2 row count); -1 if unknown
 */
public record TableInfo(TableRef ref, List<Column> columns, List<String> primaryKey, List<List<String>> uniqueKeys,
                        long rowEstimate) {

    public TableInfo {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKeys = uniqueKeys.stream().map(List::copyOf).toList();
    }

    public Optional<Column> column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst()
                .or(() -> columns.stream().filter(c -> c.name().equalsIgnoreCase(name)).findFirst());
    }

    public int indexOf(String columnName) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(columnName)) {
                return i;
            }
        }
        return -1;
    }

    /** True when the single column is the whole primary key or a whole unique key. */
    public boolean isUniqueColumn(String name) {
        return primaryKey.equals(List.of(name)) || uniqueKeys.stream().anyMatch(k -> k.equals(List.of(name)));
    }
}
