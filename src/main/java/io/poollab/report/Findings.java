package io.poollab.report;

import io.poollab.analysis.Comparison;
import io.poollab.history.RunDetail;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Health findings per run and the report's recommendation, each sentence computed from stored figures. The
 * recommendation rests on pool health only (utilization, waiting, timeouts, errors); the sweep advisor replaces it
 * with measured alternatives once it exists.
 */
public final class Findings {

    /** Utilization at or above this, with workers waiting, makes a pool the constraint (ARCHITECTURE.md: 95%). */
    static final double SATURATED = 0.95;
    /** A pool whose peak stays at or under half of it is larger than the work needs. */
    static final double OVERSIZED = 0.5;

    public enum Severity { OK, WARNING, PROBLEM }

    public record Finding(long runId, Severity severity, String text) {
    }

    private Findings() {
    }

    static List<Finding> of(List<RunDetail> runs) {
        List<Finding> findings = new ArrayList<>();
        for (RunDetail run : runs) {
            long id = run.summary().id();
            String health = run.summary().health();
            if (!run.summary().status().equals("succeeded")) {
                findings.add(new Finding(id, Severity.PROBLEM, "Run " + id + " " + run.summary().status()
                        + (run.error() == null ? "" : ": " + run.error()) + ". Its figures cover only what it did"
                        + " before it stopped."));
            }
            if (health != null) {
                Severity severity = switch (health) {
                    case "healthy" -> Severity.OK;
                    case "degraded" -> Severity.WARNING;
                    default -> Severity.PROBLEM;
                };
                findings.add(new Finding(id, severity, "Run " + id + " was " + health
                        + (run.healthReasons() == null || run.healthReasons().isBlank() ? ""
                        : ": " + run.healthReasons()) + "."));
            }
            run.pools().forEach((side, pool) -> pool(id, side, pool).ifPresent(findings::add));
        }
        return findings;
    }

    private static Optional<Finding> pool(long id, String side, RunDetail.Pool p) {
        if (p.peakActive() == null || p.maximumPoolSize() == 0) {
            return Optional.empty();
        }
        long timeouts = p.timeouts() == null ? 0 : p.timeouts();
        long errors = p.errors() == null ? 0 : p.errors();
        int pending = p.peakPending() == null ? 0 : p.peakPending();
        String peak = p.peakActive() + " of " + p.maximumPoolSize();
        if (timeouts > 0) {
            return Optional.of(new Finding(id, Severity.PROBLEM, String.format(Locale.ROOT,
                    "Run %d, %s pool: %d connection timeout%s after %s; up to %d workers waited for %d connections.",
                    id, side, timeouts, timeouts == 1 ? "" : "s", Units.latency(p.connectionTimeoutMs()), pending,
                    p.maximumPoolSize())));
        }
        if (errors > 0) {
            return Optional.of(new Finding(id, Severity.PROBLEM, "Run " + id + ", " + side + " pool: " + errors
                    + " connection error" + (errors == 1 ? "" : "s") + "."));
        }
        if (pending > 0 && utilization(p) >= SATURATED) {
            return Optional.of(new Finding(id, Severity.WARNING, "Run " + id + ", " + side + " pool: every connection"
                    + " was in use (" + peak + ") with up to " + pending + " worker" + (pending == 1 ? "" : "s")
                    + " waiting; p95 acquire wait " + latency(p.acquireP95Ms()) + ", max " + latency(p.acquireMaxMs())
                    + "."));
        }
        if (utilization(p) <= OVERSIZED && p.peakActive() < p.maximumPoolSize()) {
            return Optional.of(new Finding(id, Severity.OK, "Run " + id + ", " + side + " pool: at most " + peak
                    + " connections were in use; the rest of the pool was never needed."));
        }
        return Optional.of(new Finding(id, Severity.OK, "Run " + id + ", " + side + " pool: peak " + peak
                + " in use, " + (pending == 0 ? "nobody waited" : "up to " + pending + " waiting") + "; p95 acquire"
                + " wait " + latency(p.acquireP95Ms()) + "."));
    }

    static List<String> recommendation(List<RunDetail> runs, Optional<RunDetail> winner, Comparison comparison) {
        List<String> lines = new ArrayList<>();
        if (winner.isEmpty()) {
            lines.add("No run succeeded, so there are no measured settings to recommend: fix the failure shown under"
                    + " Health findings and run again.");
            return lines;
        }
        RunDetail w = winner.get();
        long id = w.summary().id();
        lines.add(runs.size() == 1
                ? "Run " + id + " moved " + Units.count(w.summary().rows()) + " rows at "
                + Units.rate(w.summary().rowsPerSecond()) + " with " + w.summary().workers() + " worker"
                + (w.summary().workers() == 1 ? "" : "s") + " (" + w.summary().poolMode() + " pools)."
                : "Run " + id + " had the highest throughput of the runs compared, "
                + Units.rate(w.summary().rowsPerSecond()) + " with " + w.summary().workers() + " worker"
                + (w.summary().workers() == 1 ? "" : "s") + " (" + w.summary().poolMode() + " pools); the config"
                + " snippets below carry its settings.");
        w.pools().forEach((side, p) -> {
            if (p.peakActive() == null || p.maximumPoolSize() == 0) {
                return;
            }
            int pending = p.peakPending() == null ? 0 : p.peakPending();
            if (pending > 0 && utilization(p) >= SATURATED) {
                lines.add("Its " + side + " pool was the constraint: all " + p.maximumPoolSize() + " connections in use"
                        + " with up to " + pending + " waiting (p95 " + latency(p.acquireP95Ms()) + "). A larger"
                        + " maximumPoolSize may be faster; a sweep measures how much larger helps.");
            } else if (utilization(p) <= OVERSIZED && p.peakActive() < p.maximumPoolSize()) {
                lines.add("Its " + side + " pool never had more than " + p.peakActive() + " of "
                        + p.maximumPoolSize() + " connections in use: maximumPoolSize " + Math.max(1, p.peakActive())
                        + " would have served the same work with fewer connections on the server.");
            } else {
                lines.add("Its " + side + " pool fit the work: peak " + p.peakActive() + " of " + p.maximumPoolSize()
                        + " in use" + (pending == 0 ? " and nobody waited" : ", up to " + pending + " waiting")
                        + "; p95 acquire wait " + latency(p.acquireP95Ms()) + ".");
            }
        });
        if (comparison != null) {
            comparison.verdict().stream().filter(v -> v.contains("noise") || v.contains("spread")).findFirst()
                    .ifPresent(lines::add);
        }
        return lines;
    }

    private static double utilization(RunDetail.Pool p) {
        return p.peakUtilization() != null ? p.peakUtilization() : (double) p.peakActive() / p.maximumPoolSize();
    }

    private static String latency(Double ms) {
        return ms == null ? "not measured" : Units.latency(ms);
    }
}
