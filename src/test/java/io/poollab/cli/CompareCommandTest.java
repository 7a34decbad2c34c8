package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poollab compare} on runs recorded from real copies on the embedded PostgreSQL. */
class CompareCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    @TempDir
    Path dir;

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(30_000);
    }

    private long run(Path home, String sourceUrl, String... extra) throws Exception {
        Path config = dir.resolve("c" + Math.abs(sourceUrl.hashCode()) + ".yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, """
                    source: {jdbcUrl: %s, username: postgres}
                    target: {jdbcUrl: %s, username: postgres}
                    tables: [{source: public.posts, mode: recreate}]
                    partitionsPerTable: 4
                    """.formatted(sourceUrl, TestPostgres.newDatabase("cmp")));
        }
        List<String> args = new ArrayList<>(List.of("run", "--config", config.toString(), "--json"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(home, Map.of(), args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return JSON.readTree(result.out()).get("runId").asLong();
    }

    @Test
    void twoRunsGiveTheirDiffDeltasAndAVerdictComputedFromTheFigures() throws Exception {
        Path home = dir.resolve("home");
        long small = run(home, source, "--workers", "2", "--pool-size", "1");
        long big = run(home, source, "--workers", "2", "--pool-size", "2");

        Cli.Result result = Cli.run(home, Map.of(), "compare", Long.toString(small), Long.toString(big), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode root = JSON.readTree(result.out());
        assertThat(root.get("baseline").asLong()).isEqualTo(small);
        JsonNode poolSize = setting(root, "source maximumPoolSize");
        assertThat(poolSize.get("values").toString()).isEqualTo("[\"1\",\"2\"]");
        assertThat(poolSize.get("differs").asBoolean()).isTrue();
        assertThat(setting(root, "workers").get("differs").asBoolean()).isFalse();
        JsonNode rate = result(root, "rows_per_second");
        double before = rate.get("values").get(0).asDouble();
        double after = rate.get("values").get(1).asDouble();
        assertThat(rate.get("deltas").get(0).isNull()).isTrue();
        assertThat(rate.get("deltas").get(1).get("percent").asDouble())
                .isCloseTo((after - before) / before * 100, org.assertj.core.data.Offset.offset(1e-6));
        String verdict = root.get("verdict").toString();
        assertThat(verdict).contains("Run " + big + " moved 30k rows ")
                .contains("than run " + small).contains("open at peak")
                .contains("Settings that differ: source maximumPoolSize, source minimumIdle, target maximumPoolSize, "
                        + "target minimumIdle.")
                .contains("With one run per configuration PoolLab cannot tell a difference from noise");
    }

    @Test
    void repeatsOfTheSameSettingsMeasureTheNoiseAndDifferentDataIsFlagged() throws Exception {
        Path home = dir.resolve("home");
        long a = run(home, source);
        long b = run(home, source);
        long other = run(home, Posts.database(10_000));

        Cli.Result same = Cli.run(home, Map.of(), "compare", Long.toString(a), Long.toString(b), "--json");
        Cli.Result confounded = Cli.run(home, Map.of(), "compare", Long.toString(a), Long.toString(other));

        assertThat(JSON.readTree(same.out()).get("verdict").toString())
                .contains("All runs have the same settings: their rows/s vary by ")
                .contains("which is the noise of this setup");
        assertThat(confounded.exitCode()).isZero();
        assertThat(confounded.out()).contains("baseline: run " + a)
                .contains("Run " + other + " moved 10,000 rows and run " + a + " 30,000: different amounts of data, "
                        + "so their rates are not a like-for-like comparison.")
                .contains("* source ");
    }

    @Test
    void aRunThatIsNotThereIsBadInputInOneLine() {
        Path home = dir.resolve("empty");

        Cli.Result result = Cli.run(home, Map.of(), "compare", "41", "42");
        Cli.Result one = Cli.run(home, Map.of(), "compare", "41");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).hasSize(1).first().asString()
                .startsWith("error: RUN: there is no run 41 in ");
        assertThat(one.exitCode()).isEqualTo(2);
        assertThat(one.out()).isEmpty();
    }

    private static JsonNode setting(JsonNode root, String name) {
        for (JsonNode row : root.get("settings")) {
            if (row.get("name").asText().equals(name)) {
                return row;
            }
        }
        throw new AssertionError("no setting " + name);
    }

    private static JsonNode result(JsonNode root, String metric) {
        for (JsonNode row : root.get("results")) {
            if (row.get("metric").asText().equals(metric)) {
                return row;
            }
        }
        throw new AssertionError("no metric " + metric);
    }

    @Test
    void runsThatDifferInTwoSettingsAndInDataSizeAreWarnedAsConfounded() throws Exception {
        Path home = dir.resolve("confounded");
        String smaller = Posts.database(10_000);
        long a = run(home, source, "--workers", "2", "--pool-size", "2");
        long b = run(home, smaller, "--workers", "1", "--pool-size", "1");
        long c = run(home, source, "--workers", "1", "--pool-size", "2");

        Cli.Result confounded = Cli.run(home, Map.of(), "compare", Long.toString(a), Long.toString(b), "--json");
        Cli.Result oneChange = Cli.run(home, Map.of(), "compare", Long.toString(a), Long.toString(c), "--json");

        assertThat(confounded.exitCode()).as(confounded.err()).isZero();
        JsonNode root = JSON.readTree(confounded.out());
        assertThat(root.get("warning").asText()).startsWith("These runs differ in ").contains("workers")
                .contains("and in data size; the difference cannot be attributed to any one of them");
        assertThat(root.get("verdict").get(0).asText()).startsWith("Warning: These runs differ in ");
        // One setting changed on the same data: a fair comparison, no warning.
        assertThat(JSON.readTree(oneChange.out()).get("warning").isNull()).isTrue();
    }
}
