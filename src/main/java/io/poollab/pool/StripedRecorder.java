package io.poollab.pool;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * An HdrHistogram {@link Recorder} split into stripes chosen by thread. Every value recorded into one shared Recorder
 * is a write to the same counters by every worker; measured with four threads, that contention cost more than the
 * whole of a bare HikariCP borrow (bench/pool-overhead.sh). Stripes keep writers apart; the sampler merges them.
 */
final class StripedRecorder {

    private final Recorder[] stripes;
    private final Histogram[] recycled;
    private final int mask;

    StripedRecorder(int significantDigits) {
        int wanted = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        int count = Integer.highestOneBit(wanted - 1) << 1;
        this.stripes = new Recorder[count];
        this.recycled = new Histogram[count];
        this.mask = count - 1;
        for (int i = 0; i < count; i++) {
            stripes[i] = new Recorder(significantDigits);
        }
    }

    void record(long value) {
        stripes[(int) (Thread.currentThread().getId() & mask)].recordValue(value);
    }

    /** Everything recorded since the previous call, merged into {@code into} (which is reset first). */
    Histogram drainInto(Histogram into) {
        into.reset();
        for (int i = 0; i < stripes.length; i++) {
            recycled[i] = stripes[i].getIntervalHistogram(recycled[i]);
            into.add(recycled[i]);
        }
        return into;
    }
}
