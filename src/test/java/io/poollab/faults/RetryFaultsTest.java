package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RetrySettings;
import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
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
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The engine survives a target that restarts and a source reader that is killed: the affected partitions are
 * redone within the retry budget, each retry is an event in the history, and the target ends up row for row
 * equal to the source. A constraint error is never retried.
 */
class RetryFaultsTest {

    static final String FINGERPRINT = "SELECT count(*) || ':' || md5(string_agg(p::text, '|' ORDER BY id)) "
            + "FROM posts p";
    static final RetrySettings QUICK = new RetrySettings(6, 200, 2_000, false);

    @TempDir
    Path home;

    /**
     * The target's server restart, as its clients see one: every open connection is cut, and new ones are refused
     * until it is back. The target is reached through PoolLab's proxy (0 ms), which is closed (cutting every
     * connection) and started again on the same port 1.5 s later; the embedded PostgreSQL itself cannot restart on
     * its port under the other tests that share it.
     */
    @ParameterizedTest
    @EnumSource(HoldConnections.class)
    void aTargetRestartMidCopyIsRetriedAndEveryRowLandsOnce(HoldConnections hold) throws Exception {
        String source = Posts.database(40_000);
        String targetDb = TestPostgres.newDatabase("restart");
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPostgres.port());
        LatencyProxy[] proxy = {LatencyProxy.start(ProxySettings.onLoopback(server, 0, 0, 0))};
        int port = proxy[0].port();
        String target = TestPostgres.viaPort(targetDb, port);
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 2, 2), 8, hold, 1_000, CopyFormat.BINARY)
                .withRetry(QUICK);
        AtomicInteger completed = new AtomicInteger();
        Thread[] restart = new Thread[1];
        RunListener restartAfterTwo = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                if (completed.incrementAndGet() == 2) {
                    proxy[0].close();
                    restart[0] = new Thread(() -> {
                        try {
                            Thread.sleep(1_500);
                            proxy[0] = LatencyProxy.start(new ProxySettings(new InetSocketAddress(
                                    InetAddress.getLoopbackAddress(), port), server, 0, 0, 0));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    restart[0].start();
                }
            }
        };
        try (HistoryStore store = HistoryStore.open(home)) {
            RunResult result = Recorded.run(store, spec, run -> { }, restartAfterTwo);
            restart[0].join();

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.tables().get(0).verified()).isTrue();
            assertThat(result.rows()).isEqualTo(40_000);
            assertThat(retries(result)).isNotEmpty().anyMatch(m -> m.contains(": target connection lost: "));
            RunDetail detail = store.detail(result.runId()).orElseThrow();
            assertThat(detail.events()).filteredOn(e -> e.type().equals("retry")).isNotEmpty();
            assertThat(fingerprint(targetDb)).isEqualTo(fingerprint(source));
        } finally {
            proxy[0].close();
        }
    }

    /**
     * The real thing, on a target server of the test's own: after two partitions PostgreSQL is stopped (pg_ctl stop
     * -m fast, every session cut) and started again on the same port and data directory 2 s later.
     */
    @Test
    void aRealTargetServerRestartMidCopyIsRetriedAndEveryRowLandsOnce(@TempDir Path data) throws Exception {
        String source = Posts.database(40_000);
        int port = TestPostgres.freePort();
        io.zonky.test.db.postgres.embedded.EmbeddedPostgres[] server = {TestPostgres.dedicated(data, port)};
        String target = "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 2, 2), 8, HoldConnections.PER_PARTITION, 1_000,
                CopyFormat.BINARY).withRetry(new RetrySettings(8, 250, 2_000, false));
        AtomicInteger completed = new AtomicInteger();
        Thread[] restart = new Thread[1];
        RunListener restartAfterTwo = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                if (completed.incrementAndGet() == 2) {
                    restart[0] = new Thread(() -> {
                        try {
                            server[0] = TestPostgres.restart(server[0], data, 2_000);
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    restart[0].start();
                }
            }
        };
        try (HistoryStore store = HistoryStore.open(home)) {
            RunResult result = Recorded.run(store, spec, run -> { }, restartAfterTwo);
            restart[0].join();

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.tables().get(0).verified()).isTrue();
            assertThat(retries(result)).isNotEmpty();
            assertThat(store.detail(result.runId()).orElseThrow().events())
                    .filteredOn(e -> e.type().equals("retry")).isNotEmpty();
            assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
        } finally {
            server[0].close();
        }
    }

    @Test
    void aKilledSourceReaderIsRetriedAndEveryRowLandsOnce() throws Exception {
        String source = Posts.database(40_000);
        String target = TestPostgres.newDatabase("killed");
        RunSpec spec = Specs.with(Specs.copy(source, target, "posts", 2, 2), 8, HoldConnections.PER_PARTITION,
                1_000, CopyFormat.BINARY).withRetry(QUICK);
        AtomicInteger completed = new AtomicInteger();
        AtomicInteger killed = new AtomicInteger();
        long[] runId = new long[1];
        RunListener killReaders = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                if (completed.incrementAndGet() == 2) {
                    killed.set(terminate("poollab-" + runId[0] + "-source"));
                }
            }
        };
        try (HistoryStore store = HistoryStore.open(home)) {
            runId[0] = store.createRun(spec, null);
            RunResult result = Recorded.run(store, runId[0], spec, run -> { }, killReaders);

            assertThat(killed.get()).isPositive();
            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(result.tables().get(0).verified()).isTrue();
            assertThat(retries(result)).isNotEmpty();
            assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
        }
    }

    /**
     * A server that stops answering: after the first partition, another session takes an exclusive lock on the
     * target table for 3 s, so every COPY into it waits in silence. With socketTimeout=1 (in the URL) the silent
     * connections count as lost after a second and the partitions are retried until the lock is gone.
     */
    @Test
    void aTargetThatStopsAnsweringIsCutAtSocketTimeoutAndRetried() throws Exception {
        String source = Posts.database(20_000);
        String target = TestPostgres.newDatabase("silent");
        RunSpec spec = Specs.with(Specs.copy(source, target + "?socketTimeout=1", "posts", 2, 2), 6,
                HoldConnections.PER_PARTITION, 1_000, CopyFormat.BINARY).withRetry(QUICK);
        AtomicInteger completed = new AtomicInteger();
        Thread[] locker = new Thread[1];
        java.util.concurrent.CountDownLatch locked = new java.util.concurrent.CountDownLatch(1);
        RunListener lockAfterOne = new RunListener() {
            @Override
            public void partitionCompleted(PartitionResult partition) {
                if (completed.incrementAndGet() == 1) {
                    locker[0] = new Thread(() -> {
                        try (var c = TestPostgres.connect(target); var s = c.createStatement()) {
                            c.setAutoCommit(false);
                            s.execute("LOCK TABLE posts IN ACCESS EXCLUSIVE MODE");
                            locked.countDown();
                            Thread.sleep(3_000);
                            c.commit();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    });
                    locker[0].start();
                }
            }
        };

        RunResult result = new io.poollab.migrate.Engine().start(spec, 3, List.of(lockAfterOne)).await();
        locker[0].join();

        assertThat(locked.getCount()).isZero();
        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(retries(result)).isNotEmpty().anyMatch(m -> m.contains("target connection lost"));
        assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
    }

    @Test
    void aConstraintErrorIsNeverRetried() throws Exception {
        String source = Posts.database(5_000);
        String target = TestPostgres.newDatabase("constraint");
        // A first copy makes the target table (with its primary key); one row is left in it, and mode append then
        // copies every source row again: the copy hits that row's key.
        RunSpec created = Specs.copy(source, target, "posts", 2, 2);
        RunResult first = new io.poollab.migrate.Engine().start(created.withVerify(io.poollab.config.VerifyMode.NONE),
                1, List.of()).await();
        assertThat(first.status()).isEqualTo(RunStatus.SUCCEEDED);
        TestPostgres.execute(target, "DELETE FROM posts WHERE id <> (SELECT max(id) FROM posts)");
        RunSpec append = Specs.withTables(created, List.of(new io.poollab.config.TableSpec("posts", null, null,
                io.poollab.config.TargetMode.APPEND))).withRetry(QUICK);

        RunResult result = new io.poollab.migrate.Engine().start(append, 2, List.of()).await();

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error()).contains("duplicate key value violates unique constraint");
        assertThat(retries(result)).isEmpty();
    }

    static List<String> retries(RunResult result) {
        return result.events().stream().filter(e -> e.type() == RunEvent.Type.RETRY).map(RunEvent::message)
                .toList();
    }

    static int terminate(String applicationName) {
        try (var c = TestPostgres.connect(TestPostgres.url("postgres")); var s = c.createStatement();
             var rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                     + "WHERE application_name = '" + applicationName + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static String fingerprint(String url) throws Exception {
        try (var c = TestPostgres.connect(url); var s = c.createStatement(); var rs = s.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        }
    }

}
