package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poollab.config.ConfigException;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LiveChangesTest {

    private static String source;

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(120_000);
    }

    @Test
    void resizeAndSetWorkersMidRunAreAppliedRecordedAndSampled() throws Exception {
        String target = TestPostgres.newDatabase("dst");
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 2, 2), 12, HoldConnections.PER_PARTITION,
                10_000, CopyFormat.BINARY);
        AtomicReference<Run> handle = new AtomicReference<>();
        AtomicInteger partitions = new AtomicInteger();
        List<RunSample> samples = new CopyOnWriteArrayList<>();
        RunListener changer = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                try {
                    int done = partitions.incrementAndGet();
                    if (done == 1) {
                        handle.get().resize(Side.TARGET, 1, 1);
                    } else if (done == 3) {
                        handle.get().setWorkers(3);
                    }
                    // Keep the run going long enough for the sampler to see each change.
                    Thread.sleep(60);
                } catch (ConfigException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public void sample(RunSample sample) {
                samples.add(sample);
            }
        };
        RunSpec sampled = new RunSpec(spec.name(), spec.source(), spec.target(), spec.tables(), spec.workers(),
                spec.partitionsPerTable(), spec.batchRows(), spec.holdConnections(), spec.poolMode(), spec.sourcePool(),
                spec.targetPool(), 50, spec.verify(), spec.copyFormat(), spec.retry(), "");
        synchronized (handle) {
            handle.set(new Engine(Map.of()).start(sampled, 21, List.of(changer)));
        }
        RunResult result = handle.get().await();

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.tables().get(0).verified()).isTrue();
        assertThat(result.events()).extracting(RunEvent::type).contains(RunEvent.Type.RESIZE, RunEvent.Type.WORKERS);
        assertThat(result.events()).extracting(RunEvent::message)
                .contains("target pool resized: maximumPoolSize 2 → 1, minimumIdle 2 → 1", "workers 2 → 3");
        assertThat(result.pools().get(Side.TARGET).settings().maximumPoolSize()).isEqualTo(1);
        assertThat(result.workers()).isEqualTo(3);
        assertThat(samples).anySatisfy(s -> assertThat(s.target().max()).isEqualTo(1));
        assertThat(samples).anySatisfy(s -> assertThat(s.workers()).isEqualTo(3));
        // After the shrink, three workers share one target connection: the sampler sees them waiting.
        assertThat(samples).anySatisfy(s -> assertThat(s.target().pending()).isPositive());
    }

    @Test
    void liveChangesAreValidatedLikeAConfig() throws Exception {
        String target = TestPostgres.newDatabase("dst");
        Run run = new Engine(Map.of()).start(Specs.copy(source, target, "posts", 1, 1), 22, List.of());
        try {
            assertThatThrownBy(() -> run.resize(Side.SOURCE, 2, 3)).isInstanceOf(ConfigException.class)
                    .hasMessage("pool.source.minimumIdle: 3 is more than maximumPoolSize 2; HikariCP would silently lower it");
            assertThatThrownBy(() -> run.setWorkers(0)).isInstanceOf(ConfigException.class)
                    .hasMessage("workers: must be between 1 and 1,024, got 0");
        } finally {
            run.cancel();
            run.await();
        }
    }

    @Test
    void cancelStopsWorkersClosesPoolsAndListsIncompletePartitions() throws Exception {
        String target = TestPostgres.newDatabase("dst");
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 2, 2), 12, HoldConnections.PER_PARTITION,
                10_000, CopyFormat.BINARY);
        AtomicReference<Run> handle = new AtomicReference<>();
        RunListener canceller = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                handle.get().cancel();
            }
        };
        synchronized (handle) {
            handle.set(new Engine(Map.of()).start(spec, 23, List.of(canceller)));
        }
        RunResult result = handle.get().await();

        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(result.incomplete()).isNotEmpty();
        assertThat(result.completed().size() + result.incomplete().size()).isEqualTo(12);
        // Each partition is one transaction: the target holds exactly the completed partitions' rows.
        long completedRows = result.completed().stream().mapToLong(PartitionResult::rows).sum();
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(completedRows);
        assertThat(result.rows()).isEqualTo(completedRows);
        // Pools are closed: no session of this run is left on the server.
        assertThat(TestPostgres.queryLong(target,
                "SELECT count(*) FROM pg_stat_activity WHERE application_name LIKE 'poollab-23-%'")).isZero();
        assertThat(threadsOf(23)).isEmpty();
    }

    private static List<String> threadsOf(long runId) throws InterruptedException {
        Thread.sleep(200);
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(name -> name.startsWith("poollab-run-" + runId + "-")).toList();
    }
}
