package io.poollab.config;

/**
 * One table to migrate.
 *
 * @param source the source table, {@code schema.name} or {@code name}
 * @param target the target table; defaults to the source name
 * @param key    the partitioning key column, or null for the primary key
 * @param mode   what to do with the target table first
 */
public record TableSpec(String source, String target, String key, TargetMode mode) {
}
