package io.poollab.migrate;

/**
 * One side's pool counters at one sample, as the Run view's stats panel and the live {@code /stats} endpoint show
 * them: derived here once, from the run's counters and its sample.
 *
 * @param closed       physical connections closed so far: created − open
 * @param reused       borrows served by a connection already open: borrows − created (0 when unpooled)
 * @param staleRemoved connections the pool retired while the run went on (maxLifetime, idleTimeout, a failed
 *                     validation, or evicted after a shrinking resize): the closes that were not a worker's own pool
 *                     closing with it; 0 when unpooled, where every close ends a borrow
 * @param utilization  active / maximumPoolSize now; NaN when unpooled
 */
public record PoolStats(long created, long reused, long closed, long staleRemoved, long errors, long timeouts,
                        double utilization, double peakUtilization) {

    public static final PoolStats NONE = new PoolStats(0, 0, 0, 0, 0, 0, Double.NaN, Double.NaN);

    public static PoolStats of(Run.PoolCounters counters, SideSample now, double peakUtilization) {
        boolean pooled = now.max() > 0;
        long reused = pooled ? Math.max(0, counters.borrows() - counters.created()) : 0;
        long closed = Math.max(0, counters.created() - now.total());
        long stale = pooled ? Math.max(0, closed - counters.closedWithPool()) : 0;
        return new PoolStats(counters.created(), reused, closed, stale, counters.errors(), counters.timeouts(),
                now.utilization(), peakUtilization);
    }
}
