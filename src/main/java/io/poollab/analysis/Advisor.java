package io.poollab.analysis;

import static io.poollab.analysis.PoolFacts.orZero;

import io.poollab.config.PoolSettings;
import io.poollab.history.RunDetail;
import io.poollab.migrate.RunSample;
import io.poollab.pool.HealthTracker;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Recommends pool settings from what a run (or a sweep's knee run) measured, each value with its reasoning in
 * numbers. Everything it reads comes from the history: the pools' totals and histogram percentiles, the samples,
 * the server's connection limit. The rules:
 * <ul>
 *   <li><b>Size.</b> A sweep's knee decides it. For one run: saturated (over 95% with waiters for at least a second,
 *       or any timeout) grows it to the peak demand, active plus waiting; a peak under half of it shrinks it to
 *       what was used. Little's law (borrow rate × mean time held) is shown beside as the demand the run carried.
 *       It never exceeds what the workers can borrow at once, and never drops under the deadlock floor.</li>
 *   <li><b>minimumIdle.</b> Equal to the size (a warm pool): a batch job has no quiet hours to save connections
 *       for. The reason names the churn measured: connections opened beyond the pool's size per minute and the time
 *       spent connecting.</li>
 *   <li><b>Timeouts and lifetimes.</b> connectionTimeout well above the longest measured wait; idleTimeout has no
 *       effect on a warm pool; maxLifetime beyond the run's length when connections were retired mid-run;
 *       keepaliveTime only where connections sat idle.</li>
 *   <li><b>Mode.</b> One shared pool: per-worker pools multiply the connections, unpooled pays a connect per
 *       borrow.</li>
 *   <li><b>Fleet budget.</b> instances × connections per instance must fit in the server's max_connections, less
 *       the reserved connections and the sessions other clients held; a violation is a warning.</li>
 * </ul>
 * The rules of thumb DBAs quote ({@code cores × 2 + spindles}, {@code workers × connections + overhead},
 * {@code min = max / 4}) are computed beside, labelled as such, and never chosen.
 */
public final class Advisor {

    /** A pool whose peak stays at or under half of it is larger than the work needs. */
    public static final double OVERSIZED = 0.5;
    /** Connections opened beyond the pool's size, per minute, above which a cold pool costs the run. */
    static final double CHURN_PER_MINUTE = 1.0;

    /**
     * The deployment the settings are for.
     *
     * @param instances           app instances that each open these pools
     * @param reservedConnections server connections kept for others (PostgreSQL's superuser_reserved_connections
     *                            is 3 by default)
     * @param borrowsPerThread    connections one thread holds from the same pool at once (1 in PoolLab's workers;
     *                            more for code that nests borrows)
     */
    public record Fleet(int instances, int reservedConnections, int borrowsPerThread) {
        public static final Fleet SINGLE = new Fleet(1, 3, 1);

        public Fleet {
            if (instances < 1 || reservedConnections < 0 || borrowsPerThread < 1) {
                throw new IllegalArgumentException("instances and borrowsPerThread must be at least 1, reserved at "
                        + "least 0");
            }
        }
    }

