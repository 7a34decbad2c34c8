package io.poollab.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app, killed with SIGKILL in the middle of a real copy: the next start marks the run interrupted,
 * and {@code --resume} completes it with every row exactly once.
 */
class KillAndResumeIT {

    private static final String FINGERPRINT = "SELECT count(*) || ':' || md5(string_agg(p::text, '|' ORDER BY id)) "
            + "FROM posts p";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private Path childErr;

    @Test
    void killDashNineMidRunThenResumeGivesTheSourceChecksum() throws Exception {
        String source = Posts.database(100_000);
        String target = TestPostgres.newDatabase("killed");
        Path home = dir.resolve("home");
        // Unpooled with small batches: a real connect per batch keeps the copy going for several seconds.
        Path config = Files.writeString(dir.resolve("slow.yaml"), """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [posts]
                workers: 2
                partitionsPerTable: 40
                holdConnections: perBatch
                batchRows: 20
                pool: {mode: unpooled}
                """.formatted(source, target));

        Path childErr = dir.resolve("child.err");
        Process child = poollab(home, "run", "--config", config.toString()).redirectError(childErr.toFile()).start();
        this.childErr = childErr;
        long runId = awaitPartitionsDone(home, 2, child);
        // What the history showed is on disk within a second (the documented bound); then the process dies.
        Thread.sleep(1_000);
        child.destroyForcibly().waitFor();
        assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);

        JsonNode listed = JSON.readTree(output(poollab(home, "history", "list", "--json"))).get("runs").get(0);
        assertThat(listed.get("runId").asLong()).isEqualTo(runId);
        assertThat(listed.get("status").asText()).isEqualTo("interrupted");
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isLessThan(100_000);

        // The rest may go faster: the partitions are fixed by the checkpoints, the pool is not.
        JsonNode resumed = JSON.readTree(output(poollab(home, "run", "--resume", Long.toString(runId), "--pool-mode",
                "shared", "--json")));
        assertThat(resumed.get("status").asText()).isEqualTo("succeeded");
        assertThat(resumed.get("tables").get(0).get("verified").asBoolean()).isTrue();
        assertThat(resumed.get("tables").get(0).get("rows").asLong()).isEqualTo(100_000);
        assertThat(resumed.get("rows").asLong()).isLessThan(100_000);
        assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
        JsonNode history = JSON.readTree(output(poollab(home, "history", "list", "--json"))).get("runs");
        assertThat(history.get(0).get("resumedFrom").asLong()).isEqualTo(runId);
        assertThat(history.get(0).get("status").asText()).isEqualTo("succeeded");
    }

    @Test
    void ctrlCCancelsCleanlyAndSaysWhatWasCompleted() throws Exception {
        String source = Posts.database(100_000);
        String target = TestPostgres.newDatabase("interrupted");
        Path home = dir.resolve("home");
        Path config = Files.writeString(dir.resolve("slow.yaml"), SLOW.formatted(source, target));
        childErr = dir.resolve("child.err");
        Process child = poollab(home, "run", "--config", config.toString(), "--json")
                .redirectError(childErr.toFile()).start();
        long runId = awaitPartitionsDone(home, 2, child);

        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        child.waitFor();

        assertThat(child.exitValue()).isEqualTo(130);
        JsonNode summary = JSON.readTree(out);
        assertThat(summary.get("status").asText()).isEqualTo("cancelled");
        assertThat(summary.get("incompletePartitions")).isNotEmpty();
        JsonNode listed = JSON.readTree(output(poollab(home, "history", "list", "--json"))).get("runs").get(0);
        assertThat(listed.get("runId").asLong()).isEqualTo(runId);
        assertThat(listed.get("status").asText()).isEqualTo("cancelled");
        // Each partition is a transaction, so the target holds exactly the rows the summary reports committed.
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(summary.get("rows").asLong());
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM pg_stat_activity WHERE application_name "
                + "LIKE 'poollab-" + runId + "-%'")).isZero();
    }

    private static final String SLOW = """
            source: {jdbcUrl: %s, username: postgres}
            target: {jdbcUrl: %s, username: postgres}
            tables: [posts]
            workers: 2
            partitionsPerTable: 40
            holdConnections: perPartition
            pool: {mode: unpooled}
            """;

    /** Polls the child's history (served by the child over AUTO_SERVER) until a run has that many checkpoints. */
    private long awaitPartitionsDone(Path home, int partitions, Process child) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!Files.exists(home.resolve("history.mv.db")) && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        try (HistoryStore store = HistoryStore.open(home)) {
            while (Instant.now().isBefore(deadline)) {
                if (!child.isAlive()) {
                    throw new AssertionError("the run ended before it could be stopped: "
                            + Files.readString(childErr));
                }
                List<RunSummary> runs = store.list(null, 1);
                if (!runs.isEmpty()) {
                    var tables = store.detail(runs.get(0).id()).orElseThrow().tables();
                    if (!tables.isEmpty() && tables.get(0).partitionsDone() >= partitions) {
                        return runs.get(0).id();
                    }
                }
                Thread.sleep(20);
            }
        }
        throw new AssertionError("no checkpoint within 60 s");
    }

    private static ProcessBuilder poollab(Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", System.getProperty("poollab.jar"), "--home", home.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD);
    }

    private static String output(ProcessBuilder builder) throws Exception {
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor();
        return out;
    }

    private static String fingerprint(String url) throws Exception {
        try (var c = TestPostgres.connect(url); var s = c.createStatement(); var rs = s.executeQuery(FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
