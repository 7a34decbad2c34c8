package io.poollab.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Applies PoolLab's health thresholds to one side's samples as they arrive, keeping both the state now and the
 * worst state of the run, each with its reason in numbers.
 * <ul>
 *   <li>healthy: utilization (active / maximumPoolSize) below 80%</li>
 *   <li>degraded: 80% to 95%, or above 95% without waiters, or above 95% with waiters for less than a second</li>
 *   <li>unhealthy: above 95% with waiters for at least {@value #SUSTAINED_MS} ms, or more than
 *       {@value #MAX_ERRORS} connection errors</li>
 * </ul>
 * An unpooled side has no cap, so only its errors count.
 */
public final class HealthTracker {

    public static final double DEGRADED_AT = 0.80;
    public static final double UNHEALTHY_AT = 0.95;
    public static final long SUSTAINED_MS = 1_000;
    public static final long MAX_ERRORS = 10;

    private final String side;
    private long saturatedSinceMs = -1;
    // Written by the sampler thread only; volatile so that a live endpoint reads the latest from its own thread.
    private volatile double peakUtilization;
    private volatile Assessment now = new Assessment(Health.HEALTHY, List.of());
    private volatile Assessment worst = now;

    public HealthTracker(String side) {
        this.side = side;
    }

    public Assessment update(long elapsedMs, PoolGauges gauges, long errors) {
        List<String> reasons = new ArrayList<>();
        Health health = Health.HEALTHY;
        double utilization = gauges.utilization();
        if (!Double.isNaN(utilization)) {
            peakUtilization = Math.max(peakUtilization, utilization);
            boolean saturated = utilization > UNHEALTHY_AT && gauges.pending() > 0;
            saturatedSinceMs = saturated ? (saturatedSinceMs < 0 ? elapsedMs : saturatedSinceMs) : -1;
            if (saturated && elapsedMs - saturatedSinceMs >= SUSTAINED_MS) {
                health = Health.UNHEALTHY;
                reasons.add(String.format(Locale.ROOT, "%s pool at %s of %d with %d waiting for %.1f s", side,
                        percent(utilization), gauges.max(), gauges.pending(), (elapsedMs - saturatedSinceMs) / 1000.0));
            } else if (utilization >= DEGRADED_AT) {
                health = Health.DEGRADED;
                reasons.add(String.format(Locale.ROOT, "%s pool at %s of %d (%d active, %d waiting)", side,
                        percent(utilization), gauges.max(), gauges.active(), gauges.pending()));
            }
        }
        if (errors > MAX_ERRORS) {
            health = Health.UNHEALTHY;
            reasons.add(side + " pool had " + errors + " connection errors (more than " + MAX_ERRORS + ")");
        }
        now = new Assessment(health, reasons);
        if (health.ordinal() >= worst.health().ordinal()) {
            worst = now;
        }
        return now;
    }

    public Assessment now() {
        return now;
    }

    /** The worst assessment seen in the run, with the reasons of the moment it was reached. */
    public Assessment worst() {
        return worst;
    }

    public double peakUtilization() {
        return peakUtilization;
    }

    private static String percent(double utilization) {
        return Math.round(utilization * 100) + "%";
    }

    public record Assessment(Health health, List<String> reasons) {
        public Assessment {
            reasons = List.copyOf(reasons);
        }
    }
}
