package io.poollab.analysis;

import io.poollab.history.RunDetail;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.pool.HealthTracker;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the advisor needs of one side's pool, computed once from the stored totals, histogram percentiles and
 * samples: the inputs of Little's law, the churn, the time saturated, the idle share.
 */
record PoolFacts(String side, String mode, int maximumPoolSize, int minimumIdle, long connectionTimeoutMs,
                         long idleTimeoutMs, long maxLifetimeMs, long keepaliveTimeMs, int peakActive,
                         int peakPending, int peakTotal, int peakActiveAllPools, double peakUtilization,
                         long created, long borrows, long timeouts, double seconds, double borrowsPerSecond,
                         double meanHoldMs, double littleL, double maxWaitMs, double p99WaitMs, long replacements,
                         double churnPerMinute, Double meanConnectMs, double connectSeconds, long saturatedMs,
                         double idleShare) {

    static PoolFacts of(RunDetail run, String side, List<RunSample> samples) {
        RunDetail.Pool p = run.pools().get(side);
        double seconds = orZero(run.summary().seconds());
        long borrows = orZero(p.borrows());
        double rate = seconds > 0 ? borrows / seconds : 0;
        double hold = p.usageMeanMs() == null ? 0 : p.usageMeanMs();
        int peakTotal = orZero(p.peakTotal());
        long created = orZero(p.created());
        long replacements = Math.max(0, created - peakTotal);
        double minutes = seconds / 60;
        Double connectMs = p.creationMeanMs();
        int peakActive = orZero(p.peakActive());
        int pools = run.summary().poolMode().equals("per-worker") ? run.summary().workers() : 1;
        int max = p.maximumPoolSize();
        return new PoolFacts(side, run.summary().poolMode(), max, p.minimumIdle(), p.connectionTimeoutMs(),
                p.idleTimeoutMs(), p.maxLifetimeMs(), p.keepaliveTimeMs(), peakActive / pools,
                orZero(p.peakPending()), peakTotal, peakActive,
                p.peakUtilization() == null ? 0 : p.peakUtilization(), created, borrows, orZero(p.timeouts()),
                seconds, rate, hold, rate * hold / 1000, orZero(p.acquireMaxMs()), orZero(p.acquireP99Ms()),
                replacements, minutes > 0 ? replacements / minutes : 0, connectMs,
                connectMs == null ? 0 : created * connectMs / 1000, saturatedMs(samples, side),
                idleShare(samples, side));
    }

    Map<String, Object> sizeNumbers() {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("configured", maximumPoolSize);
        numbers.put("borrowsPerSecond", borrowsPerSecond);
        numbers.put("meanHoldMs", meanHoldMs);
        numbers.put("littlesLawConnections", littleL);
        numbers.put("peakActive", peakActive);
        numbers.put("peakPending", peakPending);
        numbers.put("peakUtilization", peakUtilization);
        numbers.put("saturatedMs", saturatedMs);
        numbers.put("timeouts", timeouts);
        return numbers;
    }

    /** Time spent above 95% with waiters, from the samples (each sample stands for the interval before it). */
    static long saturatedMs(List<RunSample> samples, String side) {
        long total = 0;
        long previous = 0;
        for (RunSample sample : samples) {
            SideSample s = side.equals("source") ? sample.source() : sample.target();
            if (s.max() > 0 && s.utilization() > HealthTracker.UNHEALTHY_AT && s.pending() > 0) {
                total += sample.elapsedMs() - previous;
            }
            previous = sample.elapsedMs();
        }
        return total;
    }

    /** The mean share of open connections that were idle, over the samples with any open. */
    static double idleShare(List<RunSample> samples, String side) {
        double sum = 0;
        int n = 0;
        for (RunSample sample : samples) {
            SideSample s = side.equals("source") ? sample.source() : sample.target();
            if (s.total() > 0) {
                sum += (double) s.idle() / s.total();
                n++;
            }
        }
        return n == 0 ? 0 : sum / n;
    }

    /** A stored figure that may be missing (an older run, or a server that could not tell), as 0. */
    static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    static double orZero(Double value) {
        return value == null ? 0 : value;
    }
}
