package io.poollab.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.Engine;
import io.poollab.testing.TestPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each scenario, headless and small (3,000 rows, two repeats, one per sweep cell), on the demo's own embedded
 * PostgreSQL in a temporary home, started and stopped here, beside (not instead of) the tests' shared server.
 */
class DemoScenariosTest {

    private static final DemoOptions SMALL = new DemoOptions(3_000, 2, 5);

    @TempDir
    static Path home;

    private static DemoDatabases databases;
    private static HistoryStore history;
    private static final List<String> progress = new ArrayList<>();

    @BeforeAll
    static void startTheDemoServer() throws Exception {
        databases = DemoDatabases.start(home, progress::add);
        history = HistoryStore.open(home);
    }

    @AfterAll
    static void stopTheDemoServer() throws Exception {
        history.close();
        int port = databases.port();
        databases.close();
        assertThat(listening(port)).as("the demo's server stopped").isFalse();
        assertThat(DemoDatabases.dataDirectory(home).resolve("postgresql.conf")).exists();
    }

    @Test
    void theDemoServerIsItsOwnUnderTheHomeNotTheTestsSharedOne() {
        assertThat(databases.port()).isNotEqualTo(TestPostgres.port());
        assertThat(progress.get(0)).isEqualTo("starting the demo's PostgreSQL 16 (a new cluster in "
                + DemoDatabases.dataDirectory(home) + ")");
        assertThat(databases.targetUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + databases.port()
                + "/poollab_demo");
    }

    @Test
    void moreReadersRunsOneTwoAndThreeReadersWithPoolsOfTheirOwn() throws Exception {
        DemoResult result = run(Scenario.MORE_READERS);

        assertThat(result.variants()).extracting(VariantStats::variant)
                .containsExactly("1 reader", "2 readers", "3 readers");
        assertThat(result.variants()).extracting(VariantStats::meanConnectionsOpened).containsExactly(4.0, 8.0, 12.0);
        assertThat(result.comparison()).isPresent();
    }

    @Test
    void perWorkerVsSharedVsUnpooledOpensWhatEachModeOpens() throws Exception {
        DemoResult result = run(Scenario.PER_WORKER_VS_SHARED);

        assertThat(result.variants()).extracting(VariantStats::variant)
                .containsExactly("per-worker", "shared", "unpooled");
        // Pre-warmed pools of 4 per side: 4 workers × 8 per-worker, 8 shared; unpooled connects per batch and side.
        assertThat(result.variants().get(0).meanConnectionsOpened()).isEqualTo(32);
        assertThat(result.variants().get(1).meanConnectionsOpened()).isEqualTo(8);
        int batches = 3_000 / result.steps().get(0).settings().batchRows();
        assertThat(result.variants().get(2).meanConnectionsOpened()).isGreaterThanOrEqualTo(2.0 * batches);
        assertThat(result.conclusion().sentence()).contains("connections opened, one per borrow");
    }

    @Test
    void warmVsColdFillsOnlyTheWarmPoolBeforeTheCopy() throws Exception {
        DemoResult result = run(Scenario.WARM_VS_COLD);

        MeasuredStep warm = result.variants().get(0).steps().get(0);
        MeasuredStep cold = result.variants().get(1).steps().get(0);
        assertThat(warm.settings().minimumIdle()).isEqualTo(4);
        assertThat(cold.settings().minimumIdle()).isZero();
        assertThat(cold.settings().idleTimeoutMs()).isEqualTo(10_000);
        assertThat(cold.settings().maxLifetimeMs()).isEqualTo(30_000);
        RunDetail warmRun = history.detail(warm.runId()).orElseThrow();
        assertThat(warmRun.events()).anyMatch(e -> e.message().startsWith("pools filled to minimumIdle before "
                + "the copy"));
        assertThat(history.detail(cold.runId()).orElseThrow().events())
                .noneMatch(e -> e.message().startsWith("pools filled"));
    }

    @Test
    void rightSizeSweepsTheGridAndConcludesFromItsKnee() throws Exception {
        // One run per cell keeps the test short; the knee then has no repeats to weigh.
        DemoResult result = run(Scenario.RIGHT_SIZE, new DemoOptions(3_000, 1, 5));

        assertThat(result.sweep()).isPresent();
        assertThat(result.steps()).hasSize(9);
        assertThat(history.sweepRuns(result.sweep().get().sweep().id())).hasSize(9);
        assertThat(result.sweep().get().knee()).isPresent();
        assertThat(result.conclusion().sentence()).containsAnyOf("The right size here is ",
                "More connections kept paying here");
        assertThat(result.conclusion().sentence()).contains("The advisor recommends");
    }

    @Test
    void aCancelledDemoStartsNoRunAndConcludesNothing() throws Exception {
        DemoRunner runner = new DemoRunner(new Engine(), history, databases);
        runner.cancel();

        DemoResult result = runner.run(Scenario.WARM_VS_COLD, SMALL, new DemoListener() { });

        assertThat(result.cancelled()).isTrue();
        assertThat(result.warmUp()).isEmpty();
        assertThat(result.steps()).isEmpty();
        assertThat(result.conclusion().finding()).isEqualTo(Conclusion.Finding.INCOMPLETE);
        assertThat(result.conclusion().sentence()).isEqualTo("Cancelled after 0 of 4 runs: no conclusion.");
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingRuns() {
        DemoRunner runner = new DemoRunner(new Engine(), history, databases);

        assertThatThrownBy(() -> runner.run(Scenario.MORE_READERS, new DemoOptions(0, 0, 5), new DemoListener() { }))
                .isInstanceOf(ConfigException.class)
                .hasMessage("--rows: must be between 1 and 100,000,000, got 0");
    }

    /** Runs the scenario and checks what every scenario must do: succeed, be recorded, conclude from numbers. */
    private DemoResult run(Scenario scenario) throws Exception {
        return run(scenario, SMALL);
    }

    private DemoResult run(Scenario scenario, DemoOptions options) throws Exception {
        List<MeasuredStep> heard = new ArrayList<>();
        DemoResult result = new DemoRunner(new Engine(), history, databases).run(scenario, options,
                new DemoListener() {
                    @Override
                    public void stepEnded(MeasuredStep step) {
                        heard.add(step);
                    }
                });

        assertThat(result.succeeded()).as(result.conclusion().sentence()).isTrue();
        assertThat(result.warmUp()).isPresent();
        assertThat(heard).hasSize(result.steps().size() + 1);
        assertThat(result.conclusion().finding()).isNotEqualTo(Conclusion.Finding.INCOMPLETE);
        assertThat(result.conclusion().sentence()).matches(".*\\d.*rows/s.*");
        for (MeasuredStep step : heard) {
            RunDetail stored = history.detail(step.runId()).orElseThrow();
            // "demo more-readers: 2 readers, repeat 1"; a sweep's cells: "demo right-size, 2 workers × pool 4".
            assertThat(stored.summary().label()).matches("demo " + scenario.id() + "[:,] .+");
            assertThat(stored.summary().status()).isEqualTo("succeeded");
            assertThat(stored.summary().rows()).isEqualTo(3_000);
            assertThat(stored.targetUrl()).contains(":" + databases.port() + "/poollab_demo");
            assertThat(stored.configYaml()).contains("latencyMs: 5").doesNotContain("password:");
        }
        return result;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
