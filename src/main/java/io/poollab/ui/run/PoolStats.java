package io.poollab.ui.run;

import io.poollab.migrate.Run;
import io.poollab.migrate.SideSample;

/**
 * One side's pool counters for the stats panel.
 *
 * @param closed      physical connections closed so far: created − open
 * @param reused      borrows served by a connection already open: borrows − created (0 when unpooled)
 * @param utilization active / maximumPoolSize now; NaN when unpooled
 */
public record PoolStats(long created, long reused, long closed, long errors, long timeouts, double utilization,
                        double peakUtilization) {

    public static final PoolStats NONE = new PoolStats(0, 0, 0, 0, 0, Double.NaN, Double.NaN);

    static PoolStats of(Run.PoolCounters counters, SideSample now, double peakUtilization) {
        long reused = now.max() == 0 ? 0 : Math.max(0, counters.borrows() - counters.created());
        return new PoolStats(counters.created(), reused, Math.max(0, counters.created() - now.total()),
                counters.errors(), counters.timeouts(), now.utilization(), peakUtilization);
    }
}
