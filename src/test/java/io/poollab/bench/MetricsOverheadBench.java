package io.poollab.bench;

import io.poollab.config.ConnectionProfile;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Secret;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.db.SampleData;
import io.poollab.db.TableRef;
import io.poollab.db.postgres.PostgresDialect;
import io.poollab.metrics.MetricsServer;
import io.poollab.metrics.RunMetrics;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the live metrics endpoint costs a run: the same PostgreSQL → PostgreSQL copy (posts-like rows, 2 workers,
 * shared pools of 2, perBatch so that every batch borrows and HikariCP's timers record) in three variants, rounds
 * alternating a, b, c… so that a shared machine's drift falls on all: (a) no endpoint, (b) the endpoint with
 * /metrics, /health and /stats scraped every second (the rule: at most 1% fewer rows/s), (c) the same scraped every
 * 100 ms, ten times the rule, to show the cost has room. Then the CPU cost of one scrape, measured alone.
 *
 * <pre>java -cp TEST_CLASSPATH io.poollab.bench.MetricsOverheadBench [--rows 400000] [--rounds 5] [--port N]</pre>
 */
public final class MetricsOverheadBench {

    private static final double GOAL_PERCENT = 1.0;
    private static final String[] VARIANTS = {"a: no endpoint", "b: scraped every 1 s", "c: scraped every 100 ms"};
    private static final long[] SCRAPE_EVERY_MS = {0, 1_000, 100};

    private int rows = 600_000;
    private int rounds = 7;
    private Integer port;

    public static void main(String[] args) throws Exception {
        MetricsOverheadBench bench = new MetricsOverheadBench();
        for (int i = 0; i + 1 < args.length; i += 2) {
            int value = Integer.parseInt(args[i + 1]);
            switch (args[i]) {
                case "--rows" -> bench.rows = value;
                case "--rounds" -> bench.rounds = value;
                case "--port" -> bench.port = value;
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --rows, --rounds or --port");
            }
        }
        if (bench.port != null) {
            bench.run(bench.port);
        } else {
            try (EmbeddedPostgres server = EmbeddedPostgresServer.start(null)) {
                bench.run(server.getPort());
            }
        }
    }

    private void run(int pgPort) throws Exception {
        String base = "jdbc:postgresql://127.0.0.1:" + pgPort + "/";
        String source = database(base, "metrics_bench_src");
        String target = database(base, "metrics_bench_dst");
        try (Connection c = DriverManager.getConnection(source, "postgres", "")) {
            SampleData.ensurePosts(c, new PostgresDialect(), new TableRef("public", "posts"), rows);
        }
        RunSpec spec = spec(source, target);
        System.out.printf(Locale.ROOT, "metrics overhead: %,d posts-like rows, PostgreSQL → PostgreSQL, 2 workers, "
                + "shared pools of 2, perBatch of 10,000 rows, verify none; %d rounds of a, b, c%n", rows, rounds);
        // Warm-up: the copy path, then the endpoint's (JIT, class loading) with a hundred-odd scrapes.
        copy(spec, 0, 0);
        copy(spec, 1, 20);
        double[][] rates = new double[VARIANTS.length][rounds];
        long[] scrapes = new long[VARIANTS.length];
        long[] serverCpuNanos = new long[VARIANTS.length];
        long[] processCpuNanos = new long[VARIANTS.length];
        double[] copySeconds = new double[VARIANTS.length];
        double[][] cpuPerRow = new double[VARIANTS.length][rounds];
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        long runId = 1;
        System.out.printf(Locale.ROOT, "CPU: this JVM's (PoolLab's; PostgreSQL runs in processes of its own), the "
                + "scraper's thread left out%n");
        System.out.printf(Locale.ROOT, "%-6s %-26s %12s %9s %14s%n", "round", "variant", "rows/s", "scrapes",
                "CPU µs/1k rows");
        for (int r = 0; r < rounds; r++) {
            for (int v = 0; v < VARIANTS.length; v++) {
                AtomicLong scraped = new AtomicLong();
                AtomicLong cpu = new AtomicLong();
                AtomicLong scraperCpu = new AtomicLong();
                long processBefore = os.getProcessCpuTime();
                RunResult result = copy(spec, ++runId, SCRAPE_EVERY_MS[v], scraped, cpu, scraperCpu);
                long process = os.getProcessCpuTime() - processBefore - scraperCpu.get();
                processCpuNanos[v] += process;
                cpuPerRow[v][r] = process / 1e3 / (result.rows() / 1e3);
                rates[v][r] = result.rowsPerSecond();
                scrapes[v] += scraped.get();
                serverCpuNanos[v] += cpu.get();
                copySeconds[v] += result.seconds();
                System.out.printf(Locale.ROOT, "%-6d %-26s %12.0f %9d %14.0f%n", r + 1, VARIANTS[v], rates[v][r],
                        scraped.get(), cpuPerRow[v][r]);
            }
        }
        double baseline = median(rates[0]);
        double baseCpu = median(cpuPerRow[0]);
        System.out.printf(Locale.ROOT, "%n%-26s %12s %12s %12s %10s %14s %10s%n", "variant", "median rows/s", "min",
                "max", "vs a", "CPU µs/1k rows", "vs a");
        for (int v = 0; v < VARIANTS.length; v++) {
            double m = median(rates[v]);
            double c = median(cpuPerRow[v]);
            System.out.printf(Locale.ROOT, "%-26s %12.0f %12.0f %12.0f %+9.2f%% %14.0f %+9.2f%%%n", VARIANTS[v], m,
                    min(rates[v]), max(rates[v]), (m - baseline) / baseline * 100, c, (c - baseCpu) / baseCpu * 100);
        }
        for (int v = 1; v < VARIANTS.length; v++) {
            System.out.printf(Locale.ROOT, "%s: %d scrapes of /metrics + /health + /stats, %.2f ms endpoint CPU "
                    + "each: %.3f%% of the process's CPU during those copies, %.3f%% of one core%n", VARIANTS[v],
                    scrapes[v], serverCpuNanos[v] / 1e6 / Math.max(1, scrapes[v]),
                    100.0 * serverCpuNanos[v] / processCpuNanos[v], serverCpuNanos[v] / 1e7 / copySeconds[v]);
        }
        System.out.printf(Locale.ROOT, "load average at end %.2f on %d cores%n", os.getSystemLoadAverage(),
                os.getAvailableProcessors());
        double overhead = (baseline - median(rates[1])) / baseline * 100;
        System.out.printf(Locale.ROOT, "%nscraped every second: %.2f%% fewer rows/s than no endpoint (goal <= %.1f%%): "
                + "%s%n", overhead, GOAL_PERCENT, overhead <= GOAL_PERCENT ? "met" : "NOT met");
    }

    private RunResult copy(RunSpec spec, long runId, long everyMs) throws Exception {
        return copy(spec, runId, everyMs, new AtomicLong(), new AtomicLong(), new AtomicLong());
    }

    /**
     * One copy, scraped every {@code everyMs} (0: no endpoint at all) by a client thread, as Prometheus would;
     * {@code serverCpu} gets the CPU time of the endpoint's threads (its handler and the JDK server's dispatcher).
     */
    private static RunResult copy(RunSpec spec, long runId, long everyMs, AtomicLong scraped, AtomicLong serverCpu,
                                  AtomicLong scraperCpu) throws Exception {
        if (everyMs == 0) {
            return new Engine(Map.of()).start(spec, runId, List.of()).await();
        }
        RunMetrics metrics = new RunMetrics();
        try (MetricsServer server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, metrics)) {
            var run = new Engine(Map.of()).start(spec, runId, List.<RunListener>of(metrics));
            Thread scraper = new Thread(() -> scrape(server.port(), everyMs, scraped, scraperCpu, run),
                    "bench-scraper");
            scraper.start();
            RunResult result = run.await();
            scraper.join();
            if (runId == 1) {
                // The warm-up copy: the endpoint's code gets hot (JIT) before any measured scrape.
                for (int i = 0; i < 3_000; i++) {
                    get(server.port());
                }
            }
            serverCpu.set(endpointCpuNanos(server.port()));
            return result;
        }
    }

    /**
     * Scrapes the three endpoints every {@code everyMs} until the run ends, over plain HTTP/1.0 sockets: a scraper
     * as light as curl, whose own CPU time goes to {@code scraperCpu} so that the process's figure can leave it out.
     */
    private static void scrape(int port, long everyMs, AtomicLong scraped, AtomicLong scraperCpu,
                               io.poollab.migrate.Run run) {
        var threads = java.lang.management.ManagementFactory.getThreadMXBean();
        try {
            while (!run.completion().isDone()) {
                get(port);
                scraped.incrementAndGet();
                Thread.sleep(everyMs);
            }
        } catch (Exception e) {
            throw new IllegalStateException("scraping failed", e);
        } finally {
            scraperCpu.set(threads.getCurrentThreadCpuTime());
        }
    }

    /** One GET of /metrics, /health and /stats. */
    private static void get(int port) throws java.io.IOException {
        for (String path : List.of("/metrics", "/health", "/stats")) {
            try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), port)) {
                socket.getOutputStream().write(("GET " + path + " HTTP/1.0\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                socket.getInputStream().readAllBytes();
            }
        }
    }

    private static long endpointCpuNanos(int port) {
        var cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long total = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals("poollab-metrics-" + port) || thread.getName().equals("HTTP-Dispatcher")) {
                total += Math.max(0, cpu.getThreadCpuTime(thread.getId()));
            }
        }
        return total;
    }

    private static String database(String base, String name) throws Exception {
        try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name);
            s.execute("CREATE DATABASE " + name);
        }
        return base + name;
    }

    private static RunSpec spec(String source, String target) {
        PoolSettings pool = PoolSettings.defaultsFor(2);
        return new RunSpec("metrics bench", ConnectionProfile.of(source, "postgres", Secret.NONE),
                ConnectionProfile.of(target, "postgres", Secret.NONE),
                List.of(new TableSpec("public.posts", null, null, TargetMode.RECREATE)), 2, OptionalInt.of(8), 10_000,
                HoldConnections.PER_BATCH, PoolMode.SHARED, pool, pool, 250, VerifyMode.NONE, CopyFormat.BINARY, io.poollab.config.RetrySettings.DEFAULT,
                "");
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    private static double min(double[] values) {
        return Arrays.stream(values).min().orElse(Double.NaN);
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
