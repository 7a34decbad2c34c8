package io.poollab.migrate;

/**
 * One source table as a table picker shows it.
 *
 * @param name        the table as written under {@code tables: - source:} in a run config; the planner resolves it
 *                    back to exactly this table
 * @param rowEstimate the catalog's estimate (PostgreSQL reltuples, SQL Server partition rows, H2's count); -1 when
 *                    unknown, e.g. a PostgreSQL table never analysed
 * @param key         the column a run would partition on, as stored in the catalog; null when none is usable
 * @param noKeyReason why no column is usable, one line ending in what that means for the copy; null when
 *                    {@code key} is set
 */
public record CatalogTable(String name, long rowEstimate, String key, String noKeyReason) {

    /** True when a run can split the table into key ranges and copy them with several workers. */
    public boolean partitionable() {
        return key != null;
    }
}
