package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunSummary;
import io.poollab.testing.Cli;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poollab demo}: the list, the errors (one line, exit 2, nothing started) and one scenario as JSON. */
class DemoCommandTest {

    @TempDir
    Path dir;

    @Test
    void withoutAScenarioItListsTheFour() {
        Cli.Result result = Cli.run(dir.resolve("home"), Map.of(), "demo");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("more-readers", "per-worker-vs-shared", "warm-vs-cold", "right-size",
                "More readers, slower?");
        assertThat(dir.resolve("home")).doesNotExist();
    }

    @Test
    void anUnknownScenarioSuggestsTheNearestAndStartsNothing() {
        assertRefused("error: --scenario: \"more-reader\" is not a scenario; did you mean more-readers?",
                "demo", "--scenario", "more-reader");
    }

    @Test
    void aNameFarFromEveryScenarioListsThem() {
        assertRefused("error: --scenario: \"banana\" is not a scenario; one of more-readers, per-worker-vs-shared, "
                + "warm-vs-cold, right-size", "demo", "--scenario", "banana");
    }

    @Test
    void rowsUnderOneAreRefused() {
        assertRefused("error: --rows: must be between 1 and 100,000,000, got 0", "demo", "--scenario",
                "warm-vs-cold", "--rows", "0");
    }

    @Test
    void aRepeatUnderOneIsRefused() {
        assertRefused("error: --repeat: 0 is less than 1", "demo", "--scenario", "warm-vs-cold", "--repeat", "0");
    }

    @Test
    void rowsThatAreNotANumberAreRefusedByTheParser() {
        Cli.Result result = Cli.run(dir.resolve("home"), Map.of(), "demo", "--scenario", "warm-vs-cold", "--rows",
                "many");

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).hasSize(1);
        assertThat(result.errLines().get(0)).startsWith("error: Invalid value for option '--rows': 'many' is not a "
                + "long");
    }

    @Test
    void perWorkerVsSharedAsJsonCarriesTheMeasuredStepsAndTheConclusion() throws Exception {
        Path home = dir.resolve("home");

        Cli.Result result = Cli.run(home, Map.of(), "demo", "--scenario", "per-worker-vs-shared", "--rows", "2000",
                "--repeat", "2", "--latency-ms", "5", "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).contains("demo: starting the demo's PostgreSQL 16", "[1/7] warm-up, repeat 0",
                "[7/7] unpooled, repeat 2", "demo: stopping the demo's PostgreSQL");
        JsonNode root = new ObjectMapper().readTree(result.out());
        assertThat(root.get("scenario").asText()).isEqualTo("per-worker-vs-shared");
        assertThat(root.get("conclusion").asText()).matches(".*(Per-worker pools were|No measurable difference).*"
                + "rows/s.*Without a pool.*");
        assertThat(root.get("steps")).hasSize(6);
        for (JsonNode step : root.get("steps")) {
            assertThat(step.get("status").asText()).isEqualTo("succeeded");
            assertThat(step.get("rows").asLong()).isEqualTo(2_000);
            assertThat(step.get("rowsPerSecond").asDouble()).isPositive();
            assertThat(step.get("wallSeconds").asDouble()).isGreaterThan(step.get("copySeconds").asDouble());
            assertThat(step.has("p95WaitMs")).isTrue();
            assertThat(step.get("connectionsOpened").asLong()).isPositive();
            assertThat(step.get("settings").get("workers").asInt()).isEqualTo(4);
        }
        List<String> modes = root.get("steps").findValues("poolMode").stream().map(JsonNode::asText).toList();
        assertThat(modes).containsExactly("per-worker", "shared", "unpooled", "per-worker", "shared", "unpooled");
        try (HistoryStore history = HistoryStore.open(home)) {
            List<RunSummary> runs = history.list(null, 20);
            assertThat(runs).hasSize(7).allMatch(r -> r.label().startsWith("demo per-worker-vs-shared: "));
        }
    }

    private void assertRefused(String error, String... args) {
        Path home = dir.resolve("home");

        Cli.Result result = Cli.run(home, Map.of(), args);

        assertThat(result.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(result.errLines()).containsExactly(error);
        assertThat(result.out()).isEmpty();
        assertThat(home).as("nothing started: not even the home is created").doesNotExist();
    }
}
