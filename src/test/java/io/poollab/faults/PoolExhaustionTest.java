package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolSettings;
import io.poollab.config.RetrySettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxySettings;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two workers on pools of one connection, held for a whole partition that takes over a second (the target is
 * behind an 8 Mbit/s proxy), with connectionTimeout 250 ms: the second worker's borrow times out.
 */
class PoolExhaustionTest {

    private static final String CAUSE = "2 workers waited for 1 ";
    private String source;
    private String targetDb;
    private LatencyProxy proxy;
    private RunSpec spec;

    @BeforeEach
    void slowTarget() throws Exception {
        source = Posts.database(16_000);
        targetDb = TestPostgres.newDatabase("exhausted");
        proxy = LatencyProxy.start(ProxySettings.onLoopback(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPostgres.port()), 0, 0, 8));
        String target = TestPostgres.viaPort(targetDb, proxy.port());
        PoolSettings one = new PoolSettings(1, 1, 250, 600_000, 1_800_000, 0, 250, 0);
        spec = Specs.with(Specs.copy(source, target, "posts", 2, 1), 4, HoldConnections.PER_PARTITION, 10_000,
                CopyFormat.BINARY).withPools(one, one);
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void failFastStopsAtTheFirstTimeoutAndSaysWhoWaitedForWhat() throws Exception {
        RunResult result = new Engine().start(spec.withRetry(new RetrySettings(5, 100, 1_000, true)), 1, List.of())
                .await();

        assertThat(result.status()).isEqualTo(RunStatus.FAILED);
        assertThat(result.error()).contains(CAUSE).contains("held for a whole partition each: none was free within "
                + "connectionTimeout 250 ms; give the pool as many connections as workers, or hold them per batch");
        assertThat(RetryFaultsTest.retries(result)).isEmpty();
        assertThat(timeouts(result)).isPositive();
    }

    @Test
    void withoutFailFastTheTimedOutPartitionIsRetriedUntilTheCopyCompletes() throws Exception {
        RunResult result = new Engine().start(spec.withRetry(new RetrySettings(30, 300, 1_000, false)), 2,
                List.of()).await();

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.tables().get(0).verified()).isTrue();
        assertThat(RetryFaultsTest.retries(result)).isNotEmpty().allMatch(m -> m.contains(CAUSE));
        assertThat(timeouts(result)).isEqualTo(RetryFaultsTest.retries(result).size());
        assertThat(RetryFaultsTest.fingerprint(targetDb)).isEqualTo(RetryFaultsTest.fingerprint(source));
    }

    private static long timeouts(RunResult result) {
        return result.pools().get(Side.SOURCE).timeouts() + result.pools().get(Side.TARGET).timeouts();
    }
}
