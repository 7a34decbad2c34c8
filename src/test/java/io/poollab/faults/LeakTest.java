package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.migrate.Engine;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * After a run ends, however it ends, none of its connections is left on either server and none of its threads
 * (workers, readers, sampler, coordinator, HikariCP's own) is alive. HikariCP's leak detection is on (2 s).
 */
class LeakTest {

    private static String source;
    private static final PoolSettings WATCHED = new PoolSettings(2, 2, 30_000, 600_000, 1_800_000, 0, 5_000, 2_000);

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(30_000);
    }

    @Test
    void aSucceededRunLeavesNoSessionAndNoThread() throws Exception {
        AtomicReference<List<String>> during = new AtomicReference<>(List.of());
        RunListener watch = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                during.compareAndSet(List.of(), threadsOf(41));
            }
        };
        RunResult result = start(spec(TestPostgres.newDatabase("leak_ok")), 41, List.of(watch)).await();

        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        // The names looked for are the ones a run's threads really have.
        assertThat(during.get()).anyMatch(n -> n.startsWith("poollab-run-41-worker-"))
                .anyMatch(n -> n.startsWith("poollab-41-source"));
        assertNothingLeft(41);
    }

    @Test
    void aFailedRunLeavesNoSessionAndNoThread() throws Exception {
        String target = TestPostgres.newDatabase("leak_failed");
        // A first run makes the table; one row is kept, and appending every source row again hits its key.
        RunResult made = start(spec(target).withVerify(io.poollab.config.VerifyMode.NONE), 42, List.of()).await();
        assertThat(made.status()).isEqualTo(RunStatus.SUCCEEDED);
        TestPostgres.execute(target, "DELETE FROM posts WHERE id > 1");
        RunSpec append = Specs.withTables(spec(target), List.of(new TableSpec("posts", null, null, TargetMode.APPEND)));

        RunResult result = start(append, 43, List.of()).await();

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertNothingLeft(42);
        assertNothingLeft(43);
    }

    @Test
    void aCancelledRunLeavesNoSessionAndNoThread() throws Exception {
        AtomicReference<Run> handle = new AtomicReference<>();
        AtomicInteger completed = new AtomicInteger();
        RunListener cancelAfterOne = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                if (completed.incrementAndGet() == 1) {
                    synchronized (handle) {
                        handle.get().cancel();
                    }
                }
            }
        };
        synchronized (handle) {
            handle.set(start(spec(TestPostgres.newDatabase("leak_cancel")), 44, List.of(cancelAfterOne)));
        }
        RunResult result = handle.get().await();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertNothingLeft(44);
    }

    private static RunSpec spec(String target) {
        return Specs.with(Specs.copy(source, target, "posts", 2, 2), 6, HoldConnections.PER_PARTITION, 10_000,
                CopyFormat.BINARY).withPools(WATCHED, WATCHED);
    }

    private static Run start(RunSpec spec, long runId, List<RunListener> listeners) throws Exception {
        return new Engine().start(spec, runId, listeners);
    }

    /** A backend ends a moment after its client closed the socket: wait up to 5 s for the count to reach 0. */
    private static void assertNothingLeft(long runId) throws Exception {
        String sessions = "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'poollab-" + runId
                + "-%'";
        long deadline = System.nanoTime() + 5_000_000_000L;
        long open = TestPostgres.queryLong(TestPostgres.url("postgres"), sessions);
        List<String> threads = threadsOf(runId);
        while ((open > 0 || !threads.isEmpty()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
            open = TestPostgres.queryLong(TestPostgres.url("postgres"), sessions);
            threads = threadsOf(runId);
        }
        assertThat(open).as("PoolLab sessions of run " + runId + " in pg_stat_activity").isZero();
        assertThat(threads).as("threads of run " + runId).isEmpty();
    }

    /** Threads named after the run: PoolLab's own (poollab-run-N-…) and its pools' (poollab-N-source …). */
    private static List<String> threadsOf(long runId) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(name -> name.startsWith("poollab-run-" + runId + "-") || name.startsWith("poollab-" + runId
                        + "-"))
                .toList();
    }
}
