package io.poollab.migrate;

import io.poollab.db.ServerWaits;

/**
 * One side's pool at one sampling instant.
 *
 * @param max         maximumPoolSize summed over the side's pools; 0 when unpooled
 * @param acquireP50Ms acquire wait percentiles over the interval since the previous sample, in ms
 * @param borrows     successful borrows in the interval
 * @param timeouts    connection timeouts since the run started (a running total)
 * @param errors      failed borrows since the run started, timeouts included (a running total)
 * @param dbSessions  server sessions with this side's application name, or -1 when the server cannot tell
 * @param waits       what those sessions were doing on the server ({@link ServerWaits#NONE} when not sampled)
 */
public record SideSample(int active, int idle, int pending, int total, int max,
                         double acquireP50Ms, double acquireP95Ms, double acquireP99Ms, double acquireMaxMs,
                         long borrows, long timeouts, long errors, int dbSessions, ServerWaits waits) {

    /** A sample without server waits. */
    public SideSample(int active, int idle, int pending, int total, int max, double acquireP50Ms,
                      double acquireP95Ms, double acquireP99Ms, double acquireMaxMs, long borrows, long timeouts,
                      long errors, int dbSessions) {
        this(active, idle, pending, total, max, acquireP50Ms, acquireP95Ms, acquireP99Ms, acquireMaxMs, borrows,
                timeouts, errors, dbSessions, ServerWaits.NONE);
    }

    public SideSample {
        waits = waits == null ? ServerWaits.NONE : waits;
    }

    /** The same sample with the server's waits. */
    public SideSample withWaits(ServerWaits serverWaits) {
        return new SideSample(active, idle, pending, total, max, acquireP50Ms, acquireP95Ms, acquireP99Ms,
                acquireMaxMs, borrows, timeouts, errors, dbSessions, serverWaits);
    }

    /** active / max, or NaN when unpooled. */
    public double utilization() {
        return max == 0 ? Double.NaN : (double) active / max;
    }
}
