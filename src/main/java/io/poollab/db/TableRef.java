package io.poollab.db;

/**
 * A table name as a user wrote it ({@code schema.table} or {@code table}). Dialects resolve it against the catalog,
 * folding case the way the database does when the exact name is not found.
 *
 * @param schema the schema, or null for the connection's default
 */
public record TableRef(String schema, String name) {

    public static TableRef parse(String text) {
        String trimmed = text.trim();
        int dot = trimmed.indexOf('.');
        return dot < 0 ? new TableRef(null, trimmed) : new TableRef(trimmed.substring(0, dot), trimmed.substring(dot + 1));
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
