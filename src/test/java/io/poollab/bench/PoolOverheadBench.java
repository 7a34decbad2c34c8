package io.poollab.bench;

import io.poollab.bench.PoolVariant.Bare;
import io.poollab.bench.PoolVariant.Instrumented;
import io.poollab.config.PoolSettings;
import io.poollab.pool.LatencyStats;
import io.poollab.pool.PoolMetrics;
import io.poollab.pool.SidePool;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

/**
 * What PoolLab's pool instrumentation costs: N threads loop borrow + {@code SELECT 1} + rollback + return against
 * (a) a bare HikariCP pool (no metrics tracker) and (b) PoolLab's {@link SidePool} (HdrHistogram recorders, a
 * timed physical data source) with a sampler thread that drains the metrics and reads the gauges every 250 ms, as
 * the engine's sampler does. Both pools get the same HikariCP settings, driver properties and autocommit off.
 * Rounds alternate a, b, a, b… so that drift on a shared machine falls on both; the figures go to stdout.
 *
 * <pre>java -cp TEST_CLASSPATH io.poollab.bench.PoolOverheadBench [--threads 4] [--pool-size 4] [--rounds 5]
 *     [--seconds 10] [--warmup 10] [--port N]</pre>
 *
 * Without {@code --port} it starts its own embedded PostgreSQL ({@link EmbeddedPostgresServer#start}).
 */
public final class PoolOverheadBench {

    private static final double GOAL_PERCENT = 5.0;

    private int threads = 4;
    private int poolSize = 4;
    private int rounds = 5;
    private int roundSeconds = 10;
    private int warmupSeconds = 10;
    private Integer port;
    private double bareOpsPerSecond;

