package io.poollab.ui.history;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.Side;
import io.poollab.migrate.RunResult;
import io.poollab.testing.Posts;
import io.poollab.testing.Recorded;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.Background;
import io.poollab.ui.UiTesting;
import io.poollab.ui.Workbench;
import io.poollab.config.HoldConnections;
import io.poollab.config.CopyFormat;
import io.poollab.config.RunSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Browsing and replaying stored runs, recorded from real copies on the embedded PostgreSQL. */
class HistoryViewModelTest {

    @TempDir
    Path home;
    private Workbench workbench;
    private HistoryViewModel model;

    @BeforeEach
    void open() throws Exception {
        workbench = UiTesting.workbench(home, Background.inline());
        model = new HistoryViewModel(workbench.history(), workbench.background());
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    /** A real run recorded in the history, with a live resize in it. */
    private long recordedRun(String label) throws Exception {
        RunSpec spec = Specs.with(Specs.copy(Posts.database(40_000), TestPostgres.newDatabase("replay"), "posts", 2, 2),
                8, HoldConnections.PER_BATCH, 2_000, CopyFormat.BINARY).withName(label);
        RunResult result = Recorded.run(workbench.history(), spec, run -> run.resize(Side.TARGET, 4, 2));
        assertThat(result.rows()).isEqualTo(40_000);
        return result.runId();
    }

    @Test
    void openingARunReplaysItsSamplesAndMarksItsEvents() throws Exception {
        long runId = recordedRun("replayed");

        model.refresh();
        model.open(runId);

        HistoryViewModel.Replay replay = model.openedProperty().get();
        assertThat(replay.detail().summary().id()).isEqualTo(runId);
        assertThat(replay.series().samplesSeen()).isEqualTo(workbench.history().samples(runId).size()).isPositive();
        assertThat(replay.series().markers()).extracting(m -> m.label()).contains("target max 2 → 4");
        assertThat(ReplayText.outcome(replay.detail())).startsWith("40,000 rows in ").contains("verified (checksum)");
    }

    @Test
    void theListFiltersRelabelsAndDeletes() throws Exception {
        long first = recordedRun("baseline");
        long second = recordedRun("bigger pool");
        model.refresh();
        assertThat(model.runs()).extracting(r -> r.id()).containsExactly(second, first);

        model.filterProperty().set("bigger");
        assertThat(model.filtered()).extracting(r -> r.id()).containsExactly(second);

        model.relabel(first, "baseline, 2 connections");
        model.filterProperty().set("connections");
        assertThat(model.filtered()).extracting(r -> r.label()).containsExactly("baseline, 2 connections");

        model.delete(List.of(first));
        model.filterProperty().set("");
        assertThat(model.runs()).extracting(r -> r.id()).containsExactly(second);
        assertThat(workbench.history().detail(first)).isEmpty();
    }

    @Test
    void aRunThatIsNotThereIsAnErrorLineNotAnException() {
        model.open(999);

        assertThat(model.errorProperty().get()).isEqualTo("run 999 is not in the history " + workbench.history().file());
        assertThat(model.openedProperty().get()).isNull();
    }

    @Test
    void whyWasThisSlowDiagnosesAStoredRunFromItsConfigAndShowsTheVerdict() throws Exception {
        RunSpec spec = Specs.copy(Posts.database(3_000), TestPostgres.newDatabase("why"), "public.posts", 2, 2);
        spec = spec.withConfigText(io.poollab.config.RunConfigWriter.toYaml(spec));
        long runId = Recorded.run(workbench.history(), spec, run -> { }).runId();

        model.diagnose(runId);

        assertThat(model.diagnosingProperty().get()).isFalse();
        assertThat(model.errorProperty().get()).isNull();
        assertThat(model.diagnosisProperty().get()).startsWith("Diagnosis ").contains(" of run " + runId + ":\n")
                .contains("Pooling ").contains("Try next: ");
    }
}
