package io.poollab.migrate;

import io.poollab.db.KeyRange;
import io.poollab.db.RowDigest;

/**
 * One partition copied and committed: a checkpoint that a resumed run can build on.
 *
 * @param tableIndex the table's position in the run's table list
 * @param millis     wall time of the partition, from first borrow to commit
 * @param digest     the source rows' digest, or null when the run does not verify by checksum
 */
public record PartitionResult(String table, int tableIndex, int index, KeyRange range, long rows, long bytes,
                              long millis, int worker, RowDigest.Value digest) {
}