    public static void main(String[] args) throws Exception {
        PoolOverheadBench bench = new PoolOverheadBench();
        bench.parse(args);
        if (bench.port != null) {
            bench.run(bench.port);
        } else {
            try (EmbeddedPostgres server = EmbeddedPostgresServer.start(null)) {
                bench.run(server.getPort());
            }
        }
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--threads" -> threads = positive(args[i], value);
                case "--pool-size" -> poolSize = positive(args[i], value);
                case "--rounds" -> rounds = positive(args[i], value);
                case "--seconds" -> roundSeconds = positive(args[i], value);
                case "--warmup" -> warmupSeconds = positive(args[i], value);
                case "--port" -> port = positive(args[i], value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --threads, --pool-size, --rounds, --seconds, --warmup or --port");
            }
            i++;
        }
    }

    private static int positive(String name, String value) {
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // Reported below with the option's name.
        }
        throw new IllegalArgumentException(name + " needs a positive integer, got " + value);
    }

    private void run(int serverPort) throws Exception {
        String url = "jdbc:postgresql://127.0.0.1:" + serverPort + "/postgres";
        PoolSettings settings = PoolSettings.defaultsFor(poolSize);
        System.out.printf(Locale.ROOT, "pool overhead: %d threads, pool size %d, loop = borrow + SELECT 1 + rollback + "
                + "return, PostgreSQL on 127.0.0.1:%d, %d cores%n", threads, poolSize, serverPort,
                Runtime.getRuntime().availableProcessors());
        System.out.printf(Locale.ROOT, "warm-up %d s per variant (throwaway pools), then %d rounds of %d s per "
                + "variant, alternating a, b; load average at start %.2f%n%n", warmupSeconds, rounds, roundSeconds,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        ExecutorService workers = Executors.newFixedThreadPool(threads, PoolVariant.named("bench-worker"));
        try {
            try (PoolVariant a = new Bare(url, settings); PoolVariant b = new Instrumented(url, settings, 1)) {
                measure(workers, a, warmupSeconds, true);
                measure(workers, b, warmupSeconds, true);
            }
            List<Round> results = new ArrayList<>();
            LatencyStats acquire;
            LatencyStats usage;
            long borrows;
            long ticks;
            try (Bare a = new Bare(url, settings); Instrumented b = new Instrumented(url, settings, 2)) {
                System.out.printf(Locale.ROOT, "%-6s %-26s %12s %16s%n", "round", "variant", "ops/s",
                        "client CPU µs/op");
                for (int r = 1; r <= rounds; r++) {
                    for (PoolVariant variant : List.of(a, b)) {
                        Round round = measure(workers, variant, roundSeconds, true);
                        results.add(new Round(r, variant.name(), round.opsPerSecond, round.cpuMicrosPerOp));
                        System.out.printf(Locale.ROOT, "%-6d %-26s %12.0f %16.1f%n", r, variant.name(),
                                round.opsPerSecond, round.cpuMicrosPerOp);
                    }
                }
                PoolMetrics.Totals totals = b.pool.metrics().totals();
                acquire = totals.acquire();
                usage = totals.usage();
                borrows = totals.borrows();
                ticks = b.ticks.get();
            }
            report(results, acquire, usage, borrows);
            System.out.printf(Locale.ROOT, "sampler: %d ticks of gauges + drainInterval + health during b's measured "
                    + "rounds (every %d ms)%n", ticks, PoolVariant.SAMPLE_INTERVAL_MS);
            poolCycleOnly(workers, url, settings);
        } finally {
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        }
    }

    private void report(List<Round> results, LatencyStats acquire, LatencyStats usage, long borrows) {
        double[] a = values(results, Bare.NAME, Round::opsPerSecond);
        double[] b = values(results, Instrumented.NAME, Round::opsPerSecond);
        double[] aCpu = values(results, Bare.NAME, Round::cpuMicrosPerOp);
        double[] bCpu = values(results, Instrumented.NAME, Round::cpuMicrosPerOp);
        double[] pairs = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            pairs[i] = 100 * (a[i] - b[i]) / a[i];
        }
        System.out.printf(Locale.ROOT, "%nload average at end %.2f%n",
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.printf(Locale.ROOT, "%-26s %12s %12s %12s %16s%n", "variant", "median ops/s", "min ops/s",
                "max ops/s", "CPU µs/op (med)");
        System.out.printf(Locale.ROOT, "%-26s %12.0f %12.0f %12.0f %16.1f%n", Bare.NAME, median(a), min(a), max(a),
                median(aCpu));
        System.out.printf(Locale.ROOT, "%-26s %12.0f %12.0f %12.0f %16.1f%n", Instrumented.NAME, median(b), min(b),
                max(b), median(bCpu));
        double overhead = 100 * (median(a) - median(b)) / median(a);
        double noise = 100 * (max(a) - min(a)) / median(a);
        bareOpsPerSecond = median(a);
        System.out.printf(Locale.ROOT, "overhead (a - b) / a on medians: %.2f %%  (goal <= %.0f %%: %s; a's own spread "
                + "across rounds is %.1f %%%s)%n", overhead, GOAL_PERCENT, overhead <= GOAL_PERCENT ? "met" : "NOT met",
                noise, noise > GOAL_PERCENT ? ", more than the goal: the verdict is noise-limited" : "");
        StringBuilder each = new StringBuilder();
        for (double pair : pairs) {
            each.append(String.format(Locale.ROOT, " %.2f", pair));
        }
        System.out.printf(Locale.ROOT, "overhead per round pair (%%):%s; median %.2f %%, min %.2f %%, max %.2f %%%n",
                each, median(pairs), min(pairs), max(pairs));
        System.out.printf(Locale.ROOT, "client CPU per op: b - a = %.2f µs (%.1f %%)%n", median(bCpu) - median(aCpu),
                100 * (median(bCpu) - median(aCpu)) / median(aCpu));
        System.out.printf(Locale.ROOT, "PoolLab histogram, b's measured rounds (%d borrows): borrow (acquire) "
                + "p50 %.1f µs, p95 %.1f µs, p99 %.1f µs, max %.1f µs; usage (borrowed time, ms resolution) "
                + "p50 %.3f ms, p99 %.3f ms%n", borrows, acquire.p50Ms() * 1000, acquire.p95Ms() * 1000,
                acquire.p99Ms() * 1000, acquire.maxMs() * 1000, usage.p50Ms(), usage.p99Ms());
    }

    private static double[] values(List<Round> results, String variant, ToDoubleFunction<Round> field) {
        return results.stream().filter(r -> r.variant.equals(variant)).mapToDouble(field).toArray();
    }

    /**
     * The instrumentation alone: borrow + return with no SQL, so no server round trip hides (or adds noise to) the
     * nanoseconds the metrics add to each cycle. Short alternating rounds; the sampler runs during b's.
     */
    private void poolCycleOnly(ExecutorService workers, String url, PoolSettings settings) throws Exception {
        int cycleRounds = 5;
        int cycleSeconds = 2;
        List<Double> a = new ArrayList<>();
        List<Double> b = new ArrayList<>();
        try (Bare bare = new Bare(url, settings); Instrumented instrumented = new Instrumented(url, settings, 3)) {
            measure(workers, bare, cycleSeconds, false);
            measure(workers, instrumented, cycleSeconds, false);
            for (int r = 0; r < cycleRounds; r++) {
                a.add(1e9 / measure(workers, bare, cycleSeconds, false).opsPerSecond);
                b.add(1e9 / measure(workers, instrumented, cycleSeconds, false).opsPerSecond);
            }
        }
        double[] aNs = a.stream().mapToDouble(Double::doubleValue).toArray();
        double[] bNs = b.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "%npool cycle only (borrow + return, no SQL; %d threads, %d rounds of %d s "
                + "each, alternating): wall ns per cycle, all threads together%n", threads, cycleRounds, cycleSeconds);
        System.out.printf(Locale.ROOT, "  a bare HikariCP     median %7.1f ns  min %7.1f ns%n", median(aNs), min(aNs));
        System.out.printf(Locale.ROOT, "  b PoolLab SidePool  median %7.1f ns  min %7.1f ns%n", median(bNs), min(bNs));
        double addedNs = median(bNs) - median(aNs);
        System.out.printf(Locale.ROOT, "  instrumentation adds %.1f ns per cycle (medians): %.2f %% of one SELECT 1 "
                + "loop op above (%.1f µs at %.0f ops/s)%n", addedNs, 100 * addedNs * bareOpsPerSecond / 1e9,
                1e6 / bareOpsPerSecond, bareOpsPerSecond);
    }

    /** Runs the loop on every worker thread for {@code seconds}; the variant's sampler runs meanwhile. */
    private Round measure(ExecutorService workers, PoolVariant variant, int seconds, boolean query) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        long durationNanos = TimeUnit.SECONDS.toNanos(seconds);
        List<Callable<Long>> loops = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int worker = t;
            loops.add(() -> query ? loop(variant, worker, go, durationNanos)
                    : cycle(variant, worker, go, durationNanos));
        }
        variant.roundStarting();
        List<Future<Long>> futures = new ArrayList<>();
        for (Callable<Long> loop : loops) {
            futures.add(workers.submit(loop));
        }
        long cpuStart = processCpuNanos();
        long start = System.nanoTime();
        go.countDown();
        long ops = 0;
        for (Future<Long> future : futures) {
            ops += future.get();
        }
        long elapsed = System.nanoTime() - start;
        long cpu = processCpuNanos() - cpuStart;
        variant.roundEnded();
        return new Round(0, variant.name(), ops * 1e9 / elapsed, cpu / 1e3 / ops);
    }

    private static long loop(PoolVariant variant, int worker, CountDownLatch go, long durationNanos) throws Exception {
        go.await();
        long deadline = System.nanoTime() + durationNanos;
        long ops = 0;
        while (System.nanoTime() < deadline) {
            try (Connection connection = variant.borrow(worker)) {
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                    rs.getInt(1);
                }
                // As the engine's reader does: end the transaction before the connection goes back.
                connection.rollback();
            }
            ops++;
        }
        return ops;
    }

    private static long cycle(PoolVariant variant, int worker, CountDownLatch go, long durationNanos) throws Exception {
        go.await();
        long deadline = System.nanoTime() + durationNanos;
        long ops = 0;
        while (System.nanoTime() < deadline) {
            try (Connection connection = variant.borrow(worker)) {
                // Borrowed and returned untouched: HikariCP sends nothing to the server.
                ops += connection.isClosed() ? 0 : 1;
            }
        }
        return ops;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return java.util.Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return java.util.Arrays.stream(values).max().orElse(Double.NaN);
    }

    private record Round(int round, String variant, double opsPerSecond, double cpuMicrosPerOp) {
    }

}
