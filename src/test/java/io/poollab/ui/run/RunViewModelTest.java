package io.poollab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.ConnectionForm;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PasswordSource;
import io.poollab.config.RunConfigLoader;
import io.poollab.config.SavedProfile;
import io.poollab.config.Side;
import io.poollab.history.RunDetail;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.Background;
import io.poollab.ui.UiTesting;
import io.poollab.ui.Workbench;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Run view's state without a window. Background work runs inline, so {@code start} returns when the run has
 * ended; the copies are real, against the embedded PostgreSQL.
 */
class RunViewModelTest {

    @TempDir
    Path home;
    private Workbench workbench;
    private RunViewModel model;

    @BeforeEach
    void open() throws Exception {
        workbench = UiTesting.workbench(home, Background.inline());
        model = new RunViewModel(workbench);
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    private void choose(String source, String target) {
        workbench.prefs().set("run.source", source);
        workbench.prefs().set("run.target", target);
        model.setup().refreshProfiles();
    }

    @Test
    void refusedPoolValuesAreShownNextToTheirFieldWithTheReason() {
        PoolForm source = model.setup().pool(Side.SOURCE);
        source.valueProperty("maximumPoolSize").set("4");
        source.valueProperty("minimumIdle").set("8");
        source.valueProperty("connectionTimeout").set("100");
        model.setup().pool(Side.TARGET).valueProperty("idleTimeout").set("ten minutes");

        assertThat(model.setup().buildSpec(Optional.empty(), Optional.empty())).isEmpty();

        assertThat(source.errorProperty("minimumIdle").get())
                .isEqualTo("8 is more than maximumPoolSize 4; HikariCP would silently lower it");
        assertThat(source.errorProperty("connectionTimeout").get()).isEqualTo("must be at least 250 ms, got 100 "
                + "(0, wait forever, is not allowed: a run must never hang on an exhausted pool)");
        assertThat(source.errorProperty("maximumPoolSize").get()).isNull();
        assertThat(model.setup().pool(Side.TARGET).errorProperty("idleTimeout").get())
                .isEqualTo("\"ten minutes\" is not a whole number");
    }

    @Test
    void theTableListGivesEstimatesKeysAndWhyAKeyIsUnusable() throws Exception {
        String url = Posts.database(5_000);
        TestPostgres.execute(url, "CREATE TABLE codes (code text PRIMARY KEY, label text)", "ANALYZE posts");
        UiTesting.postgres(workbench, "src", UiTesting.databaseOf(url));
        UiTesting.postgres(workbench, "dst", UiTesting.databaseOf(TestPostgres.newDatabase("dst")));

        choose("src", "dst");

        assertThat(model.setup().tables()).extracting(t -> t.table().name()).containsExactlyInAnyOrder("posts", "codes");
        TableChoice posts = model.setup().tables().stream().filter(t -> t.table().name().equals("posts")).findFirst().get();
        TableChoice codes = model.setup().tables().stream().filter(t -> t.table().name().equals("codes")).findFirst().get();
        assertThat(posts.keyText()).isEqualTo("id");
        assertThat(posts.table().rowEstimate()).isEqualTo(5_000);
        assertThat(codes.keyText()).startsWith("none: ").contains("copied as one partition");
        assertThat(model.setup().catalogStatusProperty().get()).isEqualTo("2 tables in src; row counts are the catalog's "
                + "estimates.");
    }

    @Test
    void aRunFromTheFormIsMeasuredAndStoredWithAConfigTheCliCanResume() throws Exception {
        String source = Posts.database(60_000);
        String target = TestPostgres.newDatabase("gui_target");
        UiTesting.postgres(workbench, "src", UiTesting.databaseOf(source));
        UiTesting.postgres(workbench, "dst", UiTesting.databaseOf(target));
        choose("src", "dst");
        model.setup().workersProperty().set(3);
        model.setup().pool(Side.SOURCE).valueProperty("maximumPoolSize").set("3");
        model.setup().pool(Side.SOURCE).valueProperty("minimumIdle").set("3");
        model.setup().labelProperty().set("from the form");

        model.start(null);

        RunResult result = model.resultProperty().get();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.rows()).isEqualTo(60_000);
        assertThat(result.verificationFailed()).isFalse();
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(60_000);
        RunMonitor monitor = model.monitorProperty().get();
        assertThat(monitor.series().samplesSeen()).isPositive();
        assertThat(monitor.tables()).singleElement().satisfies(t -> assertThat(t.fractionProperty().get()).isEqualTo(1.0));
        assertThat(model.lastFinishedRunProperty().get()).isEqualTo(result.runId());
        assertThat(model.runningProperty().get()).isFalse();

        RunDetail stored = workbench.history().detail(result.runId()).orElseThrow();
        assertThat(stored.summary().label()).isEqualTo("from the form");
        assertThat(stored.summary().status()).isEqualTo("succeeded");
        LoadedConfig reloaded = RunConfigLoader.parse("stored", stored.configYaml(), Overrides.NONE, Map.of(), home);
        assertThat(reloaded.spec().workers()).isEqualTo(3);
        assertThat(reloaded.spec().sourcePool().maximumPoolSize()).isEqualTo(3);
        assertThat(reloaded.spec().tables()).singleElement().satisfies(t -> assertThat(t.source()).isEqualTo("posts"));
    }

    @Test
    void aPromptedPasswordIsAskedOnceAndNeverStored() throws Exception {
        String role = TestPostgres.passwordRole();
        String source = Posts.database(2_000);
        workbench.profiles().save(SavedProfile.of("locked", ConnectionForm.postgres("127.0.0.1", TestPostgres.port(),
                UiTesting.databaseOf(source)), role, PasswordSource.PROMPT));
        UiTesting.postgres(workbench, "dst", UiTesting.databaseOf(TestPostgres.newDatabase("dst")));
        AtomicInteger asked = new AtomicInteger();
        model.setup().setPasswordPrompt((profile, owner) -> {
            asked.incrementAndGet();
            return Optional.of("right-password");
        });

        choose("locked", "dst");
        model.start(null);

        assertThat(asked).hasValue(1);
        RunResult result = model.resultProperty().get();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        String stored = workbench.history().detail(result.runId()).orElseThrow().configYaml();
        assertThat(stored).doesNotContain("right-password").contains("no password stored");
    }

    @Test
    void aTargetThatRefusesTheRunIsAnInlineErrorAndNothingRuns() throws Exception {
        String source = Posts.database(1_000);
        String target = Posts.database(10);
        UiTesting.postgres(workbench, "src", UiTesting.databaseOf(source));
        UiTesting.postgres(workbench, "dst", UiTesting.databaseOf(target));
        choose("src", "dst");

        model.start(null);

        assertThat(model.setup().setupErrorProperty().get()).contains("target table public.posts already holds 10 rows");
        assertThat(model.resultProperty().get()).isNull();
        assertThat(model.runningProperty().get()).isFalse();
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(10);
    }
}
