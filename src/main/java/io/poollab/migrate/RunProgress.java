package io.poollab.migrate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a run has done so far, counted by its workers and read by the sampler: rows committed, rows and bytes
 * written, where the workers' time went, and the time since the copy started. Adders, because every worker adds to
 * them on each chunk and none of them may wait for another.
 */
final class RunProgress {

    private final TimeBreakdown time = new TimeBreakdown();
    private final LongAdder rowsCommitted = new LongAdder();
    private final LongAdder rowsWritten = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private volatile long startNanos;

    void started() {
        startNanos = System.nanoTime();
    }

    /** Since the copy started; 0 before it did (events of planning and setup). */
    long elapsedMs() {
        long start = startNanos;
        return start == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    TimeBreakdown time() {
        return time;
    }

    void rowsCommitted(long count) {
        rowsCommitted.add(count);
    }

    long rowsCommitted() {
        return rowsCommitted.sum();
    }

    /** Rows handed to the target's writer, committed or not yet: the work rate, for the throughput samples. */
    void rowsWritten(long count) {
        rowsWritten.add(count);
    }

    long rowsWritten() {
        return rowsWritten.sum();
    }

    void bytesWritten(long count) {
        bytesWritten.add(count);
    }

    long bytesWritten() {
        return bytesWritten.sum();
    }
}
