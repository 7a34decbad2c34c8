package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.RunStatus;
import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxySettings;
import io.poollab.testing.Posts;
import io.poollab.testing.Recorded;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The history stops taking writes in the middle of a run, and takes them again before it ends. Its sample table is
 * renamed away by another connection, so every write of the recorder fails as a full disk's would, inside the real
 * store (H2 cannot be made to fail writes on an open file by permissions, and a full disk cannot be made here).
 * The copy goes on, a warning event says so, and every sample and event is in the history at the end.
 */
class HistoryOutageTest {

    @TempDir
    Path home;

    @Test
    void aHistoryThatCannotBeWrittenWarnsKeepsTheSamplesAndWritesThemLater() throws Exception {
        String source = Posts.database(30_000);
        String targetDb = TestPostgres.newDatabase("outage");
        // 8 Mbit/s to the target: the copy lasts seconds, several flushes of the recorder.
        LatencyProxy proxy = LatencyProxy.start(ProxySettings.onLoopback(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPostgres.port()), 0, 0, 8));
        String target = TestPostgres.viaPort(targetDb, proxy.port());
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 2, 2), 8, HoldConnections.PER_PARTITION,
                10_000, CopyFormat.BINARY);
        String url = "jdbc:h2:file:" + home.resolve("history") + ";AUTO_SERVER=TRUE";
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger samples = new AtomicInteger();
        RunListener breakTheHistory = new RunListener() {
            @Override
            public void sample(RunSample sample) {
                samples.incrementAndGet();
            }

            @Override
            public void partitionCompleted(PartitionResult partition) {
                int done = completed.incrementAndGet();
                if (done == 1) {
                    rename(url, "sample", "sample_away");
                } else if (done == 6) {
                    rename(url, "sample_away", "sample");
                }
            }
        };
        try (HistoryStore store = HistoryStore.open(home)) {
            RunResult result = Recorded.run(store, spec, run -> { }, breakTheHistory);

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.tables().get(0).verified()).isTrue();
            assertThat(result.events()).filteredOn(e -> e.type() == RunEvent.Type.WARNING)
                    .extracting(RunEvent::message).anyMatch(m -> m.startsWith("history: cannot write to "
                            + home.resolve("history.mv.db") + ": ") && m.endsWith("; the run goes on, and its "
                            + "samples and events are kept in memory and written when the history works again"));
            RunDetail detail = store.detail(result.runId()).orElseThrow();
            assertThat(detail.summary().status()).isEqualTo("succeeded");
            assertThat(detail.events()).anyMatch(e -> e.type().equals("warning")
                    && e.message().startsWith("history: cannot write to"));
            assertThat(store.samples(result.runId())).hasSize(samples.get());
        } finally {
            proxy.close();
        }
    }

    private static void rename(String url, String from, String to) {
        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("ALTER TABLE " + from + " RENAME TO " + to);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
