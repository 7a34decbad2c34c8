package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;

    @TempDir
    Path dir;

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(20_000);
    }

    @Test
    void everyRunAppearsInTheListWithItsMeasuredNumbers() throws Exception {
        Path home = dir.resolve("home");
        Cli.Result first = run(home, "--label", "baseline");
        Cli.Result second = run(home, "--workers", "2", "--pool-size", "1");

        Cli.Result list = Cli.run(home, Map.of(), "history", "list", "--json");

        assertThat(list.exitCode()).as(list.err()).isZero();
        JsonNode runs = JSON.readTree(list.out()).get("runs");
        assertThat(runs).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode listed = runs.get(i);
            JsonNode summary = JSON.readTree((i == 0 ? second : first).out());
            assertThat(listed.get("runId").asLong()).isEqualTo(summary.get("runId").asLong());
            assertThat(listed.get("status").asText()).isEqualTo("succeeded");
            assertThat(listed.get("rows").asLong()).isEqualTo(20_000);
            assertThat(listed.get("rowsPerSecond").asDouble())
                    .isEqualTo(listed.get("rows").asDouble() / listed.get("seconds").asDouble());
            assertThat(listed.get("seconds").asDouble()).isEqualTo(summary.get("seconds").asDouble());
        }
        assertThat(runs.get(0).get("workers").asInt()).isEqualTo(2);
        assertThat(runs.get(0).get("sourceMaximumPoolSize").asInt()).isEqualTo(1);
        assertThat(runs.get(1).get("label").asText()).isEqualTo("baseline");

        Cli.Result text = Cli.run(home, Map.of(), "history", "list");
        assertThat(text.out()).contains("baseline").contains("succeeded").contains("20,000").contains("1/1 shared");
    }

    @Test
    void showSamplesLabelAndDelete() throws Exception {
        Path home = dir.resolve("home");
        long runId = JSON.readTree(run(home).out()).get("runId").asLong();

        Cli.Result show = Cli.run(home, Map.of(), "history", "show", Long.toString(runId));
        Cli.Result csv = Cli.run(home, Map.of(), "history", "samples", Long.toString(runId), "--csv",
                dir.resolve("s.csv").toString());
        Cli.Result label = Cli.run(home, Map.of(), "history", "label", Long.toString(runId), "renamed");
        Cli.Result relisted = Cli.run(home, Map.of(), "history", "list");
        Cli.Result delete = Cli.run(home, Map.of(), "history", "delete", Long.toString(runId));
        Cli.Result gone = Cli.run(home, Map.of(), "history", "show", Long.toString(runId));

        assertThat(show.out()).contains("run " + runId).contains("succeeded").contains("20,000 rows")
                .contains("table public.posts → public.posts").contains("verified").contains("source server: "
                        + "PostgreSQL 16");
        List<String> lines = Files.readAllLines(dir.resolve("s.csv"));
        assertThat(csv.exitCode()).isZero();
        assertThat(lines.get(0)).startsWith("elapsed_ms,rows,bytes,rows_per_second,workers,source_active");
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(label.exitCode()).isZero();
        assertThat(relisted.out()).contains("renamed");
        assertThat(delete.exitCode()).isZero();
        assertThat(gone.exitCode()).isEqualTo(2);
        assertThat(gone.err()).isEqualTo("error: RUN: there is no run " + runId + " in "
                + home.resolve("history.mv.db") + System.lineSeparator());
    }

    @Test
    void runsExportedFromOneHomeImportIntoAnotherWithIdenticalNumbersAndOnlyOnce() throws Exception {
        Path server = dir.resolve("server-home");
        Path laptop = dir.resolve("laptop-home");
        run(laptop, "--label", "a local run first, so ids differ");
        long exported = JSON.readTree(run(server, "--label", "on the server").out()).get("runId").asLong();
        Path file = dir.resolve("runs.json.gz");

        Cli.Result export = Cli.run(server, Map.of(), "history", "export", Long.toString(exported), "--out",
                file.toString());
        Cli.Result firstImport = Cli.run(laptop, Map.of(), "history", "import", file.toString());
        Cli.Result secondImport = Cli.run(laptop, Map.of(), "history", "import", file.toString());

        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(firstImport.err()).isEqualTo("imported run " + exported + " as run 2" + System.lineSeparator());
        assertThat(secondImport.err()).isEqualTo("run " + exported + " is already here as run 2; skipped"
                + System.lineSeparator());
        JsonNode original = JSON.readTree(Cli.run(server, Map.of(), "history", "show", Long.toString(exported),
                "--json").out());
        JsonNode imported = JSON.readTree(Cli.run(laptop, Map.of(), "history", "show", "2", "--json").out());
        assertThat(imported.get("summary").get("originId").asLong()).isEqualTo(exported);
        assertThat(imported.get("summary").get("originHost").asText()).isEqualTo(original.get("host").asText());
        for (String same : List.of("pools", "tables", "events", "environment", "timeBreakdownMs", "configYaml")) {
            assertThat(imported.get(same)).as(same).isEqualTo(original.get(same));
        }
        for (String same : List.of("rows", "seconds", "rowsPerSecond", "p95WaitMs", "health", "startedAt")) {
            assertThat(imported.get("summary").get(same)).as(same).isEqualTo(original.get("summary").get(same));
        }
        Cli.Result samplesHere = Cli.run(laptop, Map.of(), "history", "samples", "2", "--csv",
                dir.resolve("a.csv").toString());
        Cli.Result samplesThere = Cli.run(server, Map.of(), "history", "samples", Long.toString(exported), "--csv",
                dir.resolve("b.csv").toString());
        assertThat(samplesHere.exitCode() + samplesThere.exitCode()).isZero();
        assertThat(Files.readString(dir.resolve("a.csv"))).isEqualTo(Files.readString(dir.resolve("b.csv")));
    }

    @Test
    void noPasswordIsWrittenAnywhereUnderTheHome() throws Exception {
        String role = TestPostgres.passwordRole();
        String target = TestPostgres.newDatabase("secret");
        Path home = dir.resolve("home");
        // The role's password, written plainly in the config and in a JDBC URL: the worst a user can do.
        Path config = Files.writeString(dir.resolve("plain.yaml"), """
                source: {jdbcUrl: "%s?password=right-password", username: %s}
                target: {jdbcUrl: %s, username: %s, password: right-password}
                tables: [posts]
                """.formatted(source, role, target, role));

        Cli.Result run = Cli.run(home, Map.of(), "run", "--config", config.toString(), "--json");
        Cli.Result export = Cli.run(home, Map.of(), "history", "export", "1", "--out",
                home.resolve("export.json").toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: ").contains("target.password: a plaintext password");
        assertThat(export.exitCode()).isZero();
        assertThat(run.out() + run.err()).doesNotContain("right-password");
        try (Stream<Path> files = Files.walk(home)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(file.toString()).doesNotContain("right-password");
            }
        }
    }

    private Cli.Result run(Path home, String... extra) throws Exception {
        Path config = dir.resolve("pg.yaml");
        if (!Files.exists(config)) {
            Files.writeString(config, """
                    source: {jdbcUrl: %s, username: postgres}
                    target: {jdbcUrl: %s, username: postgres}
                    tables: [{source: public.posts, mode: recreate}]
                    partitionsPerTable: 4
                    """.formatted(source, TestPostgres.newDatabase("histcli")));
        }
        List<String> args = new java.util.ArrayList<>(List.of("run", "--config", config.toString(), "--json"));
        args.addAll(List.of(extra));
        Cli.Result result = Cli.run(home, Map.of(), args.toArray(String[]::new));
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }
}
