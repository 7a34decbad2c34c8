package io.poollab.migrate;

import io.poollab.db.RangeReader;
import io.poollab.db.RowDigest;
import io.poollab.db.TableInfo;
import io.poollab.db.WriterFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * One table of a running migration: its plan, the prepared target, how to read and write it, and what each
 * partition produced. A partition's digest replaces any earlier attempt's, so a redone partition counts once.
 */
final class TableState {

    final TablePlan plan;
    final TableInfo target;
    final RangeReader reader;
    final WriterFactory writer;
    /** Reads the target back for verification, in the same form as {@link #reader} reads the source. */
    final RangeReader verifyReader;
    /** The digest of rows the target held before an append, taken out again when verifying. */
    final RowDigest targetBefore;
    final AtomicLong rows = new AtomicLong();
    /** Rows handed to the target's writer, committed or not: live progress within a partition's transaction. */
    final java.util.concurrent.atomic.LongAdder rowsWritten = new java.util.concurrent.atomic.LongAdder();
    private final AtomicReferenceArray<RowDigest> digests;
    private final AtomicReferenceArray<Long> partitionRows;

    TableState(TablePlan plan, TableInfo target, RangeReader reader, WriterFactory writer, RangeReader verifyReader,
               RowDigest targetBefore) {
        this.plan = plan;
        this.target = target;
        this.reader = reader;
        this.writer = writer;
        this.verifyReader = verifyReader;
        this.targetBefore = targetBefore;
        this.digests = new AtomicReferenceArray<>(plan.partitions().size());
        this.partitionRows = new AtomicReferenceArray<>(plan.partitions().size());
    }

    void completed(int partition, long partitionRowCount, RowDigest digest) {
        partitionRows.set(partition, partitionRowCount);
        digests.set(partition, digest);
        rows.addAndGet(partitionRowCount);
    }

    boolean isComplete(int partition) {
        return partitionRows.get(partition) != null;
    }

    int completedPartitions() {
        int done = 0;
        for (int i = 0; i < partitionRows.length(); i++) {
            done += partitionRows.get(i) == null ? 0 : 1;
        }
        return done;
    }

    /** The partitions not committed, as {@code table [range)}, for a stopped run's summary. */
    java.util.List<String> incompletePartitions() {
        java.util.List<String> incomplete = new java.util.ArrayList<>();
        for (int p = 0; p < plan.partitions().size(); p++) {
            if (!isComplete(p)) {
                incomplete.add(plan.label() + " " + plan.partitions().get(p));
            }
        }
        return incomplete;
    }

    /** The merged digest of every completed partition's source rows. */
    RowDigest sourceDigest() {
        RowDigest merged = new RowDigest();
        for (int i = 0; i < digests.length(); i++) {
            if (digests.get(i) != null) {
                merged.merge(digests.get(i));
            }
        }
        return merged;
    }
}
