package io.poollab.pool;

/**
 * Connection counts of one side at one instant, summed over the side's pools.
 *
 * @param pending threads waiting for a connection (unpooled: threads inside a physical connect)
 * @param max     the side's maximumPoolSize summed over its pools; 0 when unpooled (no cap)
 */
public record PoolGauges(int active, int idle, int pending, int total, int max) {

    public static final PoolGauges EMPTY = new PoolGauges(0, 0, 0, 0, 0);

    public PoolGauges plus(PoolGauges other) {
        return new PoolGauges(active + other.active, idle + other.idle, pending + other.pending,
                total + other.total, max + other.max);
    }

    /** active / max, or NaN when there is no cap. */
    public double utilization() {
        return max == 0 ? Double.NaN : (double) active / max;
    }
}
