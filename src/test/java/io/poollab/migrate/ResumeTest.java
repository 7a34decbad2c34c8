package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ResumeTest {

    private static final String FINGERPRINT = "SELECT count(*) || ':' || md5(string_agg(p::text, '|' ORDER BY id)) "
            + "FROM posts p";

    @ParameterizedTest
    @EnumSource(HoldConnections.class)
    void resumeCopiesOnlyUnfinishedPartitionsAndEveryRowExactlyOnce(HoldConnections hold) throws Exception {
        String source = Posts.database(90_000);
        String target = TestPostgres.newDatabase("resume");
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 3, 3), 9, hold, 2_000, CopyFormat.BINARY);
        AtomicReference<Run> handle = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicInteger completed = new java.util.concurrent.atomic.AtomicInteger();
        RunListener stopAfterThree = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                if (completed.incrementAndGet() == 3) {
                    synchronized (handle) {
                        handle.get().cancel();
                    }
                }
            }
        };
        synchronized (handle) {
            handle.set(new Engine(Map.of()).start(spec, 31, List.of(stopAfterThree)));
        }
        RunResult interrupted = handle.get().await();
        assertThat(interrupted.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(interrupted.incomplete()).isNotEmpty();

        List<io.poollab.db.KeyRange> ranges = handle.get().info().tables().get(0).ranges();
        RunResult resumed = new Engine(Map.of()).resume(spec, 32, checkpoint(interrupted, ranges), List.of()).await();

        assertThat(resumed.status()).as(resumed.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(resumed.tables().get(0).verified()).isTrue();
        assertThat(resumed.tables().get(0).rows()).isEqualTo(90_000);
        // Only the partitions the first run did not finish were copied again.
        assertThat(resumed.completed()).hasSize(9 - interrupted.completed().size());
        assertThat(resumed.rows()).isEqualTo(90_000 - interrupted.completed().stream()
                .mapToLong(PartitionResult::rows).sum());
        assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
    }

    /** What the history stores about an interrupted run, built here from its result. */
    private static ResumePoint checkpoint(RunResult interrupted, List<io.poollab.db.KeyRange> ranges) {
        Map<Integer, ResumePoint.Done> done = new HashMap<>();
        for (PartitionResult partition : interrupted.completed()) {
            done.put(partition.index(), new ResumePoint.Done(partition.rows(), partition.digest()));
        }
        return new ResumePoint(31, Map.of(0, new ResumePoint.TableCheckpoint(ranges, done)));
    }

    private static String fingerprint(String url) throws Exception {
        try (var c = TestPostgres.connect(url); var s = c.createStatement(); var rs = s.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
