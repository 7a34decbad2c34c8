package io.poollab.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poollab.config.ConfigException;
import io.poollab.config.RunSpec;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryStoreTest {

    @TempDir
    Path home;
    // Closed after each test: an open store's H2 may still write into the temporary folder while JUnit deletes it.
    private final List<HistoryStore> opened = new java.util.ArrayList<>();

    private HistoryStore open() throws Exception {
        HistoryStore store = HistoryStore.open(home);
        opened.add(store);
        return store;
    }

    @org.junit.jupiter.api.AfterEach
    void closeStores() {
        opened.forEach(HistoryStore::close);
    }

    @Test
    void aRealRunIsRecordedWithEverySampleWhileAnotherReaderWatches() throws Exception {
        String source = Posts.database(60_000);
        RunSpec spec = Specs.with(Specs.copy(source, TestPostgres.newDatabase("hist"), "posts", 2, 2), 8,
                io.poollab.config.HoldConnections.PER_PARTITION, 5_000, io.poollab.config.CopyFormat.BINARY);
        HistoryStore store = open();
        long runId = store.createRun(spec, null);
        RunRecorder recorder = store.recorder(runId);
        List<RunSample> emitted = new CopyOnWriteArrayList<>();
        RunListener counter = new RunListener() {
            @Override
            public void sample(RunSample sample) {
                emitted.add(sample);
            }
        };
        AtomicInteger readsWhileRunning = new AtomicInteger();
        var run = new Engine(Map.of()).start(spec, runId, List.of(counter, recorder));
        while (!run.completion().isDone()) {
            // A second store on the same file, as the GUI would hold while a CLI run writes.
            try (HistoryStore reader = HistoryStore.open(home)) {
                assertThat(reader.list(null, 10)).extracting(RunSummary::id).contains(runId);
            }
            readsWhileRunning.incrementAndGet();
            Thread.sleep(20);
        }
        RunResult result = run.await();
        recorder.close();

        assertThat(readsWhileRunning).hasPositiveValue();
        RunSummary summary = store.list(null, 10).get(0);
        assertThat(summary.id()).isEqualTo(runId);
        assertThat(summary.status()).isEqualTo("succeeded");
        assertThat(summary.rows()).isEqualTo(60_000);
        assertThat(summary.seconds()).isEqualTo(result.seconds());
        assertThat(summary.rowsPerSecond()).isEqualTo(60_000 / result.seconds());
        assertThat(summary.p95WaitMs()).isEqualTo(Math.max(result.pools().get(io.poollab.config.Side.SOURCE)
                .acquire().p95Ms(), result.pools().get(io.poollab.config.Side.TARGET).acquire().p95Ms()));
        assertThat(store.samples(runId)).containsExactlyElementsOf(emitted);
        RunDetail detail = store.detail(runId).orElseThrow();
        assertThat(detail.tables()).singleElement().satisfies(t -> {
            assertThat(t.partitionsDone()).isEqualTo(8);
            assertThat(t.verified()).isTrue();
            assertThat(t.sourceChecksum()).isEqualTo(result.tables().get(0).sourceChecksum());
        });
        assertThat(detail.pools().get("source").peakDbSessions())
                .isEqualTo(result.pools().get(io.poollab.config.Side.SOURCE).peakDbSessions());
        assertThat(detail.environment().get("source").product()).isEqualTo("PostgreSQL");
    }

    @Test
    void aRunningRunWhoseProcessIsGoneBecomesInterruptedAtTheNextStart() throws Exception {
        HistoryStore store = open();
        long runId = store.createRun(Specs.copy("jdbc:h2:mem:a", "jdbc:h2:mem:b", "t", 1, 1), null);
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        try (Connection c = store.connect()) {
            c.createStatement().executeUpdate("UPDATE run SET pid = " + gone.pid() + " WHERE id = " + runId);
        }
        assertThat(store.list(null, 1).get(0).status()).isEqualTo("running");

        HistoryStore reopened = HistoryStore.open(home);

        assertThat(reopened.list(null, 1).get(0).status()).isEqualTo("interrupted");
        assertThat(reopened.detail(runId).orElseThrow().events()).singleElement().satisfies(e ->
                assertThat(e.message()).startsWith("the process (pid " + gone.pid() + ") ended without finishing "
                        + "the run").endsWith("poollab run --resume " + runId + " completes it"));
    }

    @Test
    void aRunOfThisVeryProcessStaysRunning() throws Exception {
        HistoryStore store = open();
        store.createRun(Specs.copy("jdbc:h2:mem:a", "jdbc:h2:mem:b", "t", 1, 1), null);

        assertThat(HistoryStore.open(home).list(null, 1).get(0).status()).isEqualTo("running");
    }

    @Test
    void aStoreOfSchemaVersion1IsUpgradedAndKeepsItsRuns() throws Exception {
        Files.copy(Path.of("src/test/resources/history-v1/history.mv.db"), home.resolve("history.mv.db"));

        HistoryStore store = open();

        try (Connection c = store.connect(); var rs = c.createStatement().executeQuery(
                "SELECT MAX(\"version\") FROM \"flyway_schema_history\" WHERE \"success\"")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(HistoryStore.SCHEMA_VERSION);
        }
        assertThat(store.list(null, 10)).singleElement().satisfies(run -> {
            assertThat(run.label()).isEqualTo("fixture run");
            assertThat(run.rows()).isEqualTo(1000);
        });
    }

    @Test
    void theSchemaVersionConstantIsTheNewestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/history"))) {
            int newest = files.map(f -> f.getFileName().toString())
                    .map(name -> Integer.parseInt(name.substring(1, name.indexOf("__"))))
                    .max(Integer::compare).orElseThrow();
            assertThat(HistoryStore.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
        }
    }

    @Test
    void aStoreLockedByAnotherProgramIsNamedInOneLine() throws Exception {
        HistoryStore.open(home).close();
        // Another JVM opens the file the way a stray SQL tool would: exclusively, without AUTO_SERVER.
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.poollab.history.ExclusiveHolder",
                home.resolve("history").toString()).redirectErrorStream(true).start();
        try {
            assertThat(new String(holder.getInputStream().readNBytes(7))).isEqualTo("opened\n");

            assertThatThrownBy(() -> HistoryStore.open(home)).isInstanceOf(ConfigException.class)
                    .hasMessage(home.resolve("history.mv.db") + ": cannot open the history store: it is locked by "
                            + "another program that opened it without AUTO_SERVER; close that program (or its "
                            + "connection) and try again");
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
    }
}
