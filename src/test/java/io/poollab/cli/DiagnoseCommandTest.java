package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.history.DiagnosisRun;
import io.poollab.history.HistoryStore;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code poollab diagnose} on the embedded PostgreSQL: every experiment, repeated, recorded, and a verdict. */
class DiagnoseCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aDiagnosisRunsEveryExperimentTwiceUnderOneIdAndComputesItsVerdictFromTheStoredRuns() throws Exception {
        Path config = dir.resolve("diag.yaml");
        Files.writeString(config, """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [{source: public.posts, mode: create}]
                workers: 2
                partitionsPerTable: 4
                pool: {mode: shared, source: {maximumPoolSize: 1}, target: {maximumPoolSize: 1}}
                """.formatted(Posts.database(4_000), TestPostgres.newDatabase("diag")));
        Path home = dir.resolve("home");

        Cli.Result result = Cli.run(home, Map.of(), "diagnose", "--config", config.toString(), "--json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode root = JSON.readTree(result.out());
        List<String> ids = new ArrayList<>();
        root.get("experiments").forEach(e -> ids.add(e.get("id").asText()));
        assertThat(ids).containsExactly("given", "unpooled", "single-worker", "shared-sized", "per-worker");
        for (JsonNode e : root.get("experiments")) {
            assertThat(e.get("runs")).hasSize(2);
            assertThat(e.get("rowsPerSecond")).hasSize(2);
            assertThat(e.get("rows").get(0).asLong()).isEqualTo(4_000);
            assertThat(e.get("waits").get("server").get("target").get("sampled").asBoolean()).isTrue();
        }
        JsonNode verdict = root.get("verdict");
        assertThat(verdict.get("pooling").get("outcome").asText()).isIn("helps", "hurts", "none");
        assertThat(verdict.get("pooling").get("numbers").get("threshold").asDouble()).isPositive();
        assertThat(verdict.get("workers").get("numbers").get("workers").asInt()).isEqualTo(2);
        assertThat(verdict.get("bottleneck").get("outcome").asText()).isIn("pool", "server", "client", "none");
        assertThat(verdict.get("next").get("sentence").asText()).startsWith("Try next: ");
        // A warm-up, then interleaved: the next five runs are one of each experiment; the history holds all eleven.
        long diagnosisId = root.get("diagnosisId").asLong();
        try (HistoryStore history = HistoryStore.open(home)) {
            List<DiagnosisRun> runs = history.diagnosisRuns(diagnosisId);
            assertThat(runs).hasSize(11);
            assertThat(runs.get(0).experiment()).isEqualTo("warm-up");
            assertThat(runs.subList(1, 6).stream().map(DiagnosisRun::experiment).distinct()).hasSize(5);
        }
    }

    @Test
    void aSingleRepeatIsRefusedInOneLineBeforeAnythingRuns() throws Exception {
        Path config = dir.resolve("any.yaml");
        Files.writeString(config, "source: {jdbcUrl: 'jdbc:postgresql://127.0.0.1:1/x'}\n");

        Cli.Result result = Cli.run(dir.resolve("home"), Map.of(), "diagnose", "--config", config.toString(),
                "--repeat", "1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.errLines()).containsExactly(
                "error: --repeat: 1 is less than 2: the noise needs two runs of each experiment");
    }
}
