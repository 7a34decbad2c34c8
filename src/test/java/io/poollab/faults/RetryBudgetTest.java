package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxySettings;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When the target stays away longer than the retry budget, the run fails with exit 1, and --resume completes it. */
class RetryBudgetTest {

    @TempDir
    Path dir;

    @Test
    void aTargetGoneBeyondTheBudgetFailsTheRunWithExit1AndResumeCompletesIt() throws Exception {
        String source = Posts.database(40_000);
        String targetDb = TestPostgres.newDatabase("budget");
        InetSocketAddress server = new InetSocketAddress(InetAddress.getLoopbackAddress(), TestPostgres.port());
        // 8 Mbit/s per connection: the copy takes seconds, so the target can go away in the middle of it.
        LatencyProxy proxy = LatencyProxy.start(ProxySettings.onLoopback(server, 0, 0, 8));
        int port = proxy.port();
        String target = TestPostgres.viaPort(targetDb, port);
        Path config = Files.writeString(dir.resolve("budget.yaml"), """
                source: {jdbcUrl: "%s", username: postgres}
                target: {jdbcUrl: "%s", username: postgres}
                tables: [posts]
                workers: 2
                partitionsPerTable: 8
                pool:
                  target: {maximumPoolSize: 2, connectionTimeout: 1000}
                retry: {attempts: 1, initialBackoffMs: 100, maxBackoffMs: 100}
                """.formatted(source, target));
        Path home = dir.resolve("home");
        CompletableFuture<Cli.Result> running = CompletableFuture.supplyAsync(
                () -> Cli.run(home, Map.of(), "run", "--config", config.toString(), "--json"));
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (committedRows(targetDb) == 0 && System.nanoTime() < deadline && !running.isDone()) {
                Thread.sleep(50);
            }
            proxy.close();
            Cli.Result failed = running.get();

            assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
            assertThat(failed.err()).contains("retry: retry 1 of 1 for public.posts").contains("gave up after 1 retry");
            Matcher id = Pattern.compile("\"runId\"\\s*:\\s*(\\d+)").matcher(failed.out());
            assertThat(id.find()).as(failed.out()).isTrue();

            proxy = LatencyProxy.start(new ProxySettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    server, 0, 0, 0));
            Cli.Result resumed = Cli.run(home, Map.of(), "run", "--resume", id.group(1), "--json");

            assertThat(resumed.exitCode()).as(resumed.err()).isEqualTo(0);
            assertThat(resumed.out()).contains("\"verified\":true");
            assertThat(RetryFaultsTest.fingerprint(targetDb)).isEqualTo(RetryFaultsTest.fingerprint(source));
        } finally {
            proxy.close();
        }
    }

    private static long committedRows(String url) {
        try {
            return TestPostgres.queryLong(url, "SELECT count(*) FROM posts");
        } catch (java.sql.SQLException notCreatedYet) {
            return 0;
        }
    }
}
