package io.poollab.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Secret;
import io.poollab.config.Side;
import io.poollab.config.SimulatedNetwork;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.RunStatus;
import io.poollab.migrate.SideSample;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The live endpoint during real runs against the embedded PostgreSQL, read over HTTP as a scraper would. */
class LiveEndpointTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void metricsScrapedDuringARunMatchTheRunsOwnSamplesAndItsSummary() throws Exception {
        String source = Posts.database(60_000);
        String target = TestPostgres.newDatabase("scraped");
        // Never used: the embedded server trusts local logins. It must still appear in no answer.
        String secret = "never-shown-" + UUID.randomUUID();
        RunSpec spec = spec(source, target, new Secret.Plaintext(secret), 3, pool(2), 6, 20);
        RunMetrics metrics = new RunMetrics();
        List<RunSample> samples = new CopyOnWriteArrayList<>();
        List<List<Scrape.Series>> during = new ArrayList<>();
        RunResult result;
        try (MetricsServer server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, metrics)) {
            String base = server.baseUrl();
            Run run = new Engine(Map.of()).start(spec, 41, List.of(metrics, collecting(samples)));
            while (!run.completion().isDone()) {
                Scrape.Response scraped = Scrape.get(base + "/metrics");
                assertThat(scraped.status()).isEqualTo(200);
                assertThat(scraped.contentType()).startsWith("text/plain; version=0.0.4");
                during.add(Scrape.parse(scraped.body()));
                for (String path : List.of("/metrics", "/health", "/stats")) {
                    String body = Scrape.get(base + path).body();
                    assertThat(body).doesNotContain(secret).doesNotContain(source).doesNotContain(target);
                }
                Thread.sleep(40);
            }
            result = run.await();
            List<Scrape.Series> after = Scrape.parse(Scrape.get(base + "/metrics").body());

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            for (Side side : Side.values()) {
                RunResult.PoolSummary pool = result.pools().get(side);
                String[] labels = {"run", "41", "side", side.id()};
                assertThat(Scrape.value(after, "poollab_pool_connections_opened_total", labels))
                        .isEqualTo(pool.created());
                assertThat(Scrape.value(after, "poollab_pool_borrows_total", labels)).isEqualTo(pool.borrows());
                assertThat(Scrape.value(after, "poollab_pool_timeouts_total", labels)).isEqualTo(pool.timeouts());
                assertThat(Scrape.value(after, "poollab_pool_errors_total", labels)).isEqualTo(pool.errors());
            }
            assertThat(Scrape.value(after, "poollab_rows_copied_total", "run", "41")).isEqualTo(result.rows());
            // HikariCP's meters leave with its pools, when the run closes them.
            assertThat(Scrape.matching(after, "hikaricp_connections_acquire_seconds_count")).isEmpty();
        }

        int midRun = 0;
        for (List<Scrape.Series> scrape : during) {
            double elapsed = Scrape.value(scrape, "poollab_run_elapsed_seconds", "run", "41");
            if (Double.isNaN(elapsed)) {
                continue;
            }
            RunSample sample = samples.stream().filter(s -> s.elapsedMs() == Math.round(elapsed * 1000))
                    .findFirst().orElseThrow(() -> new AssertionError("no sample at " + elapsed + " s"));
            assertThat(Scrape.value(scrape, "poollab_rows_copied_total", "run", "41")).isEqualTo(sample.rows());
            assertThat(Scrape.value(scrape, "poollab_bytes_copied_total", "run", "41")).isEqualTo(sample.bytes());
            assertThat(Scrape.value(scrape, "poollab_rows_per_second", "run", "41"))
                    .isCloseTo(sample.rowsPerSecond(), within(1e-6 * Math.max(1, sample.rowsPerSecond())));
            assertThat(Scrape.value(scrape, "poollab_run_workers", "run", "41")).isEqualTo(sample.workers());
            for (Side side : Side.values()) {
                SideSample s = side == Side.SOURCE ? sample.source() : sample.target();
                String[] labels = {"run", "41", "side", side.id()};
                assertThat(Scrape.value(scrape, "poollab_pool_connections_active", labels)).isEqualTo(s.active());
                assertThat(Scrape.value(scrape, "poollab_pool_connections_idle", labels)).isEqualTo(s.idle());
                assertThat(Scrape.value(scrape, "poollab_pool_connections_pending", labels)).isEqualTo(s.pending());
                assertThat(Scrape.value(scrape, "poollab_pool_connections", labels)).isEqualTo(s.total());
                assertThat(Scrape.value(scrape, "poollab_pool_connections_max", labels)).isEqualTo(s.max());
                assertThat(Scrape.value(scrape, "poollab_pool_db_sessions", labels)).isEqualTo(s.dbSessions());
                assertThat(Scrape.value(scrape, "poollab_pool_errors_total", labels)).isEqualTo(s.errors());
                if (sample.rows() < result.rows()) {
                    // HikariCP's timer hears every borrow as it happens; PoolLab's counter is as of the sample.
                    double borrowsAtSample = Scrape.value(scrape, "poollab_pool_borrows_total", labels);
                    double acquired = Scrape.sum(scrape, "hikaricp_connections_acquire_seconds_count", labels);
                    assertThat(acquired).isBetween(borrowsAtSample, (double) result.pools().get(side).borrows());
                    assertThat(Scrape.matching(scrape, "hikaricp_connections_acquire_seconds", labels))
                            .extracting(series -> series.labels().get("quantile")).contains("0.5", "0.95", "0.99");
                }
            }
            if (sample.rows() < result.rows()) {
                midRun++;
            }
        }
        assertThat(midRun).as("scrapes that matched a sample before the copy ended").isGreaterThanOrEqualTo(3);
    }

    @Test
    void healthTurnsDegradedThenUnhealthyWhenThePoolIsExhaustedAndTheStatusFlipsTo503() throws Exception {
        String source = Posts.database(40_000);
        // One connection per side for four workers, each holding it for a whole partition; a narrow link to the
        // target makes the copy last a few seconds, so the waiters stay.
        RunSpec spec = spec(source, TestPostgres.newDatabase("exhausted"), Secret.NONE, 4, pool(1), 8, 20);
        RunMetrics metrics = new RunMetrics();
        List<String> seen = new ArrayList<>();
        try (MetricsServer server = MetricsServer.start(InetAddress.getLoopbackAddress(), 0, metrics)) {
            Scrape.Response before = Scrape.get(server.baseUrl() + "/health");
            assertThat(before.status()).isEqualTo(200);
            assertThat(JSON.readTree(before.body()).get("reasons").get(0).asText())
                    .isEqualTo("no run has started yet");

            Run run = new Engine(Map.of()).start(spec, 42, List.of(metrics));
            JsonNode unhealthy = null;
            while (!run.completion().isDone()) {
                Scrape.Response health = Scrape.get(server.baseUrl() + "/health");
                JsonNode body = JSON.readTree(health.body());
                String status = body.get("status").asText();
                assertThat(health.status()).as(status).isEqualTo(status.equals("unhealthy") ? 503 : 200);
                if (seen.isEmpty() || !seen.get(seen.size() - 1).equals(status)) {
                    seen.add(status);
                }
                if (status.equals("unhealthy") && unhealthy == null) {
                    unhealthy = body;
                }
                Thread.sleep(20);
            }
            RunResult result = run.await();

            assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
            assertThat(seen).as("health as it changed").containsSubsequence("degraded", "unhealthy");
            assertThat(seen.indexOf("degraded")).isLessThan(seen.indexOf("unhealthy"));
            String reason = unhealthy.get("reasons").get(0).asText();
            assertThat(reason).matches("(source|target) pool at 100% of 1 with [1-3] waiting for \\d+\\.\\d s");
            JsonNode exhausted = unhealthy.get("pools").get(reason.substring(0, reason.indexOf(' ')));
            assertThat(exhausted.get("status").asText()).isEqualTo("unhealthy");
            assertThat(exhausted.get("max").asInt()).isEqualTo(1);
            assertThat(exhausted.get("active").asInt()).isEqualTo(1);
            assertThat(exhausted.get("pending").asInt()).isPositive();
            assertThat(result.health().id()).isEqualTo("unhealthy");
        }
    }

    private static RunListener collecting(List<RunSample> samples) {
        return new RunListener() {
            @Override
            public void sample(RunSample sample) {
                samples.add(sample);
            }
        };
    }

    private static PoolSettings pool(int size) {
        return new PoolSettings(size, size, 10_000, 600_000, 1_800_000, 120_000, 5_000, 0);
    }

    /**
     * A PostgreSQL copy whose target is behind a link of {@code mbps} per connection and direction (about 2.5 MB/s
     * at 20), so that a few tens of thousands of rows (about 210 bytes each) last a few seconds.
     */
    private static RunSpec spec(String source, String target, Secret password, int workers, PoolSettings pool,
                                int partitions, double mbps) {
        ConnectionProfile from = ConnectionProfile.of(source, "postgres", password);
        ConnectionProfile to = ConnectionProfile.of(target, "postgres", password)
                .withNetwork(new SimulatedNetwork(1, 0, mbps));
        return new RunSpec("live endpoint", from, to, List.of(new TableSpec("posts", null, null, TargetMode.CREATE)),
                workers, OptionalInt.of(partitions), 2_000, HoldConnections.PER_PARTITION, PoolMode.SHARED, pool,
                pool, 100, VerifyMode.CHECKSUM, CopyFormat.BINARY, io.poollab.config.RetrySettings.DEFAULT, "");
    }
}
