package io.poollab.bench;

import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunRecorder;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history's speed goals, measured: {@code history list} over 10,000 runs, loading the samples of a one-hour
 * run (250 ms sampling, two pools), and the recorder's cost to a real copy's throughput. Run by
 * {@code bench/history.sh}; prints its figures.
 */
public final class HistoryBench {

    private HistoryBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path home = Files.createTempDirectory("poollab-history-bench");
        HistoryStore store = HistoryStore.open(home);
        RunSpec spec = Specs.copy("jdbc:h2:mem:src", "jdbc:h2:mem:dst", "posts", 4, 4);

        long start = System.nanoTime();
        long first = store.createRun(spec.withName("bench 0"), null);
        try (RunRecorder recorder = store.recorder(first)) {
            recorder.finished(fakeResult(first, spec));
        }
        // 9,999 copies of that run, made by SQL: the data only has to be there, it is listing that is measured.
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("history") + ";AUTO_SERVER=TRUE",
                "sa", ""); Statement s = c.createStatement()) {
            String columns = "label, status, started_at, ended_at, host, pid, poollab_version, config_yaml, "
                    + "config_hash, source_url, target_url, workers, pool_mode, hold_connections, batch_rows, verify, "
                    + "sample_interval_ms, table_list, row_count, byte_count, seconds, verify_seconds, health";
            s.executeUpdate("INSERT INTO run (" + columns + ") SELECT " + columns.replace("label,",
                    "'bench ' || MOD(x, 20),") + " FROM run, SYSTEM_RANGE(1, 9999) WHERE id = " + first);
            String pool = "side, maximum_pool_size, minimum_idle, connection_timeout_ms, idle_timeout_ms, "
                    + "max_lifetime_ms, keepalive_time_ms, validation_timeout_ms, leak_detection_threshold_ms, "
                    + "peak_active, acquire_p95_ms";
            s.executeUpdate("INSERT INTO run_pool (run_id, " + pool + ") SELECT r.id, " + pool.replace("side,",
                    "p.side,") + " FROM run r, run_pool p WHERE r.id <> " + first + " AND p.run_id = " + first);
        }
        long oneHour = store.createRun(spec.withName("one hour"), null);
        try (RunRecorder recorder = store.recorder(oneHour)) {
            for (long t = 250; t <= 3_600_000; t += 250) {
                recorder.sample(sample(t));
            }
            recorder.finished(fakeResult(oneHour, spec));
        }

        double[] list50 = time(rounds, () -> store.list(null, 50).size());
        double[] listAll = time(rounds, () -> store.list(null, 10_001).size());
        double[] samples = time(rounds, () -> store.samples(oneHour).size());
        System.out.printf(Locale.ROOT, "history list, 50 newest of 10,001 runs:   median %6.1f ms  (min %.1f)   goal < 200 ms%n",
                median(list50), list50[0]);
        System.out.printf(Locale.ROOT, "history list, all 10,001 runs:            median %6.1f ms  (min %.1f)   goal < 200 ms%n",
                median(listAll), listAll[0]);
        System.out.printf(Locale.ROOT, "samples of a 1-hour run (%,d rows):     median %6.1f ms  (min %.1f)   goal < 300 ms%n",
                store.samples(oneHour).size(), median(samples), samples[0]);

        recorderCost(home, rounds);
    }

    /** The same PG→PG copy with and without the recorder, alternating, at 250 ms sampling. */
    private static void recorderCost(Path home, int rounds) throws Exception {
        String source = Posts.database(1_000_000);
        HistoryStore store = HistoryStore.open(home);
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        List<Double> recorderCpuShare = new ArrayList<>();
        List<Double> recorderAllCpuShare = new ArrayList<>();
        List<Double> serverCpu = new ArrayList<>();
        List<Double> cpuWith = new ArrayList<>();
        List<Double> cpuWithout = new ArrayList<>();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean();
        for (int round = 0; round <= rounds; round++) {
            // The order alternates too: the second copy of a pair pays for the first one's garbage and JIT work.
            boolean[] order = round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false};
            for (boolean record : order) {
                RunSpec spec = Specs.copy(source, TestPostgres.newDatabase("bench"), "posts", 2, 2);
                spec = new RunSpec(spec.name(), spec.source(), spec.target(), spec.tables(), 2,
                        spec.partitionsPerTable(), spec.batchRows(), spec.holdConnections(), spec.poolMode(),
                        spec.sourcePool(), spec.targetPool(), 250, io.poollab.config.VerifyMode.NONE,
                        spec.copyFormat(), spec.retry(), "");
                long runId = store.createRun(spec, null);
                RunRecorder recorder = store.recorder(runId);
                long cpuBefore = os.getProcessCpuTime();
                double serverBefore = postgresCpuMs();
                RunResult result = new Engine(Map.of()).start(spec, runId, record ? List.of(recorder) : List.of())
                        .await();
                recorder.close();
                long processCpu = os.getProcessCpuTime() - cpuBefore;
                double serverMs = postgresCpuMs() - serverBefore;
                if (round > 0) {
                    (record ? with : without).add(result.rowsPerSecond());
                    (record ? cpuWith : cpuWithout).add(processCpu / 1e6);
                    if (record) {
                        recorderCpuShare.add(100.0 * recorder.writerCpuNanos() / processCpu);
                        recorderAllCpuShare.add(100.0 * recorder.writerCpuNanos() / (processCpu + serverMs * 1e6));
                        serverCpu.add(serverMs);
                    }
                }
            }
        }
        double a = median(without.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        double b = median(with.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        System.out.printf(Locale.ROOT, "copy of 1,000,000 rows, %d rounds each, alternating: without recorder %,.0f rows/s, "
                + "with recorder %,.0f rows/s (medians): cost %.1f%%   goal <= 1%%%n", rounds, a, b, 100 * (a - b) / a);
        System.out.println("  without: " + without);
        System.out.println("  with:    " + with);
        double cpuA = median(cpuWithout.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        double cpuB = median(cpuWith.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        System.out.printf(Locale.ROOT, "process CPU per copy (medians): without recorder %.0f ms, with %.0f ms: %+.1f%%%n",
                cpuA, cpuB, 100 * (cpuB - cpuA) / cpuA);
        System.out.println("  without: " + cpuWithout);
        System.out.println("  with:    " + cpuWith);
        System.out.printf(Locale.ROOT, "PostgreSQL server CPU per copy (median) %.0f ms; recorder thread CPU as a share of "
                + "all CPU the copy used (PoolLab + server): median %.3f%% (max %.3f%%)%n",
                median(serverCpu.stream().mapToDouble(Double::doubleValue).sorted().toArray()),
                median(recorderAllCpuShare.stream().mapToDouble(Double::doubleValue).sorted().toArray()),
                recorderAllCpuShare.stream().mapToDouble(Double::doubleValue).max().orElse(0));
        System.out.printf(Locale.ROOT, "recorder thread CPU as a share of the process's CPU during the copy: median %.3f%% "
                + "(max %.3f%%)   goal <= 1%%%n", median(recorderCpuShare.stream().mapToDouble(Double::doubleValue)
                .sorted().toArray()), recorderCpuShare.stream().mapToDouble(Double::doubleValue).max().orElse(0));
    }

    /**
     * CPU used so far by the PostgreSQL server processes, in ms: live processes' own time plus what exited backends
     * left in their parent's child times (Linux /proc; 0 elsewhere).
     */
    private static double postgresCpuMs() {
        double ticks = 0;
        for (ProcessHandle process : ProcessHandle.allProcesses().toList()) {
            if (!process.info().command().map(c -> c.endsWith("/postgres")).orElse(false)) {
                continue;
            }
            try {
                String stat = Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // Fields 14-17 of /proc/PID/stat (utime, stime, cutime, cstime), counted after the command name.
                for (int f = 11; f <= 14; f++) {
                    ticks += Long.parseLong(fields[f]);
                }
            } catch (java.io.IOException | RuntimeException gone) {
                // The process ended between listing and reading.
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    private static RunSample sample(long elapsedMs) {
        SideSample side = new SideSample(4, 0, 1, 4, 4, 0.02, 0.3, 1.2, 4.5, 120, 0, 0, 5);
        return new RunSample(elapsedMs, elapsedMs * 100, elapsedMs * 30_000, 400_000, 4, side, side);
    }

    static RunResult fakeResult(long id, RunSpec spec) {
        var latency = new io.poollab.pool.LatencyStats(100, 0.02, 0.3, 1.2, 4.5, 0.1);
        var pool = new RunResult.PoolSummary(spec.sourcePool(), 4, 1, 4, 1.0, 4, 100, 0, 0, latency, latency, latency,
                4);
        return new RunResult(id, spec, io.poollab.migrate.RunStatus.SUCCEEDED, null, 1_000_000, 300_000_000, 2.5,
                0.5, 4, Map.of(io.poollab.config.Side.SOURCE, pool, io.poollab.config.Side.TARGET, pool),
                new io.poollab.migrate.TimeBreakdown().snapshot(), List.of(), io.poollab.pool.Health.HEALTHY, List.of(),
                List.of(), List.of(), List.of());
    }

    @FunctionalInterface
    interface Work {
        int run() throws Exception;
    }

    static double[] time(int rounds, Work work) throws Exception {
        work.run();
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            work.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        return ms;
    }

    static double median(double[] sorted) {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length / 2];
    }
}
