package io.poollab.bench;

import io.poollab.config.ConnectionProfile;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.RetrySettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Secret;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.db.SampleData;
import io.poollab.db.TableRef;
import io.poollab.db.postgres.PostgresDialect;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunResult;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;

/**
 * The load goal of issue 9: 64 workers, 1,000 partitions, millions of rows, in a bounded heap, with no thread or
 * connection left after the run. Prints the rows/s, the heap's high-water mark (the peak of every heap pool, as the
 * JVM tracks it, after a reset at the copy's start), the live threads before and after, and PoolLab's sessions on
 * the server after the run.
 *
 * <pre>java -Xmx… -cp TEST_CLASSPATH io.poollab.bench.LoadBench ROWS [WORKERS] [PARTITIONS]</pre>
 */
public final class LoadBench {

    private LoadBench() {
    }

    public static void main(String[] args) throws Exception {
        long rows = Long.parseLong(args[0]);
        int workers = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        int partitions = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        try (EmbeddedPostgres server = EmbeddedPostgresServer.start(null)) {
            String base = "jdbc:postgresql://127.0.0.1:" + server.getPort() + "/";
            try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "")) {
                c.createStatement().execute("CREATE DATABASE dst");
                long seedStart = System.nanoTime();
                SampleData.ensurePosts(c, new PostgresDialect(), new TableRef("public", "posts"), rows);
                System.err.printf(Locale.ROOT, "seeded %,d rows in %.1f s%n", rows, (System.nanoTime() - seedStart) / 1e9);
            }
            PoolSettings pool = new PoolSettings(workers, workers, 30_000, 600_000, 1_800_000, 0, 5_000, 60_000);
            RunSpec spec = new RunSpec("load bench", ConnectionProfile.of(base + "postgres", "postgres", Secret.NONE),
                    ConnectionProfile.of(base + "dst", "postgres", Secret.NONE),
                    List.of(new TableSpec("public.posts", null, null, TargetMode.CREATE)), workers,
                    OptionalInt.of(partitions), 10_000, HoldConnections.PER_PARTITION, PoolMode.SHARED, pool, pool, 250,
                    VerifyMode.CHECKSUM, CopyFormat.BINARY, RetrySettings.DEFAULT, "");
            System.gc();
            var threads = ManagementFactory.getThreadMXBean();
            int threadsBefore = threads.getThreadCount();
            // The used heap sampled every 20 ms: the pools' own peaks happen at different moments, so their sum
            // would overstate it.
            var memory = ManagementFactory.getMemoryMXBean();
            java.util.concurrent.atomic.AtomicLong peakHeap = new java.util.concurrent.atomic.AtomicLong();
            var sampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
            sampler.scheduleAtFixedRate(() -> peakHeap.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(),
                    Math::max), 0, 20, java.util.concurrent.TimeUnit.MILLISECONDS);
            long start = System.nanoTime();
            RunResult result = new Engine().start(spec, 1, List.of()).await();
            double seconds = (System.nanoTime() - start) / 1e9;
            sampler.shutdown();
            sampler.awaitTermination(1, java.util.concurrent.TimeUnit.SECONDS);
            int threadsDuring = threads.getPeakThreadCount();
            Thread.sleep(2_000);
            int threadsAfter = threads.getThreadCount();
            long sessions;
            try (Connection c = DriverManager.getConnection(base + "postgres", "postgres", "");
                 ResultSet rs = c.createStatement().executeQuery(
                         "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'poollab-1-%'")) {
                rs.next();
                sessions = rs.getLong(1);
            }
            System.out.printf(Locale.ROOT, "load: %,d rows, %d workers, %d partitions, pools %d/%d: %s, verified %s%n",
                    rows, workers, result.tables().get(0).partitions(), workers, workers, result.status().id(),
                    result.tables().get(0).verified());
            System.out.printf(Locale.ROOT, "  %.1f s (copy %.1f s, verify %.1f s), %,.0f rows/s over the copy%n",
                    seconds, result.seconds(), result.verifySeconds(), result.rows() / result.seconds());
            System.out.printf(Locale.ROOT, "  heap high-water mark %.0f MB of -Xmx %.0f MB%n", peakHeap.get() / 1e6,
                    Runtime.getRuntime().maxMemory() / 1e6);
            System.out.printf(Locale.ROOT, "  live threads: %d before, %d at the peak, %d after; PoolLab sessions "
                    + "after: %d%n", threadsBefore, threadsDuring, threadsAfter, sessions);
            System.out.printf(Locale.ROOT, "  peak active: source %d, target %d; timeouts %d%n",
                    result.pools().get(io.poollab.config.Side.SOURCE).peakActive(),
                    result.pools().get(io.poollab.config.Side.TARGET).peakActive(),
                    result.pools().get(io.poollab.config.Side.SOURCE).timeouts()
                            + result.pools().get(io.poollab.config.Side.TARGET).timeouts());
        }
    }
}
