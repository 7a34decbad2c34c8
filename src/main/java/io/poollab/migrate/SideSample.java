package io.poollab.migrate;

/**
 * One side's pool at one sampling instant.
 *
 * @param max         maximumPoolSize summed over the side's pools; 0 when unpooled
 * @param acquireP50Ms acquire wait percentiles over the interval since the previous sample, in ms
 * @param borrows     successful borrows in the interval
 * @param timeouts    connection timeouts since the run started (a running total)
 * @param errors      failed borrows since the run started, timeouts included (a running total)
 * @param dbSessions  server sessions with this side's application name, or -1 when the server cannot tell
 */
public record SideSample(int active, int idle, int pending, int total, int max,
                         double acquireP50Ms, double acquireP95Ms, double acquireP99Ms, double acquireMaxMs,
                         long borrows, long timeouts, long errors, int dbSessions) {

    /** active / max, or NaN when unpooled. */
    public double utilization() {
        return max == 0 ? Double.NaN : (double) active / max;
    }
}
