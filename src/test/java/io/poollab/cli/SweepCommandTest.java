package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.analysis.Knee;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunSummary;
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

/** {@code poollab sweep}: a real 2 × 3 grid on the embedded PostgreSQL, recorded under one sweep id. */
class SweepCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    @TempDir
    Path dir;

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(20_000);
    }

    private Path config(String mode) throws Exception {
        return Files.writeString(dir.resolve(mode + ".yaml"), """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [{source: public.posts, mode: %s}]
                partitionsPerTable: 4
                """.formatted(source, TestPostgres.newDatabase("sweep"), mode));
    }

    @Test
    void everyCellIsAVerifiedRunOfTheSweepAndTheKneeComesFromTheirRates() throws Exception {
        Path home = dir.resolve("home");

        Cli.Result sweep = Cli.run(home, Map.of(), "sweep", "--config", config("create").toString(), "--workers",
                "1,2", "--pool-size", "1,2,4", "--json");

        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode root = JSON.readTree(sweep.out());
        long sweepId = root.get("sweepId").asLong();
        assertThat(root.get("cells")).hasSize(6);
        List<Knee.Cell> cells = new ArrayList<>();
        for (JsonNode cell : root.get("cells")) {
            assertThat(cell.get("status").asText()).isEqualTo("succeeded");
            assertThat(cell.get("acquireMs").get("p95").isNumber()).isTrue();
            cells.add(new Knee.Cell(cell.get("workers").asInt(), cell.get("maximumPoolSize").asInt(),
                    cell.get("connections").asInt(), List.of(cell.get("rowsPerSecond").asDouble())));
        }
        // "create" would refuse the second cell's full table: every cell recreated it, and verified.
        try (HistoryStore history = HistoryStore.open(home)) {
            List<RunSummary> runs = history.sweepRuns(sweepId);
            assertThat(runs).hasSize(6).allMatch(r -> r.status().equals("succeeded") && r.rows() == 20_000);
            assertThat(runs).extracting(RunSummary::sweepId).containsOnly(sweepId);
            assertThat(runs).extracting(RunSummary::sourcePoolMax).containsExactly(1, 2, 4, 1, 2, 4);
        }
        Knee.Result expected = Knee.of(cells, Knee.DEFAULT_TOLERANCE).orElseThrow();
        JsonNode knee = root.get("knee");
        assertThat(knee.get("workers").asInt()).isEqualTo(expected.knee().workers());
        assertThat(knee.get("maximumPoolSize").asInt()).isEqualTo(expected.knee().poolSize());
        assertThat(knee.get("best").get("rowsPerSecond").asDouble()).isEqualTo(expected.best().mean());
        // Shared pools of 1, 2 and 4 per side: 2, 4 and 8 connections in all.
        assertThat(cells).extracting(Knee.Cell::connections).containsExactly(2, 4, 8, 2, 4, 8);
        assertThat(sweep.err()).contains("[1/6] 1 worker × pool 1 (2 connections)").contains("sweep ETA")
                .contains("sweep: no estimate yet (no earlier run of these tables in the history)")
                .contains(" s besides the copy and verification");

        // The recommendation: the knee's workers and size, and a reason with numbers for every value.
        JsonNode advice = root.get("recommendation");
        assertThat(advice.get("workers").asInt()).isEqualTo(expected.knee().workers());
        assertThat(advice.get("maximumPoolSize").asInt()).isEqualTo(expected.knee().poolSize());
        assertThat(advice.get("minimumIdle").asInt()).isEqualTo(expected.knee().poolSize());
        assertThat(advice.get("connectionTimeout").asLong()).isGreaterThanOrEqualTo(1_000);
        List<String> reasoned = new ArrayList<>();
        advice.get("reasons").forEach(r -> {
            assertThat(r.get("because").asText()).isNotBlank();
            assertThat(r.get("numbers").size()).as(r.toString()).isPositive();
            reasoned.add(r.get("setting").asText());
        });
        assertThat(reasoned).contains("workers", "poolMode", "maximumPoolSize", "minimumIdle", "connectionTimeout",
                "idleTimeout", "maxLifetime", "keepaliveTime", "fleetBudget");
        assertThat(advice.get("rulesOfThumb")).hasSize(3);
        assertThat(advice.get("basedOnRunId").asLong()).isIn(
                (Object[]) root.findValues("runId").stream().map(JsonNode::asLong).toArray(Long[]::new));
    }

    @Test
    void theSecondSweepOfTheSameTablesIsEstimatedAndTheTextShowsTheKneeAndTheReasons() throws Exception {
        Path home = dir.resolve("home");
        String create = config("create").toString();
        Cli.run(home, Map.of(), "sweep", "--config", create, "--workers", "1", "--pool-size", "1");

        Cli.Result second = Cli.run(home, Map.of(), "sweep", "--config", create, "--workers", "1,2", "--pool-size",
                "1,2");

        assertThat(second.exitCode()).as(second.err()).isZero();
        assertThat(second.err()).containsPattern("sweep: estimate \\d+:\\d\\d \\(4 runs × \\d+:\\d\\d, the "
                + "mean of 1 earlier run of these tables\\)");
        assertThat(second.out()).contains("sweep 2: 4 of 4 runs, shared pools, knee tolerance 5%")
                .contains("  ← knee").containsPattern("(?m)^knee: \\d workers? × pool \\d")
                .contains("recommendation (from the measurements of run ")
                .containsPattern("(?m)^  target maximumPoolSize +\\d  ")
                .contains("Little's law: ").contains("rules of thumb (for comparison; not measured):");

        // A report on a sweep's cell carries the sweep's charts and the sweep's recommendation.
        long cell;
        try (HistoryStore history = HistoryStore.open(home)) {
            cell = history.sweepRuns(2).get(0).id();
        }
        Path out = dir.resolve("report");
        Cli.Result report = Cli.run(home, Map.of(), "report", "--runs", Long.toString(cell), "--out", out.toString(),
                "--format", "html");
        assertThat(report.exitCode()).as(report.err()).isZero();
        String html = Files.readString(out.resolve("report.html"));
        assertThat(html).contains("Sweep 2: rows/s against each pool").contains("Sweep 2: p95 acquire wait")
                .contains("Sweep 2: rows/s over the grid").contains("from sweep 2 and the measurements of its knee run")
                .contains("knee: ");
        assertThat(html.split("<svg", -1)).hasSize(1 + 3 + 1);
    }

    @Test
    void badGridsAndAnAppendingTargetAreRefusedBeforeAnythingRuns() throws Exception {
        Path home = dir.resolve("home");
        String append = config("append").toString();
        String create = config("create").toString();

        Cli.Result appending = Cli.run(home, Map.of(), "sweep", "--config", append, "--workers", "1", "--pool-size", "1");
        Cli.Result repeat = Cli.run(home, Map.of(), "sweep", "--config", create, "--workers", "1", "--pool-size", "1",
                "--repeat", "0");
        Cli.Result zeroWorkers = Cli.run(home, Map.of(), "sweep", "--config", create, "--workers", "2,0",
                "--pool-size", "1");

        assertThat(appending.exitCode()).isEqualTo(2);
        assertThat(appending.errLines()).singleElement().asString().startsWith("error: " + append + ":3:")
                .endsWith("tables[0].mode: append would add every cell's rows to the last cell's: a sweep needs "
                        + "create, recreate or truncate");
        assertThat(repeat.exitCode()).isEqualTo(2);
        assertThat(repeat.errLines()).containsExactly("error: --repeat: 0 is less than 1");
        assertThat(zeroWorkers.exitCode()).isEqualTo(2);
        assertThat(zeroWorkers.errLines()).singleElement().asString().contains("workers");
        assertThat(home.resolve("history.mv.db")).doesNotExist();
    }

    @Test
    void aSweepsRunsExportedToAnotherHomeBringTheirSweepAndNeverJoinOneThatHasTheSameIdThere() throws Exception {
        Path server = dir.resolve("server");
        Path laptop = dir.resolve("laptop");
        String create = config("create").toString();
        // Both homes get a sweep 1: the laptop's must stay its own.
        Cli.Result local = Cli.run(laptop, Map.of(), "sweep", "--config", create, "--workers", "1", "--pool-size",
                "1", "--json");
        Cli.Result remote = Cli.run(server, Map.of(), "sweep", "--config", create, "--workers", "1", "--pool-size",
                "1,2", "--json");
        assertThat(local.exitCode() + remote.exitCode()).as(local.err() + remote.err()).isZero();
        List<String> runIds = new ArrayList<>();
        JSON.readTree(remote.out()).get("cells").forEach(c -> runIds.add(c.get("runId").asText()));
        Path file = dir.resolve("sweep.json");
        List<String> export = new ArrayList<>(List.of("history", "export"));
        export.addAll(runIds);
        export.addAll(List.of("--out", file.toString()));
        assertThat(Cli.run(server, Map.of(), export.toArray(String[]::new)).exitCode()).isZero();

        Cli.Result first = Cli.run(laptop, Map.of(), "history", "import", file.toString());
        Cli.Result again = Cli.run(laptop, Map.of(), "history", "import", file.toString());

        assertThat(first.exitCode() + again.exitCode()).as(first.err() + again.err()).isZero();
        try (HistoryStore history = HistoryStore.open(laptop)) {
            assertThat(history.sweeps(10)).extracting(io.poollab.history.SweepRecord::id).containsExactly(2L, 1L);
            assertThat(history.sweepRuns(1)).hasSize(1);
            List<RunSummary> imported = history.sweepRuns(2);
            assertThat(imported).hasSize(2).extracting(RunSummary::sourcePoolMax).containsExactly(1, 2);
            var sweep = io.poollab.analysis.SweepAnalysis.load(history, 2, io.poollab.analysis.Advisor.Fleet.SINGLE)
                    .orElseThrow();
            assertThat(sweep.sweep().poolSizes()).containsExactly(1, 2);
            assertThat(sweep.positions()).allSatisfy(p -> assertThat(p.rates()).hasSize(1));
            assertThat(sweep.knee()).isPresent();
        }
    }
}