    /**
     * Why one setting has its value.
     *
     * @param side    {@code source}, {@code target}, or null for the run as a whole
     * @param numbers the figures the sentence uses, by name with their unit in it ({@code meanUsageMs})
     */
    public record Reason(String setting, String side, String because, Map<String, Object> numbers) {
        public Reason {
            numbers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(numbers));
        }
    }

    /**
     * The recommendation.
     *
     * @param sweepId     the sweep it rests on, or null for one run
     * @param basedOnRun  the run whose measurements gave the pools' figures (the knee's, for a sweep)
     * @param pools       per side ({@code source}, {@code target})
     * @param rulesOfThumb reference rules, for comparison only
     * @param warnings    problems the settings do not solve (a fleet over the server's limit)
     */
    public record Advice(Long sweepId, long basedOnRun, int workers, String poolMode, Map<String, PoolSettings> pools,
                         List<Reason> reasons, List<Reason> rulesOfThumb, List<String> warnings) {

        /** The larger side's size: both sides' when they agree, as they do for a sweep. */
        public int maximumPoolSize() {
            return pools.values().stream().mapToInt(PoolSettings::maximumPoolSize).max().orElse(0);
        }

        public int minimumIdle() {
            return pools.values().stream().mapToInt(PoolSettings::minimumIdle).max().orElse(0);
        }

        public long connectionTimeoutMs() {
            return pools.values().stream().mapToLong(PoolSettings::connectionTimeoutMs).max().orElse(0);
        }

        /** The connections these settings allow one instance, both sides together. */
        public int connections() {
            return PoolFootprint.connections(poolMode, workers, pools.get("source").maximumPoolSize(),
                    pools.get("target").maximumPoolSize());
        }

        /**
         * The advised value of {@code setting} on {@code side} (the target's when null), as the CLI and the report
         * print it: counts plain, durations in ms; empty for a reason that is not a setting (the fleet budget).
         */
        public String valueOf(String setting, String side) {
            PoolSettings p = pools.get(side == null ? "target" : side);
            return switch (setting) {
                case "workers" -> Integer.toString(workers);
                case "poolMode" -> poolMode;
                case "maximumPoolSize" -> Integer.toString(p.maximumPoolSize());
                case "minimumIdle" -> Integer.toString(p.minimumIdle());
                case "connectionTimeout" -> Units.count(p.connectionTimeoutMs()) + " ms";
                case "idleTimeout" -> Units.count(p.idleTimeoutMs()) + " ms";
                case "maxLifetime" -> Units.count(p.maxLifetimeMs()) + " ms";
                case "keepaliveTime" -> Units.count(p.keepaliveTimeMs()) + " ms";
                default -> "";
            };
        }

        public List<Reason> reasonsFor(String setting) {
            return reasons.stream().filter(r -> r.setting().equals(setting)).toList();
        }
    }

    /** The knee a sweep found, as the advisor uses it. */
    public record SweepKnee(long sweepId, Knee.Result knee) {
    }

    private Advisor() {
    }

    /** Advice from one run alone: its worker count stays, its pools are sized by what they did. */
    public static Advice forRun(RunDetail run, List<RunSample> samples, Fleet fleet) {
        return advise(run, samples, fleet, Optional.empty());
    }

    /** Advice from a sweep: workers and size from its knee, everything else from the knee's run. */
    public static Advice forSweep(SweepKnee knee, RunDetail kneeRun, List<RunSample> samples, Fleet fleet) {
        return advise(kneeRun, samples, fleet, Optional.of(knee));
    }

    private static Advice advise(RunDetail run, List<RunSample> samples, Fleet fleet, Optional<SweepKnee> sweep) {
        List<Reason> reasons = new ArrayList<>();
        int workers = sweep.map(s -> s.knee().knee().workers()).orElse(run.summary().workers());
        reasons.add(workersReason(run, sweep));
        String mode = poolMode(run, reasons);
        Map<String, PoolSettings> pools = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (String side : List.of("source", "target")) {
            RunDetail.Pool pool = run.pools().get(side);
            PoolFacts facts = PoolFacts.of(run, side, samples);
            int size = size(facts, workers, mode, fleet, sweep, reasons);
            int demand = facts.peakActive() + facts.peakPending();
            if (sweep.isPresent() && demand < size) {
                warnings.add(side + ": the knee's run never asked for more than " + demand + " of its " + size
                        + " connections at once (peak active + waiting in its samples), so the rest made no difference to it; the "
                        + "knee's size comes from rates that may differ only by noise (see the caveats), and a pool "
                        + "of " + Math.max(1, demand) + " would have served the same work");
            }
            int minimumIdle = minimumIdle(facts, size, reasons);
            long connectionTimeout = TimingRules.connectionTimeout(facts, reasons);
            long maxLifetime = TimingRules.maxLifetime(facts, reasons);
            long idleTimeout = TimingRules.idleTimeout(facts, minimumIdle == size, reasons);
            long keepalive = TimingRules.keepalive(facts, maxLifetime, reasons);
            pools.put(side, new PoolSettings(size, minimumIdle, connectionTimeout, idleTimeout, maxLifetime,
                    keepalive, pool.validationTimeoutMs(), pool.leakDetectionThresholdMs()));
        }
        for (String side : List.of("source", "target")) {
            DeploymentRules.fleetBudget(run, side, mode, workers, pools.get(side).maximumPoolSize(), fleet, reasons,
                    warnings);
        }
        return new Advice(sweep.map(SweepKnee::sweepId).orElse(null), run.summary().id(), workers, mode, pools,
                reasons, DeploymentRules.rulesOfThumb(run, workers, pools), warnings);
    }

    // --- workers and mode ---

    private static Reason workersReason(RunDetail run, Optional<SweepKnee> sweep) {
        if (sweep.isEmpty()) {
            int workers = run.summary().workers();
            return new Reason("workers", null, "kept at " + workers + ": one run measures one worker count; a sweep "
                    + "compares them", Map.of("workers", workers));
        }
        Knee.Result k = sweep.get().knee();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("kneeRowsPerSecond", k.knee().mean());
        numbers.put("kneeConnections", k.knee().connections());
        numbers.put("bestRowsPerSecond", k.best().mean());
        numbers.put("bestConnections", k.best().connections());
        numbers.put("bestWorkers", k.best().workers());
        numbers.put("bestMaximumPoolSize", k.best().poolSize());
        numbers.put("thresholdRowsPerSecond", k.threshold());
        numbers.put("tolerance", k.tolerance());
        String because = k.knee() == k.best()
                ? "the sweep's best cell, " + Units.rate(k.best().mean()) + " with " + k.best().connections()
                + " connections; no cell with fewer came within " + Units.percent(k.tolerance()) + " of it"
                : "the sweep's knee: " + Units.rate(k.knee().mean()) + " with " + k.knee().connections()
                + " connections, within " + Units.percent(k.tolerance()) + " of the best cell's "
                + Units.rate(k.best().mean()) + " with " + k.best().connections() + " (" + k.best().workers()
                + " workers × pool " + k.best().poolSize() + ")";
        return new Reason("workers", null, because, numbers);
    }

    private static String poolMode(RunDetail run, List<Reason> reasons) {
        String mode = run.summary().poolMode();
        int workers = run.summary().workers();
        switch (mode) {
            case "per-worker" -> {
                int perPool = run.pools().get("source").maximumPoolSize();
                int open = sum(run, RunDetail.Pool::peakTotal);
                int active = sum(run, RunDetail.Pool::peakActive);
                reasons.add(new Reason("poolMode", null, "shared: per-worker pools multiply the connections by the "
                        + "workers (" + workers + " pools × " + perPool + " per side); the run opened up to " + open
                        + " and used at most " + active + " at once. One shared pool caps the total.",
                        Map.of("workers", workers, "perWorkerMaximumPoolSize", perPool, "peakOpen", open,
                                "peakActive", active)));
            }
            case "unpooled" -> {
                long connects = sumLong(run, RunDetail.Pool::created);
                Double meanConnectMs = meanConnect(run);
                double seconds = orZero(run.summary().seconds());
                Map<String, Object> numbers = new LinkedHashMap<>();
                numbers.put("connects", connects);
                numbers.put("seconds", seconds);
                String cost = "";
                if (meanConnectMs != null && seconds > 0) {
                    double connectSeconds = connects * meanConnectMs / 1000;
                    double share = connectSeconds / (workers * seconds);
                    numbers.put("meanConnectMs", meanConnectMs);
                    numbers.put("connectSeconds", connectSeconds);
                    numbers.put("shareOfWorkerTime", share);
                    cost = String.format(Locale.ROOT, ", %s each: %.2f s, %s of the workers' time",
                            Units.latency(meanConnectMs), connectSeconds, Units.percent(share));
                }
                reasons.add(new Reason("poolMode", null, "shared: unpooled, every borrow opened a new connection ("
                        + Units.count(connects) + " connects" + cost + "); a pool opens each once", numbers));
            }
            default -> reasons.add(new Reason("poolMode", null, "shared: one pool per side caps the connections this "
                    + "instance opens, whatever the worker count", Map.of("workers", workers)));
        }
        return "shared";
    }

    // --- the size ---

    private static int size(PoolFacts f, int workers, String mode, Fleet fleet, Optional<SweepKnee> sweep,
                            List<Reason> reasons) {
        int floor = deadlockFloor(workers, fleet);
        // Each PoolLab worker holds at most one connection of a side at a time (borrowsPerThread for nested code).
        int usable = workers * fleet.borrowsPerThread();
        Map<String, Object> numbers = f.sizeNumbers();
        numbers.put("deadlockFloor", floor);
        numbers.put("usableAtOnce", usable);
        String little = String.format(Locale.ROOT, "Little's law: %.1f borrows/s × %s mean hold = %.2f connections "
                + "busy on average; peak %d active, %d waiting, of %d", f.borrowsPerSecond(), Units.latency(f.meanHoldMs()),
                f.littleL(), f.peakActive(), f.peakPending(), f.maximumPoolSize());
        int size;
        String because;
        if (sweep.isPresent()) {
            size = sweep.get().knee().knee().poolSize();
            because = "the sweep's knee (see workers). " + little;
        } else if (!mode.equals(f.mode())) {
            // Per-worker or unpooled become one shared pool: it must serve every worker at once.
            size = Math.max(f.peakActiveAllPools(), Math.max((int) Math.ceil(f.littleL()), 1));
            because = "one shared pool for " + workers + " workers: " + little;
        } else if (f.timeouts() > 0 || f.saturatedMs() >= HealthTracker.SUSTAINED_MS) {
            size = Math.max(f.peakActive() + f.peakPending(), (int) Math.ceil(f.littleL()));
            size = Math.max(size, f.maximumPoolSize() + 1);
            because = String.format(Locale.ROOT, "too small: every connection was busy with workers waiting for %s"
                    + "%s; grown to the peak demand (active + waiting). %s", Units.length(f.saturatedMs() / 1000.0),
                    f.timeouts() > 0 ? ", and " + f.timeouts() + " borrows timed out" : "", little);
        } else if (f.maximumPoolSize() > 0 && f.peakUtilization() <= OVERSIZED) {
            size = Math.max(1, Math.max(f.peakActive(), (int) Math.ceil(f.littleL())));
            because = "too big: the peak used " + Units.percent(f.peakUtilization()) + " of it; shrunk to what the run "
                    + "used. " + little;
        } else {
            size = f.maximumPoolSize();
            because = "kept: its peak used " + Units.percent(f.peakUtilization()) + " of it with no sustained waiting. "
                    + little;
        }
        if (sweep.isPresent() && f.peakActive() < size) {
            // Measured beats reasoned: the knee's size stays, with what its run actually used.
            because += "; the knee run's peak was " + f.peakActive() + " active of " + size;
        } else if (size > usable) {
            because += "; capped at " + usable + ": " + workers + " workers never hold more at once";
            size = usable;
        }
        if (size < floor) {
            because += "; raised to the deadlock floor " + floor;
            size = floor;
        }
        reasons.add(new Reason("maximumPoolSize", f.side(), because, numbers));
        if (fleet.borrowsPerThread() > 1 || floor > 1) {
            reasons.add(new Reason("maximumPoolSize", f.side(), String.format(Locale.ROOT, "deadlock floor: threads × "
                            + "(connections per thread − 1) + 1 = %d × (%d − 1) + 1 = %d; a smaller pool can leave every "
                            + "thread holding one connection and waiting for another", workers,
                    fleet.borrowsPerThread(), floor), Map.of("threads", workers, "connectionsPerThread",
                    fleet.borrowsPerThread(), "deadlockFloor", floor)));
        }
        return size;
    }

    /** {@code threads × (connections per thread − 1) + 1}: the smallest pool nested borrowing cannot deadlock. */
    static int deadlockFloor(int threads, Fleet fleet) {
        return threads * (fleet.borrowsPerThread() - 1) + 1;
    }

    private static int minimumIdle(PoolFacts f, int size, List<Reason> reasons) {
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("created", f.created());
        numbers.put("peakOpen", f.peakTotal());
        numbers.put("openedBeyondPeak", f.replacements());
        numbers.put("openedBeyondPeakPerMinute", f.churnPerMinute());
        numbers.put("seconds", f.seconds());
        numbers.put("minimumIdle", f.minimumIdle());
        String connecting = "";
        if (f.meanConnectMs() != null) {
            numbers.put("meanConnectMs", f.meanConnectMs());
            numbers.put("connectSeconds", f.connectSeconds());
            connecting = String.format(Locale.ROOT, ", %s each, %.2f s connecting in all", Units.latency(f.meanConnectMs()),
                    f.connectSeconds());
        }
        String opened = Units.count(f.created()) + " connections opened for a peak of " + f.peakTotal() + " open ("
                + Units.count(f.replacements()) + " beyond it, " + String.format(Locale.ROOT, "%.1f", f.churnPerMinute())
                + "/min" + connecting + ")";
        String because;
        if (f.churnPerMinute() >= CHURN_PER_MINUTE) {
            because = "warm pool, = maximumPoolSize: churn of " + opened + "; a fixed-size pool opens each connection "
                    + "once, and HikariCP validates a connection on checkout when it sat idle";
        } else if (f.minimumIdle() < f.maximumPoolSize() && f.seconds() < 60) {
            because = "warm pool, = maximumPoolSize: a " + Units.length(f.seconds()) + " run with minimumIdle "
                    + f.minimumIdle() + " pays its connects while it runs; " + opened;
        } else {
            because = "= maximumPoolSize (a fixed-size pool, HikariCP's advice for steady load): " + opened;
        }
        reasons.add(new Reason("minimumIdle", f.side(), because, numbers));
        return size;
    }

    // --- helpers ---

    private static Double meanConnect(RunDetail run) {
        double weighted = 0;
        long n = 0;
        for (RunDetail.Pool p : run.pools().values()) {
            if (p.creationMeanMs() == null || p.created() == null) {
                return null;
            }
            weighted += p.creationMeanMs() * p.created();
            n += p.created();
        }
        return n == 0 ? null : weighted / n;
    }

    private static int sum(RunDetail run, Function<RunDetail.Pool, Integer> value) {
        return run.pools().values().stream().mapToInt(p -> orZero(value.apply(p))).sum();
    }

    private static long sumLong(RunDetail run, Function<RunDetail.Pool, Long> value) {
        return run.pools().values().stream().mapToLong(p -> orZero(value.apply(p))).sum();
    }
}
