package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PoolModesTest {

    private static String source;

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(60_000);
    }

    @ParameterizedTest
    @EnumSource(PoolMode.class)
    void everyPoolModeCopiesAndVerifies(PoolMode mode) throws Exception {
        RunResult result = run(spec(3, 3, mode, HoldConnections.PER_PARTITION), 11);

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.rows()).isEqualTo(60_000);
        assertThat(result.tables().get(0).verified()).isTrue();
        assertThat(result.spec().poolMode()).isEqualTo(mode);
    }

    @Test
    void sharedPoolCapsConnectionsAndServerSessionsMatchThePool() throws Exception {
        RunResult result = run(spec(4, 2, PoolMode.SHARED, HoldConnections.PER_PARTITION), 12);

        RunResult.PoolSummary source = result.pools().get(Side.SOURCE);
        RunResult.PoolSummary target = result.pools().get(Side.TARGET);
        assertThat(source.peakTotal()).isEqualTo(2);
        assertThat(source.peakActive()).isLessThanOrEqualTo(2);
        // Four workers share two connections: someone waited.
        assertThat(source.peakPending() + target.peakPending()).isPositive();
        // pg_stat_activity, counted by application name on the server, agrees with the pool's own count.
        assertThat(source.peakDbSessions()).isBetween(source.peakTotal() - 1, source.peakTotal() + 1);
        assertThat(target.peakDbSessions()).isBetween(target.peakTotal() - 1, target.peakTotal() + 1);
        assertThat(source.acquire().count()).isEqualTo(source.borrows());
    }

    @Test
    void perWorkerPoolsMultiplyConnectionsByWorkers() throws Exception {
        RunResult result = run(spec(3, 2, PoolMode.PER_WORKER, HoldConnections.PER_PARTITION), 13);

        RunResult.PoolSummary source = result.pools().get(Side.SOURCE);
        // Each worker's pool of 2 (minimumIdle 2) was filled before the copy: 3 × 2 connections, whatever the
        // run's length.
        assertThat(source.created()).isEqualTo(6);
        assertThat(source.peakTotal()).isEqualTo(6);
        assertThat(result.pools().get(Side.SOURCE).settings().maximumPoolSize()).isEqualTo(2);
        assertThat(source.peakDbSessions()).isBetween(source.peakTotal() - 1, source.peakTotal() + 1);
    }

    @Test
    void aWarmPoolIsFilledBeforeTheCopyStartsAndAColdOneIsNot() throws Exception {
        RunSpec warm = spec(2, 3, PoolMode.SHARED, HoldConnections.PER_PARTITION);
        RunSpec other = spec(2, 3, PoolMode.SHARED, HoldConnections.PER_PARTITION);
        RunSpec cold = other.withPools(other.sourcePool().withSize(3, 0), other.targetPool().withSize(3, 0));

        RunResult warmRun = run(warm, 15);
        RunResult coldRun = run(cold, 16);

        assertThat(warmRun.events()).filteredOn(e -> e.message().startsWith("pools filled")).singleElement()
                .satisfies(e -> assertThat(e.message()).matches("pools filled to minimumIdle before the copy: "
                        + "source 3 of 3 in [0-9.]+ (µs|ms|s), target 3 of 3 in [0-9.]+ (µs|ms|s)")
                        .satisfies(m -> assertThat(e.elapsedMs()).isZero()));
        assertThat(warmRun.pools().get(Side.TARGET).peakTotal()).isEqualTo(3);
        // Two workers never need a third connection: only the fill opened it.
        assertThat(warmRun.pools().get(Side.TARGET).created()).isEqualTo(3);
        assertThat(coldRun.events()).noneMatch(e -> e.message().startsWith("pools filled"));
        // A cold pool opens on demand: never more than its cap, and the copy's acquire waits paid for it.
        assertThat(coldRun.pools().get(Side.TARGET).created()).isBetween(1L, 3L);
    }

    @Test
    void unpooledOpensOnePhysicalConnectionPerBorrowAndTimesIt() throws Exception {
        RunResult result = run(spec(2, 2, PoolMode.UNPOOLED, HoldConnections.PER_BATCH), 14);

        RunResult.PoolSummary target = result.pools().get(Side.TARGET);
        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(target.created()).isEqualTo(target.borrows());
        // 60,000 rows in batches of 5,000: at least 12 target connects, each a real login measured as acquire time.
        assertThat(target.created()).isGreaterThanOrEqualTo(12);
        assertThat(target.acquire().p50Ms()).isGreaterThan(0.1);
    }

    @Test
    void perBatchBorrowsPerBatchWhilePerPartitionBorrowsPerPartition() throws Exception {
        RunResult perPartition = run(spec(2, 2, PoolMode.SHARED, HoldConnections.PER_PARTITION), 15);
        RunResult perBatch = run(spec(2, 2, PoolMode.SHARED, HoldConnections.PER_BATCH), 16);

        assertThat(perPartition.pools().get(Side.TARGET).borrows()).isEqualTo(8);
        assertThat(perBatch.pools().get(Side.TARGET).borrows()).isGreaterThanOrEqualTo(12);
        assertThat(perBatch.tables().get(0).verified()).isTrue();
    }

    @Test
    void workersBeyondThePoolQueueForItInsteadOfDeadlocking() throws Exception {
        // One connection per side for four workers, each partition larger than a worker's queue: a writer that
        // took the target connection before its reader had the source one would wait on a reader that waits on
        // a full queue of another worker, whose writer waits for that target connection.
        RunSpec base = spec(4, 1, PoolMode.SHARED, HoldConnections.PER_PARTITION);
        io.poollab.config.PoolSettings pool = new io.poollab.config.PoolSettings(1, 1, 10_000, 600_000, 1_800_000,
                120_000, 5_000, 0);
        RunSpec spec = Specs.with(base.withPools(pool, pool), 4, HoldConnections.PER_PARTITION, 5_000,
                CopyFormat.BINARY);

        RunResult result = run(spec, 17);

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.rows()).isEqualTo(60_000);
        assertThat(result.pools().get(Side.SOURCE).timeouts()).isZero();
        assertThat(result.pools().get(Side.SOURCE).peakPending()).isPositive();
    }

    private static RunSpec spec(int workers, int poolSize, PoolMode mode, HoldConnections hold) {
        RunSpec base = Specs.copy(source, TestPostgres.newDatabase("dst"), "posts", workers, poolSize)
                .withPoolMode(mode);
        return Specs.with(base, 8, hold, 5_000, CopyFormat.BINARY);
    }

    private static RunResult run(RunSpec spec, long runId) throws Exception {
        return new Engine(Map.of()).start(spec, runId, List.of()).await();
    }
}
