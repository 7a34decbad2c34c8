package io.poollab.migrate;

import io.poollab.db.KeyRange;
import io.poollab.db.RowDigest;
import java.util.List;
import java.util.Map;

/**
 * Where an interrupted run stopped, from its checkpoints: each table's partitions exactly as they were planned,
 * and those that were committed, with their row counts and source digests. A resumed run deletes the target rows
 * of every other partition by key range, copies only those, and verifies the whole table.
 *
 * @param fromRunId the interrupted run
 * @param tables    by table index (position in the config's table list)
 */
public record ResumePoint(long fromRunId, Map<Integer, TableCheckpoint> tables) {

    public ResumePoint {
        tables = Map.copyOf(tables);
    }

    /**
     * @param ranges every partition's key range, in partition order
     * @param done   committed partitions by index
     */
    public record TableCheckpoint(List<KeyRange> ranges, Map<Integer, Done> done) {

        public TableCheckpoint {
            ranges = List.copyOf(ranges);
            done = Map.copyOf(done);
        }
    }

    /** @param digest the source digest, or null when the interrupted run did not verify by checksum */
    public record Done(long rows, RowDigest.Value digest) {
    }
}
