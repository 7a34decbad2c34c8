package io.poollab.analysis;

import io.poollab.config.PoolSettings;
import io.poollab.history.RunDetail;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The advisor's view beyond one run: the servers' connection budget for a fleet, and the rules of thumb. */
final class DeploymentRules {

    /** The rule of thumb's spindle count: one for an SSD or a single volume. */
    static final int SPINDLES = 1;

    private DeploymentRules() {
    }

    /**
     * {@code instances × connections per instance ≤ max_connections − reserved − other sessions}, per server: a
     * reason either way, and a warning when it does not fit.
     */
    static void fleetBudget(RunDetail run, String side, String mode, int workers, int size, Advisor.Fleet fleet,
                                    List<Advisor.Reason> reasons, List<String> warnings) {
        RunDetail.Environment env = run.environment().get(side);
        if (env == null || env.maxConnections() == null || env.maxConnections() <= 0) {
            return;
        }
        int perInstance = mode.equals("per-worker") ? workers * size : size;
        int others = env.sessions() == null ? 0 : Math.max(0, env.sessions());
        int budget = env.maxConnections() - fleet.reservedConnections() - others;
        int needed = fleet.instances() * perInstance;
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("instances", fleet.instances());
        numbers.put("connectionsPerInstance", perInstance);
        numbers.put("needed", needed);
        numbers.put("maxConnections", env.maxConnections());
        numbers.put("reserved", fleet.reservedConnections());
        numbers.put("otherSessions", others);
        numbers.put("budget", budget);
        numbers.put("violation", needed > budget);
        String sum = String.format(Locale.ROOT, "%d instance%s × %d = %d connections against max_connections %d − %d "
                        + "reserved − %d other sessions = %d", fleet.instances(), fleet.instances() == 1 ? "" : "s",
                perInstance, needed, env.maxConnections(), fleet.reservedConnections(), others, budget);
        if (needed > budget) {
            String warning = side + " server over budget: " + sum + "; lower the size or the instances, or put a "
                    + "pooler (PgBouncer) in front";
            warnings.add(warning);
            reasons.add(new Advisor.Reason("fleetBudget", side, "VIOLATED: " + sum, numbers));
        } else {
            reasons.add(new Advisor.Reason("fleetBudget", side, "fits: " + sum, numbers));
        }
    }

    /** The reference rules, computed for the run's host and settings; shown beside, never chosen. */
    static List<Advisor.Reason> rulesOfThumb(RunDetail run, int workers, Map<String, PoolSettings> pools) {
        List<Advisor.Reason> rules = new ArrayList<>();
        RunDetail.Environment env = run.environment().getOrDefault("target", run.environment().get("source"));
        if (env != null) {
            int cores = env.clientCores();
            rules.add(new Advisor.Reason("maximumPoolSize", null, String.format(Locale.ROOT, "rule of thumb: cores × 2 + "
                            + "spindles = %d × 2 + %d = %d (PoolLab's host cores; the server's are not visible over "
                            + "JDBC)", cores, SPINDLES, cores * 2 + SPINDLES),
                    Map.of("cores", cores, "spindles", SPINDLES, "value", cores * 2 + SPINDLES)));
        }
        rules.add(new Advisor.Reason("maximumPoolSize", null, String.format(Locale.ROOT, "rule of thumb: workers × connections "
                        + "per worker + overhead = %d × 1 + 1 = %d", workers, workers + 1),
                Map.of("workers", workers, "connectionsPerWorker", 1, "overhead", 1, "value", workers + 1)));
        int size = pools.get("target").maximumPoolSize();
        rules.add(new Advisor.Reason("minimumIdle", null, String.format(Locale.ROOT, "rule of thumb: min = max / 4 = %d / 4 = "
                + "%d", size, Math.max(1, size / 4)), Map.of("maximumPoolSize", size, "value", Math.max(1, size / 4))));
        return rules;
    }
}
