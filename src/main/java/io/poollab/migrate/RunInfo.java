package io.poollab.migrate;

import io.poollab.config.RunSpec;
import io.poollab.db.ServerInfo;
import java.util.List;

/**
 * What a run is about to do, known once planning succeeded.
 *
 * @param estimatedRows the sum of the source tables' row estimates, for progress and ETA
 * @param notes         what setup did that a user should know (sample data created)
 */
public record RunInfo(long runId, RunSpec spec, List<TablePlanInfo> tables, long estimatedRows,
                      ServerInfo sourceServer, ServerInfo targetServer, List<String> warnings, List<String> notes) {

    /**
     * @param key      the partitioning key, or null when the table is copied as one partition
     * @param transfer {@code copy-binary}, {@code copy-text} (PostgreSQL pass-through) or {@code rows} (decoded)
     * @param ranges   every partition's key range, in partition order
     */
    public record TablePlanInfo(String source, String target, String key, int partitions, long estimatedRows,
                                String transfer, List<io.poollab.db.KeyRange> ranges) {
    }
}
