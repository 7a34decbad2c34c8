package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.testing.Cli;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code sample-configs/sweep-readers.yaml} as its comment says to run it, against the embedded PostgreSQL behind
 * the latency proxy: 1, 2 and 3 readers open 12, 24 and 36 connections, measured, not just allowed.
 */
class SweepReadersSampleTest {

    @TempDir
    Path dir;

    @Test
    void oneTwoAndThreeReadersWithTheirOwnPoolsOpenTwelveTwentyFourAndThirtySixConnections() throws Exception {
        String sample = Files.readString(Path.of("sample-configs/sweep-readers.yaml"));
        // The same file, pointed at the test's server (trust: no password) and a smaller seed.
        String config = sample.replace("jdbc:postgresql://127.0.0.1:5432/dst", TestPostgres.newDatabase("readers"))
                .replace("  password: ${env:DST_PASSWORD}\n", "")
                .replace("rows: 200000", "rows: 6000");
        assertThat(config).isNotEqualTo(sample).doesNotContain("5432/dst").contains("latencyMs: 5");
        Path file = Files.writeString(dir.resolve("sweep-readers.yaml"), config);
        Path home = dir.resolve("home");

        Cli.Result sweep = Cli.run(home, Map.of(), "sweep", "--config", file.toString(), "--workers", "1,2,3",
                "--pool-size", "6", "--json");

        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode root = new ObjectMapper().readTree(sweep.out());
        List<Integer> allowed = new ArrayList<>();
        root.get("cells").forEach(c -> allowed.add(c.get("connections").asInt()));
        assertThat(allowed).containsExactly(12, 24, 36);
        try (HistoryStore history = HistoryStore.open(home)) {
            List<RunSummary> runs = history.sweepRuns(root.get("sweepId").asLong());
            assertThat(runs).hasSize(3).allMatch(r -> r.status().equals("succeeded") && r.rows() == 6_000
                    && r.poolMode().equals("per-worker"));
            for (RunSummary run : runs) {
                RunDetail detail = history.detail(run.id()).orElseThrow();
                // Pre-warmed pools of 6 per worker and side: all of them opened, whatever a worker used.
                assertThat(detail.pools().get("source").peakTotal()).as("run %d source", run.id())
                        .isEqualTo(6 * run.workers());
                assertThat(detail.pools().get("target").peakTotal()).as("run %d target", run.id())
                        .isEqualTo(6 * run.workers());
                assertThat(detail.pools().get("target").peakActive()).isLessThanOrEqualTo(run.workers());
            }
        }
    }
}
