package io.poollab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Knee;
import io.poollab.analysis.SweepAnalysis;
import io.poollab.config.SavedProfile;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.run.RunViewModel;
import io.poollab.ui.sweep.SweepRows;
import io.poollab.ui.sweep.SweepViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Sweep page, headless: a real 2 × 3 sweep of the Run page's setup against the embedded PostgreSQL, its cells,
 * charts with the knee marked and the advisor's card as the history has them; and bad input refused inline with
 * nothing run.
 */
@ExtendWith(ApplicationExtension.class)
class SweepGuiTest {

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
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> main.models().sweep().cancelAndWait()).get(90, TimeUnit.SECONDS);
        workbench.close();
    }

    private static void type(FxRobot robot, String id, String text) {
        TextField field = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> field.setText(text));
    }

    /** The Run page set to copy posts from {@code source} to {@code target}, both on the embedded server. */
    private void runSetup(FxRobot robot, String source, String target) throws Exception {
        UiTesting.postgres(workbench, "sweep source", UiTesting.databaseOf(source));
        UiTesting.postgres(workbench, "sweep target", UiTesting.databaseOf(target));
        RunViewModel run = main.runView().model();
        robot.clickOn("#runNav");
        robot.interact(() -> run.setup().refreshProfiles());
        UiTesting.waitUntil(10, "the profiles", () -> run.setup().profiles().stream()
                .anyMatch(p -> p.name().equals("sweep target")));
        robot.interact(() -> {
            run.setup().sourceProperty().set(byName(run, "sweep source"));
            run.setup().targetProperty().set(byName(run, "sweep target"));
            run.setup().partitionsProperty().set(8);
        });
        UiTesting.waitUntil(30, "the table list", () -> run.setup().tables().size() == 1
                && run.setup().tables().get(0).selectedProperty().get());
    }

    @Test
    void aTwoByThreeSweepOfTheRunSetupShowsEveryCellTheKneeOnItsChartsAndTheAdvice(FxRobot robot)
            throws Exception {
        String source = Posts.database(6_000);
        String target = TestPostgres.newDatabase("gui_sweep");
        runSetup(robot, source, target);

        robot.clickOn("#sweepNav");
        type(robot, "#workers", "2, 1");
        type(robot, "#poolSizes", "1,2,3");
        type(robot, "#label", "gui sweep");
        assertThat(robot.lookup("#gridSize").queryAs(Label.class).getText()).isEqualTo("2 × 3 × 1 = 6 runs");
        robot.clickOn("#startButton");
        SweepViewModel sweep = main.sweepView().model();
        UiTesting.waitUntil(20, "the sweep to start", () -> sweep.runningProperty().get());
        UiTesting.waitUntil(240, "the sweep to end", () -> !sweep.runningProperty().get());
        UiTesting.waitUntil(20, "the sweep read back", () -> sweep.analysisProperty().get() != null
                && sweep.analysisProperty().get().sweep().endedAt() != null);

        assertThat(sweep.errorProperty().get()).isNull();
        SweepAnalysis shown = sweep.analysisProperty().get();
        SweepAnalysis stored = SweepAnalysis.load(workbench.history(), shown.sweep().id(), Advisor.Fleet.SINGLE)
                .orElseThrow();
        assertThat(stored.sweep().workers()).containsExactly(1, 2);
        assertThat(stored.positions()).hasSize(6).allSatisfy(p -> assertThat(p.rates()).hasSize(1));
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isEqualTo(6_000);

        @SuppressWarnings("unchecked")
        TableView<SweepRows.Row> cells = robot.lookup("#cells").queryAs(TableView.class);
        assertThat(cells.getItems()).hasSize(6).allSatisfy(r -> assertThat(r.status()).isEqualTo("succeeded"));
        Knee.Cell kneeCell = stored.knee().orElseThrow().knee();
        String knee = kneeCell.position();
        assertThat(cells.getItems()).filteredOn(r -> r.mark().startsWith("knee")).singleElement()
                .satisfies(r -> assertThat(List.of(r.workers(), r.poolSize()))
                        .containsExactly(kneeCell.workers(), kneeCell.poolSize()));
        assertThat(robot.lookup("#status").queryAs(Label.class).getText())
                .startsWith("Sweep " + stored.sweep().id() + " ended: 6 of 6 runs");

        // The knee is drawn on both line charts and on the heatmap, with its position in the label.
        XYPlot throughput = main.sweepView().throughputViewer().getChart().getXYPlot();
        assertThat(throughput.getDataset().getSeriesCount()).isEqualTo(2);
        assertThat(throughput.getAnnotations()).isNotEmpty();
        assertThat(main.sweepView().heatmapViewer().getChart()).isNotNull();
        assertThat(main.sweepView().liveCharts().charts().series().samplesSeen()).isPositive();
        var live = (org.jfree.chart.plot.CombinedDomainXYPlot) main.sweepView().liveCharts().charts().chart().getPlot();
        assertThat(live.getSubplots().get(0).getDataset(0).getItemCount(0)).as("points on the live chart")
                .isEqualTo(main.sweepView().liveCharts().charts().series().size()).isPositive();

        // The card says the knee in numbers and gives every recommended value a reason.
        List<String> card = robot.lookup(".advice-card .label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(card).anyMatch(t -> t.startsWith("knee: " + knee));
        assertThat(card).contains("source maximumPoolSize", "target minimumIdle", "target connectionTimeout");
        Advisor.Advice advice = stored.advice().orElseThrow();
        assertThat(card).contains(advice.valueOf("maximumPoolSize", "target"));
        assertThat(card).anyMatch(t -> t.startsWith("• ") && t.contains("cores"));

        // The card's link opens the knee's run in History.
        robot.clickOn(robot.lookup(".advice-card .hyperlink").queryAllAs(Hyperlink.class).stream()
                .filter(h -> h.getText().startsWith("open run")).findFirst().orElseThrow());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(main.page()).isEqualTo(MainView.Page.HISTORY);
    }

    @Test
    void badInputIsOneInlineLineAndNothingRuns(FxRobot robot) throws Exception {
        robot.clickOn("#sweepNav");
        SweepViewModel sweep = main.sweepView().model();
        type(robot, "#workers", "1, x");
        robot.clickOn("#startButton");
        assertThat(sweep.errorProperty().get()).isEqualTo("Workers: \"x\" is not a whole number");
        assertThat(robot.lookup("#error").queryAs(Label.class).isVisible()).isTrue();

        type(robot, "#workers", "1,2");
        Path config = home.resolve("bad.yaml");
        Files.writeString(config, "source:\n  jdbcUrl: jdbc:h2:mem:x\ntarget:\n  jdbcUrl: jdbc:h2:mem:y\n"
                + "tables: [posts]\npool:\n  source:\n    maxPoolSize: 4\n");
        robot.clickOn("#baseConfigFile");
        type(robot, "#configFile", config.toString());
        robot.clickOn("#startButton");
        UiTesting.waitUntil(10, "the error", () -> sweep.errorProperty().get() != null
                && sweep.errorProperty().get().contains("maxPoolSize"));
        assertThat(sweep.errorProperty().get()).startsWith(config + ":8:")
                .contains("pool.source.maxPoolSize: unknown key \"maxPoolSize\"");
        assertThat(sweep.runningProperty().get()).isFalse();
        assertThat(workbench.history().sweeps(10)).isEmpty();
    }

    private static SavedProfile byName(RunViewModel run, String name) {
        return run.setup().profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }
}
