package io.poollab.migrate;

/**
 * One partition copied and committed.
 *
 * @param range     the key range, as text ({@code [100, 200)})
 * @param millis    wall time of the partition, from first borrow to commit
 */
public record PartitionResult(String table, int index, String range, long rows, long bytes, long millis, int worker) {
}
