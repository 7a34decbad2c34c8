package io.poollab.migrate;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where worker threads spent their time, summed over every reader and writer thread, in nanoseconds.
 * Readers and writers run in parallel, so the sum exceeds the wall time; the shares are what matter.
 */
public final class TimeBreakdown {

    private final LongAdder read = new LongAdder();
    private final LongAdder acquire = new LongAdder();
    private final LongAdder queueWait = new LongAdder();
    private final LongAdder write = new LongAdder();
    private final LongAdder commit = new LongAdder();

    void addRead(long nanos) {
        read.add(nanos);
    }

    void addAcquire(long nanos) {
        acquire.add(nanos);
    }

    void addQueueWait(long nanos) {
        queueWait.add(nanos);
    }

    void addWrite(long nanos) {
        write.add(nanos);
    }

    void addCommit(long nanos) {
        commit.add(nanos);
    }

    public Snapshot snapshot() {
        return new Snapshot(ms(read), ms(acquire), ms(queueWait), ms(write), ms(commit));
    }

    private static long ms(LongAdder nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos.sum());
    }

    /** Milliseconds per activity. */
    public record Snapshot(long readMs, long acquireMs, long queueWaitMs, long writeMs, long commitMs) {

        public long totalMs() {
            return readMs + acquireMs + queueWaitMs + writeMs + commitMs;
        }
    }
}
