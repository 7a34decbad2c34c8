package io.poollab.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.RunStatus;
import io.poollab.migrate.RunWaits;
import io.poollab.testing.Posts;
import io.poollab.testing.Recorded;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerWaitsTest {

    @TempDir
    Path home;

    @Test
    void aRunBlockedByALockOnTheTargetTableShowsLockWaitsInItsStoredSamples() throws Exception {
        String source = Posts.database(40_000);
        String target = TestPostgres.newDatabase("locked");
        try (HistoryStore store = HistoryStore.open(home)) {
            RunSpec create = Specs.with(Specs.copy(source, target, "public.posts", 2, 2), 16,
                    io.poollab.config.HoldConnections.PER_PARTITION, 1_000, io.poollab.config.CopyFormat.BINARY);
            assertThat(Recorded.run(store, create, run -> { }).status()).isEqualTo(RunStatus.SUCCEEDED);
            RunSpec append = Specs.withTables(create,
                    List.of(new TableSpec("public.posts", null, null, TargetMode.APPEND)));
            RunResult result;
            try (Connection holder = TestPostgres.connect(target); Statement s = holder.createStatement()) {
                s.execute("TRUNCATE public.posts");
                // Taken once the copy is under way (planning counts the target's rows, which the lock would block
                // before the sampler starts): the partitions after the lock queue behind it for 2 s.
                result = Recorded.run(store, append, run -> {
                    holder.setAutoCommit(false);
                    s.execute("LOCK TABLE public.posts IN ACCESS EXCLUSIVE MODE");
                    Thread.sleep(2_000);
                    holder.commit();
                });
            }

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            List<RunSample> samples = store.samples(result.runId());
            long lockedSamples = samples.stream().filter(x -> x.target().waits().count(WaitBucket.LOCK) > 0).count();
            // 2 s at one sample every 100 ms: the writers waited on the lock in most of them.
            assertThat(lockedSamples).isGreaterThanOrEqualTo(5);
            RunWaits stored = store.waits(result.runId()).orElseThrow();
            ServerWaits targetWaits = stored.side(Side.TARGET);
            assertThat(targetWaits.count(WaitBucket.LOCK)).isGreaterThanOrEqualTo(lockedSamples);
            assertThat(targetWaits.topEvents(WaitBucket.LOCK, 2)).contains("relation");
            assertThat(result.waits().side(Side.TARGET).count(WaitBucket.LOCK)).isEqualTo(targetWaits.count(WaitBucket.LOCK));
            // The source was never locked: its sessions read, and none of them waited on a lock.
            assertThat(stored.side(Side.SOURCE).count(WaitBucket.LOCK)).isZero();
            assertThat(stored.side(Side.SOURCE).sampled()).isTrue();
            assertThat(stored.client().measured()).isTrue();

            // An exported run keeps its waits on another home.
            Path file = home.resolve("runs.json");
            store.export(List.of(result.runId()), file);
            try (HistoryStore other = HistoryStore.open(home.resolve("other"))) {
                long imported = other.importRuns(file).imported().get(result.runId());
                assertThat(other.waits(imported).orElseThrow().side(Side.TARGET)).isEqualTo(targetWaits);
            }
        }
    }
}
