package io.poollab.metrics;

import io.poollab.config.Side;
import io.poollab.migrate.SideSample;
import io.poollab.pool.Health;
import io.poollab.pool.HealthTracker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code /health} answer: the engine's own assessment of each side at the latest sample (the thresholds of
 * ARCHITECTURE.md, applied by {@link HealthTracker}), the worse of the two as the status. HTTP 200 when healthy or
 * degraded, 503 when unhealthy, so that a load balancer or an uptime check needs no JSON parsing.
 */
public record HealthReport(Health status, List<String> reasons, Map<String, Object> body) {

    public int httpStatus() {
        return status == Health.UNHEALTHY ? 503 : 200;
    }

    static HealthReport of(LiveSnapshot snapshot) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (snapshot == null) {
            List<String> reasons = List.of("no run has started yet");
            body.put("status", Health.HEALTHY.id());
            body.put("reasons", reasons);
            body.put("run", null);
            body.put("pools", Map.of());
            body.put("thresholds", thresholds());
            return new HealthReport(Health.HEALTHY, reasons, body);
        }
        Health worst = Health.HEALTHY;
        Map<String, Object> pools = new LinkedHashMap<>();
        List<HealthTracker.Assessment> assessments = new ArrayList<>();
        for (Side side : Side.values()) {
            LiveSnapshot.SideView view = snapshot.sides().get(side);
            if (view == null) {
                continue;
            }
            HealthTracker.Assessment assessment = view.health();
            worst = worst.worse(assessment.health());
            assessments.add(assessment);
            pools.put(side.id(), pool(view, assessment));
        }
        // The worst pool's reasons first: reasons[0] says why the status is what it is.
        List<String> reasons = new ArrayList<>();
        assessments.stream().sorted(java.util.Comparator.comparing(HealthTracker.Assessment::health,
                java.util.Comparator.comparingInt(Health::ordinal)).reversed())
                .forEach(a -> reasons.addAll(a.reasons()));
        if (snapshot.sample() == null) {
            reasons.add("no sample yet");
        }
        body.put("status", worst.id());
        body.put("reasons", reasons);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("id", snapshot.runId());
        run.put("state", snapshot.state());
        run.put("elapsedSeconds", StatsReport.round(snapshot.elapsedSeconds(), 3));
        body.put("run", run);
        body.put("pools", pools);
        body.put("thresholds", thresholds());
        return new HealthReport(worst, List.copyOf(reasons), body);
    }

    private static Map<String, Object> pool(LiveSnapshot.SideView view, HealthTracker.Assessment assessment) {
        SideSample s = view.sample();
        Map<String, Object> pool = new LinkedHashMap<>();
        pool.put("status", assessment.health().id());
        pool.put("reasons", assessment.reasons());
        pool.put("utilization", StatsReport.ratio(s.utilization()));
        pool.put("active", s.active());
        pool.put("max", s.max());
        pool.put("pending", s.pending());
        pool.put("errors", s.errors());
        return pool;
    }

    private static Map<String, Object> thresholds() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("degradedAtUtilization", HealthTracker.DEGRADED_AT);
        t.put("unhealthyAboveUtilization", HealthTracker.UNHEALTHY_AT);
        t.put("unhealthyWithWaitersForMs", HealthTracker.SUSTAINED_MS);
        t.put("unhealthyAboveErrors", HealthTracker.MAX_ERRORS);
        return t;
    }
}
