package io.poollab.demo;

import io.poollab.config.PoolSettings;
import io.poollab.config.Side;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.migrate.TimeBreakdown;

/**
 * One run of a scenario as measured: what the conclusion is computed from, and what the results table shows.
 *
 * @param copySeconds       the copy phase (the run's own clock: first worker start to last commit)
 * @param wallSeconds       from launching the run to its verified result: planning, resetting the target, filling
 *                          warm pools, the copy, verification
 * @param p95WaitMs         the worse side's p95 acquire wait over the run
 * @param connectionsOpened physical connections opened, both sides
 * @param peakOpen          the most connections open at once, both sides, as sampled (0 when the run ended before
 *                          its first sample)
 * @param error             why the run did not succeed, or null
 */
public record MeasuredStep(long runId, String variant, int repeat, Settings settings, RunStatus status,
                           String error, long rows, double copySeconds, double wallSeconds, double p95WaitMs,
                           long connectionsOpened, int peakOpen, TimeBreakdown.Snapshot time) {

    /**
     * The settings that differ between a scenario's variants.
     *
     * @param maximumPoolSize per pool (per worker in per-worker mode), the target's; 0 when unpooled
     * @param minimumIdle     the target pool's
     * @param idleTimeoutMs   the target pool's
     * @param maxLifetimeMs   the target pool's
     * @param connections     the connections the settings allow at once, both sides
     */
    public record Settings(int workers, String poolMode, String holdConnections, int batchRows, int maximumPoolSize,
                           int minimumIdle, long idleTimeoutMs, long maxLifetimeMs, int connections) {
    }

    static MeasuredStep of(Step step, RunResult result, double wallSeconds) {
        PoolSettings target = step.spec().targetPool();
        boolean unpooled = step.spec().poolMode() == io.poollab.config.PoolMode.UNPOOLED;
        Settings settings = new Settings(step.spec().workers(), step.spec().poolMode().id(),
                step.spec().holdConnections().id(), step.spec().batchRows(), unpooled ? 0 : target.maximumPoolSize(),
                unpooled ? 0 : target.minimumIdle(), target.idleTimeoutMs(), target.maxLifetimeMs(),
                step.connectionsAllowed());
        double p95 = 0;
        long opened = 0;
        int peak = 0;
        for (Side side : Side.values()) {
            RunResult.PoolSummary pool = result.pools().get(side);
            if (pool != null) {
                p95 = Math.max(p95, pool.acquire().p95Ms());
                opened += pool.created();
                peak += pool.peakTotal();
            }
        }
        return new MeasuredStep(result.runId(), step.variant(), step.repeat(), settings, result.status(),
                result.error(), result.rows(), result.seconds(), wallSeconds, p95, opened, peak,
                result.timeBreakdown());
    }

    public boolean succeeded() {
        return status == RunStatus.SUCCEEDED;
    }

    public double rowsPerSecond() {
        return copySeconds <= 0 ? 0 : rows / copySeconds;
    }

    /** The share of the workers' time spent acquiring connections (NaN when no time was recorded). */
    public double acquireShare() {
        return time.totalMs() == 0 ? Double.NaN : (double) time.acquireMs() / time.totalMs();
    }
}
