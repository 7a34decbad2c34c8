package io.poollab.db;

public record Column(String name, ColumnType type, boolean nullable) {
}
