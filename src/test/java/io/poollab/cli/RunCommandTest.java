package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    @Test
    void jsonSummaryHasEveryContractKeyAndServerSessionsMatchThePool() throws Exception {
        String source = Posts.database(30_000);
        String target = TestPostgres.newDatabase("json");
        Path config = Files.writeString(dir.resolve("pg.yaml"), """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [public.posts]
                partitionsPerTable: 6
                sampleIntervalMs: 50
                """.formatted(source, target));

        Cli.Result run = Cli.run(dir.resolve("home"), Map.of(), "run", "--config", config.toString(), "--workers",
                "3", "--pool-size", "2", "--json", "--label", "json check");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines()).as("stdout holds exactly one JSON object").hasSize(1);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.fieldNames()).toIterable().contains("runId", "status", "rows", "seconds", "rowsPerSecond",
                "workers", "poolMode", "pools", "timeBreakdownMs", "tables", "health");
        assertThat(json.get("status").asText()).isEqualTo("succeeded");
        assertThat(json.get("rows").asLong()).isEqualTo(30_000);
        assertThat(json.get("workers").asInt()).isEqualTo(3);
        assertThat(json.get("poolMode").asText()).isEqualTo("shared");
        assertThat(json.get("label").asText()).isEqualTo("json check");
        for (String side : new String[] {"source", "target"}) {
            JsonNode pool = json.get("pools").get(side);
            assertThat(pool.fieldNames()).toIterable().contains("maximumPoolSize", "peakActive", "peakPending",
                    "timeouts", "created", "acquireMs", "peakDbSessions");
            assertThat(pool.get("acquireMs").fieldNames()).toIterable().contains("p50", "p95", "p99", "max");
            assertThat(pool.get("maximumPoolSize").asInt()).isEqualTo(2);
            // pg_stat_activity, matched by application name, saw as many sessions as the pool held (±1).
            assertThat(pool.get("peakDbSessions").asInt())
                    .isBetween(pool.get("peakTotal").asInt() - 1, pool.get("peakTotal").asInt() + 1);
        }
        assertThat(json.get("timeBreakdownMs").fieldNames()).toIterable()
                .containsExactly("read", "acquire", "queueWait", "write", "commit");
        JsonNode table = json.get("tables").get(0);
        assertThat(table.fieldNames()).toIterable().contains("source", "target", "rows", "partitions", "verified",
                "sourceChecksum", "targetChecksum");
        assertThat(table.get("verified").asBoolean()).isTrue();
        assertThat(table.get("sourceChecksum").asText()).isEqualTo(table.get("targetChecksum").asText());
        assertThat(json.get("health").asText()).isIn("healthy", "degraded", "unhealthy");
    }

    @Test
    void latencyOnTheTargetSlowsEveryTargetRoundTripAndTheCopyStillVerifies() throws Exception {
        String source = Posts.database(6_000);
        String config = """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres%s}
                tables: [public.posts]
                partitionsPerTable: 6
                """;
        Path direct = Files.writeString(dir.resolve("direct.yaml"),
                config.formatted(source, TestPostgres.newDatabase("direct"), ""));
        Path far = Files.writeString(dir.resolve("far.yaml"),
                config.formatted(source, TestPostgres.newDatabase("far"), ", latencyMs: 25"));

        JsonNode nearby = json(Cli.run(dir.resolve("home"), Map.of(), "run", "--config", direct.toString(),
                "--workers", "2", "--json"));
        JsonNode distant = json(Cli.run(dir.resolve("home"), Map.of(), "run", "--config", far.toString(),
                "--workers", "2", "--json"));

        double nearbyUse = nearby.at("/pools/target/usageMs/p50").asDouble();
        double distantUse = distant.at("/pools/target/usageMs/p50").asDouble();
        System.out.printf("target connection held per partition, p50: direct %.1f ms, latencyMs 25 %.1f ms%n",
                nearbyUse, distantUse);
        for (JsonNode run : new JsonNode[] {nearby, distant}) {
            assertThat(run.get("status").asText()).isEqualTo("succeeded");
            assertThat(run.get("rows").asLong()).isEqualTo(6_000);
            assertThat(run.at("/tables/0/verified").asBoolean()).isTrue();
        }
        // A partition's write is at least three round trips on the target (copy in, its end, the commit), each
        // 2 × 25 ms through the proxy; the source's side is untouched.
        assertThat(distantUse).isGreaterThanOrEqualTo(3 * 50.0);
        assertThat(distantUse - nearbyUse).isGreaterThanOrEqualTo(2 * 50.0);
        assertThat(Thread.getAllStackTraces().keySet()).as("proxy threads once the runs are over")
                .noneMatch(t -> t.isAlive() && t.getName().endsWith("-target-proxy"));
    }

    private static JsonNode json(Cli.Result run) throws Exception {
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void h2DemoSampleConfigWorksOnAFreshHome() {
        Path home = dir.resolve("fresh-home");

        Cli.Result run = Cli.run(home, Map.of(), "run", "--config", "sample-configs/h2-demo.yaml");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("info: created sample table posts with 200,000 rows");
        assertThat(run.out()).contains("succeeded: 200,000 rows").contains("verified (checksum)");
        assertThat(home.resolve("demo/h2-source.mv.db")).exists();
    }

    @Test
    void truncateAndAppendCountTheRowsTheyLeaveInTheTarget() throws Exception {
        String source = Posts.database(2_000);
        String target = TestPostgres.newDatabase("modes");
        // No primary key, so appending the same rows twice is allowed.
        TestPostgres.execute(target, "CREATE TABLE public.copied (id BIGINT, author_id INTEGER, thread_id BIGINT, "
                + "created_at TIMESTAMP, updated_at TIMESTAMPTZ, published BOOLEAN, score NUMERIC(10,2), "
                + "external_id UUID, title VARCHAR(120), body TEXT)");
        Path home = dir.resolve("home");
        String config = """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [{source: public.posts, target: public.copied, mode: %s}]
                verify: counts
                """;
        Path truncate = Files.writeString(dir.resolve("truncate.yaml"), config.formatted(source, target, "truncate"));
        Path append = Files.writeString(dir.resolve("append.yaml"), config.formatted(source, target, "append"));

        Cli.Result first = Cli.run(home, Map.of(), "run", "--config", append.toString());
        // A full target emptied again: its 2,000 rows before the run are not the run's to subtract.
        Cli.Result again = Cli.run(home, Map.of(), "run", "--config", truncate.toString());
        Cli.Result more = Cli.run(home, Map.of(), "run", "--config", append.toString());

        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(again.exitCode()).as(again.err()).isZero();
        assertThat(again.out()).contains("verified (counts)");
        assertThat(more.exitCode()).as(more.err()).isZero();
        assertThat(more.out()).contains("verified (counts)");
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM public.copied")).isEqualTo(4_000);
    }

    @Test
    void checkValidatesWithoutWriting() throws Exception {
        String source = Posts.database(1_000);
        String target = TestPostgres.newDatabase("check");
        Path config = Files.writeString(dir.resolve("pg.yaml"), """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [posts]
                """.formatted(source, target));

        Cli.Result check = Cli.run(dir.resolve("home"), Map.of(), "check", "--config", config.toString());

        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("source  PostgreSQL 16").contains("table   public.posts → posts")
                .contains("ok: the config is valid and both databases answer");
        assertThat(TestPostgres.queryLong(target,
                "SELECT count(*) FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace"))
                .isZero();
    }
}
