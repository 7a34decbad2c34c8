package io.poollab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The advisor's truth check, on a latency-bound target whose capacity is known: every COPY into it (one per
 * partition) waits 50 ms inside the server, and at most two can wait at once (two advisory-lock slots), like a
 * database that serves two writers well and queues the rest. Throughput must then grow from one writer to two and stop there, so the right
 * pick is two writers on a pool of two, and more connections buy nothing.
 */
class AdvisorTruthTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theAdvisorsPickReachesTheBestThroughputWithNoMoreConnectionsThanTheKnee() throws Exception {
        String source = Posts.database(12_000);
        String target = Posts.database(0);
        TestPostgres.execute(target, """
                CREATE FUNCTION two_at_a_time() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                  IF NOT pg_try_advisory_xact_lock(42, 1) THEN
                    PERFORM pg_advisory_xact_lock(42, 2);
                  END IF;
                  PERFORM pg_sleep(0.05);
                  RETURN NULL;
                END $$""", """
                CREATE TRIGGER slow_copy AFTER INSERT ON public.posts
                FOR EACH STATEMENT EXECUTE FUNCTION two_at_a_time()""");
        Path config = Files.writeString(dir.resolve("latency-bound.yaml"), """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres}
                tables: [{source: public.posts, mode: truncate}]
                partitionsPerTable: 40
                verify: counts
                """.formatted(source, target));

        Cli.Result sweep = Cli.run(dir.resolve("home"), Map.of(), "sweep", "--config", config.toString(),
                "--workers", "1,2,4", "--pool-size", "1,2,4", "--repeat", "2", "--json");

        assertThat(sweep.exitCode()).as(sweep.err()).isZero();
        JsonNode root = JSON.readTree(sweep.out());
        Map<String, Double> rate = new HashMap<>();
        Map<String, Integer> connections = new HashMap<>();
        // Two repeats per cell, so that the knee uses their spread (a loaded machine's noise) and not 5% alone.
        Map<String, Integer> repeats = new HashMap<>();
        for (JsonNode cell : root.get("cells")) {
            String at = cell.get("workers").asInt() + "×" + cell.get("maximumPoolSize").asInt();
            rate.merge(at, cell.get("rowsPerSecond").asDouble(), Double::sum);
            repeats.merge(at, 1, Integer::sum);
            connections.put(at, cell.get("connections").asInt());
        }
        rate.replaceAll((at, sum) -> sum / repeats.get(at));
        assertThat(repeats.values()).containsOnly(2);
        double best = rate.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        JsonNode pick = root.get("recommendation");
        String picked = pick.get("workers").asInt() + "×" + pick.get("maximumPoolSize").asInt();
        JsonNode knee = root.get("knee");

        // The setup behaves as built: two writers are clearly faster than one, four no faster than two.
        assertThat(rate.get("2×2")).as("%s", rate).isGreaterThan(1.5 * rate.get("1×1"));
        assertThat(rate.get("4×4")).as("%s", rate).isLessThan(1.25 * rate.get("2×2"));
        // The truth check.
        assertThat(rate.get(picked)).as("pick %s of %s", picked, rate).isGreaterThanOrEqualTo(0.95 * best);
        assertThat(pick.get("connections").asInt()).isLessThanOrEqualTo(knee.get("connections").asInt());
        assertThat(connections.get(picked)).as("pick %s of %s", picked, rate).isEqualTo(4);
        assertThat(List.of("2×2", "4×2")).contains(picked);
    }
}
