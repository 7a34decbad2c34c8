package io.poollab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.ProfileStore;
import io.poollab.config.SavedProfile;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.run.RunViewModel;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless (Monocle): profiles made and tested in the editor, a real run started with Ctrl+Enter,
 * resized mid-run, then found and replayed in History. The databases are the embedded PostgreSQL and the built-in
 * H2 demo source.
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchGuiTest {

    @TempDir
    Path home;
    private Workbench workbench;
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        workbench = UiTesting.workbench(home, Background.forFx());
        main = WorkbenchApp.build(workbench);
        Scene scene = new Scene(main.root(), 1440, 900);
        workbench.themeProperty().get().apply(scene);
        WorkbenchApp.installKeys(scene, main);
        stage.setScene(scene);
        stage.setTitle("PoolLab test");
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> main.runView().model().cancelAndWait()).get(60, TimeUnit.SECONDS);
        workbench.close();
    }

    private static void set(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private void newPostgresProfile(FxRobot robot, String name, String user) {
        robot.clickOn("#connectionsNav");
        robot.clickOn("#newButton");
        set(robot, "#name", name);
        set(robot, "#host", "127.0.0.1");
        set(robot, "#port", String.valueOf(TestPostgres.port()));
        set(robot, "#database", "postgres");
        set(robot, "#user", user);
    }

    @Test
    void aPostgresProfileIsMadeTestedAndSavedWithTheServerVersionShown(FxRobot robot) throws Exception {
        newPostgresProfile(robot, "embedded server", "postgres");
        robot.interact(() -> main.connectionsView().model().form().passwordSourceProperty().set("none"));
        assertThat(robot.lookup("#jdbcUrl").queryAs(TextField.class).getText())
                .isEqualTo("jdbc:postgresql://127.0.0.1:" + TestPostgres.port() + "/postgres");

        robot.clickOn("#testButton");
        UiTesting.waitUntil(20, "the test result", () -> text(robot, "#testTitle").startsWith("Connected"));
        assertThat(text(robot, "#testTitle")).startsWith("Connected: PostgreSQL 16");
        assertThat(robot.lookup(".test-result").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("200", "not in use").anyMatch(t -> t.endsWith("median of 10 SELECT 1"));
        robot.clickOn("#saveButton");
        UiTesting.waitUntil(10, "the save", () -> main.connectionsView().model().profiles().stream()
                .anyMatch(p -> p.name().equals("embedded server")));

        assertThat(workbench.profiles().load("embedded server").jdbcUrl()).contains("/postgres");
    }

    @Test
    void aWrongPasswordIsAnInlineErrorInPlainWords(FxRobot robot) throws Exception {
        String role = TestPostgres.passwordRole();
        newPostgresProfile(robot, "wrong password", role);
        robot.interact(() -> main.connectionsView().model().form().passwordSourceProperty().set("prompt"));
        robot.clickOn("#testPassword").write("not-the-password");

        robot.clickOn("#testButton");
        UiTesting.waitUntil(20, "the test result", () -> !text(robot, "#testError").isEmpty());

        assertThat(text(robot, "#testTitle")).isEqualTo("Connection failed");
        assertThat(text(robot, "#testError")).isEqualTo("password authentication failed for user pw_user "
                + "(SQLState 28P01)");
    }

    @Test
    void aRunFillsTheChartsReachesFullProgressShowsItsResizeAndReplaysFromHistory(FxRobot robot) throws Exception {
        String target = TestPostgres.newDatabase("gui_run");
        UiTesting.postgres(workbench, "gui target", UiTesting.databaseOf(target));
        RunViewModel run = main.runView().model();
        robot.clickOn("#runNav");
        robot.interact(() -> {
            run.setup().refreshProfiles();
        });
        UiTesting.waitUntil(10, "the profiles", () -> run.setup().profiles().stream().anyMatch(p -> p.name().equals("gui target")));
        robot.interact(() -> {
            run.setup().sourceProperty().set(byName(run, ProfileStore.DEMO_SOURCE));
            run.setup().targetProperty().set(byName(run, "gui target"));
            run.setup().workersProperty().set(2);
        });
        // The first catalog read creates the demo's 200,000 rows in H2.
        UiTesting.waitUntil(90, "the table list", () -> {
            return run.setup().tables().size() == 1 && run.setup().tables().get(0).selectedProperty().get();
        });
        assertThat(run.setup().catalogStatusProperty().get()).isEqualTo("1 table in H2 demo source; row counts are the "
                + "catalog's estimates.");

        robot.press(KeyCode.CONTROL).press(KeyCode.ENTER).release(KeyCode.ENTER).release(KeyCode.CONTROL);
        UiTesting.waitUntil(60, "the run to start", () -> run.runningProperty().get());
        robot.interact(() -> robot.lookup("#liveSourceMax").queryAs(Spinner.class).getValueFactory().setValue(4));
        robot.clickOn("#applyLive");
        UiTesting.waitUntil(120, "the run to end", () -> run.resultProperty().get() != null);

        RunResult result = run.resultProperty().get();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.rows()).isEqualTo(200_000);
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(200_000);
        assertThat(main.runView().charts().charts().series().samplesSeen()).isPositive();
        assertThat(main.runView().charts().charts().markersDrawn()).isEqualTo(1);
        assertThat(main.runView().charts().charts().series().markers().get(0).label()).isEqualTo("source max 2 → 4");
        assertThat(robot.lookup(".table-progress .progress-bar").queryAs(ProgressBar.class).getProgress()).isEqualTo(1.0);
        assertThat(text(robot, "#summaryTitle")).isEqualTo("Run " + result.runId() + " succeeded");

        robot.clickOn("#openInHistory");
        UiTesting.waitUntil(20, "the replay", () -> main.historyView().model().openedProperty().get() != null
                && main.historyView().model().openedProperty().get().detail().summary().id() == result.runId());
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(main.page()).isEqualTo(MainView.Page.HISTORY);
        assertThat(main.historyView().table().getSelectionModel().getSelectedItem().id()).isEqualTo(result.runId());
        assertThat(main.historyView().charts().charts().series().samplesSeen()).isPositive();
        assertThat(main.historyView().charts().charts().markersDrawn()).isEqualTo(1);
        ListView<?> events = robot.lookup("#events").match(Node::isVisible).queryAs(ListView.class);
        assertThat(events.getItems()).anyMatch(e -> e.toString().contains("resize  source pool resized: "
                + "maximumPoolSize 2 → 4"));
    }

    @Test
    void escapeAsksAndThenStopsTheRunKeepingWhatWasCommitted(FxRobot robot) throws Exception {
        String target = TestPostgres.newDatabase("gui_stop");
        UiTesting.postgres(workbench, "stop target", UiTesting.databaseOf(target));
        RunViewModel run = main.runView().model();
        robot.clickOn("#runNav");
        robot.interact(() -> run.setup().refreshProfiles());
        UiTesting.waitUntil(10, "the profiles", () -> run.setup().profiles().stream().anyMatch(p -> p.name().equals("stop target")));
        robot.interact(() -> {
            run.setup().sourceProperty().set(byName(run, ProfileStore.DEMO_SOURCE));
            run.setup().targetProperty().set(byName(run, "stop target"));
            // Small batches, each its own transaction: a run long enough to stop, with commits to keep.
            run.setup().holdProperty().set(io.poollab.config.HoldConnections.PER_BATCH);
            run.setup().batchRowsProperty().set(500);
            run.setup().partitionsProperty().set(8);
        });
        UiTesting.waitUntil(90, "the table list", () -> run.setup().tables().size() == 1);
        robot.clickOn("#startButton");
        UiTesting.waitUntil(60, "the run to start", () -> run.runningProperty().get());

        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        robot.clickOn("OK");
        UiTesting.waitUntil(60, "the run to stop", () -> run.resultProperty().get() != null);

        RunResult result = run.resultProperty().get();
        assertThat(result.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(text(robot, "#summaryTitle")).isEqualTo("Run " + result.runId() + " stopped");
        // Whatever the timing, the target holds exactly the committed rows the result reports.
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(result.rows());
        assertThat(workbench.history().detail(result.runId()).orElseThrow().summary().status()).isEqualTo("cancelled");
    }

    @Test
    void twoRunsSelectedInHistoryAreComparedWithTheirDiffDeltasAndVerdict(FxRobot robot) throws Exception {
        String source = io.poollab.testing.Posts.database(20_000);
        long[] ids = new long[2];
        for (int i = 0; i < 2; i++) {
            var spec = io.poollab.testing.Specs.copy(source, TestPostgres.newDatabase("gui_cmp"), "posts", 2, i + 1);
            ids[i] = io.poollab.testing.Recorded.run(workbench.history(), spec, r -> { }).runId();
        }
        robot.clickOn("#historyNav");
        var table = main.historyView().table();
        UiTesting.waitUntil(20, "the runs", () -> table.getItems().size() == 2);
        robot.interact(() -> table.getSelectionModel().selectAll());

        robot.clickOn("#compare");
        UiTesting.waitUntil(30, "the comparison", () -> main.compareView().model().loadedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(main.page()).isEqualTo(MainView.Page.COMPARE);
        assertThat(main.compareView().verdictBox().getChildren()).extracting(n -> ((Label) n).getText())
                .anyMatch(t -> t.startsWith("Run " + ids[1] + " moved 20k rows ") && t.contains("than run " + ids[0]))
                .contains("Settings that differ: target, source maximumPoolSize, source minimumIdle, "
                        + "target maximumPoolSize, target minimumIdle.");
        assertThat(main.compareView().results().getItems()).hasSize(io.poollab.analysis.Metric.values().length);
        assertThat(main.compareView().model().loadedProperty().get().comparison().settings())
                .filteredOn(io.poollab.analysis.Comparison.SettingRow::differs).hasSize(5);
        assertThat(robot.lookup(".setting-differs").queryAll()).as("differing settings are highlighted").isNotEmpty();

        // Export… → a folder → the report of exactly these runs, its verdict the one on screen.
        Path out = home.resolve("exported");
        main.compareView().setFolderChooser(owner -> out.toFile());
        robot.clickOn("#export");
        UiTesting.waitUntil(60, "the export", () -> main.compareView().model().exportedProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        String html = java.nio.file.Files.readString(out.resolve("report.html"));
        String firstVerdict = main.compareView().model().loadedProperty().get().comparison().verdict().get(0);
        assertThat(html).contains("runs " + ids[0] + ", " + ids[1] + " (baseline: run " + ids[0] + ")")
                .contains(firstVerdict.replace("&", "&amp;").replace("'", "&#39;"));
        assertThat(out.resolve("report.pdf")).isNotEmptyFile();
        assertThat(text(robot, "#exportStatus")).startsWith("Report written to " + out);
    }

    /** What a user clicks, types into or picks from; labels and progress indicators only show. */
    private static final java.util.List<Class<?>> INTERACTIVE = java.util.List.of(
            javafx.scene.control.ButtonBase.class, javafx.scene.control.TextInputControl.class,
            javafx.scene.control.ComboBoxBase.class, javafx.scene.control.ChoiceBox.class, Spinner.class,
            ListView.class, javafx.scene.control.TableView.class, javafx.scene.control.TitledPane.class);

    @Test
    void everyControlOnEveryPageHasATooltip(FxRobot robot) {
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (MainView.Page page : MainView.Page.values()) {
            robot.interact(() -> main.show(page));
            for (Node node : robot.lookup(n -> n.getId() != null && !n.getId().equals("list-view")
                    && INTERACTIVE.stream().anyMatch(type -> type.isInstance(n))).queryAll()) {
                if (((javafx.scene.control.Control) node).getTooltip() == null) {
                    missing.add(page + " #" + node.getId());
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    private static SavedProfile byName(RunViewModel run, String name) {
        return run.setup().profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
