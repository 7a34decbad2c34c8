package io.poollab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.demo.Conclusion;
import io.poollab.demo.DemoResult;
import io.poollab.demo.Scenario;
import io.poollab.ui.demo.DemoView;
import io.poollab.ui.demo.DemoViewModel;
import io.poollab.ui.demo.PresentationView;
import io.poollab.ui.demo.SlideExport;
import io.poollab.ui.demo.StepRow;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
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
 * The Demo page, headless: scenario 2 (per-worker vs shared vs no pool) started from the page on the demo's own
 * embedded PostgreSQL, small; the conclusion card shows the conclusion computed from the runs, which are in the
 * history; presentation mode moves between slides with the arrow keys; the conclusion slide exports as PNG and PDF.
 */
@ExtendWith(ApplicationExtension.class)
class DemoGuiTest {

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
        WaitForAsyncUtils.asyncFx(() -> main.models().demo().cancelAndWait()).get(90, TimeUnit.SECONDS);
        workbench.close();
    }

    @Test
    void scenarioTwoRunsFromTheDemoPageAndShowsItsMeasuredConclusion(FxRobot robot) throws Exception {
        robot.clickOn("#demoNav");
        DemoView view = main.demoView();
        DemoViewModel model = view.model();
        assertThat(model.scenarioProperty().get()).isEqualTo(Scenario.PER_WORKER_VS_SHARED);
        robot.interact(() -> {
            model.rowsProperty().set(3_000);
            model.latencyMsProperty().set(5);
            model.repeatsProperty().set(1);
        });

        robot.clickOn(robot.from(view.root()).lookup("#startButton").queryAs(Button.class));
        UiTesting.waitUntil(180, "the demo's conclusion", () -> model.resultProperty().get() != null);

        DemoResult result = model.resultProperty().get();
        assertThat(result.cancelled()).isFalse();
        assertThat(result.succeeded()).as(result.conclusion().sentence()).isTrue();
        assertThat(result.conclusion().finding()).isNotEqualTo(Conclusion.Finding.INCOMPLETE);
        Label headline = robot.from(view.root()).lookup("#headline").queryAs(Label.class);
        Label sentence = robot.from(view.root()).lookup("#sentence").queryAs(Label.class);
        assertThat(headline.isVisible()).isTrue();
        assertThat(headline.getText()).isEqualTo(result.conclusion().headline()).isNotBlank();
        assertThat(sentence.getText()).isEqualTo(result.conclusion().sentence())
                .contains(io.poollab.text.Units.rate(result.variants().get(0).meanRowsPerSecond()));
        // A warm-up and one run per variant, each in the history and in the table as measured.
        assertThat(model.steps()).hasSize(4).allMatch(r -> r.measured() != null && r.measured().succeeded());
        assertThat(workbench.history().list(null, 100)).hasSize(4);
        assertThat(model.steps()).extracting(StepRow::variant)
                .containsExactly("warm-up (not counted)", "per-worker", "shared", "unpooled");

        PresentationView presentation = WaitForAsyncUtils.asyncFx(view::present).get(30, TimeUnit.SECONDS);
        UiTesting.waitUntil(10, "the presentation", () -> presentation.stage().isShowing());
        // Four live slides of the last run, four results, the conclusion: shown first, since the demo ended.
        assertThat(presentation.size()).isEqualTo(9);
        assertThat(presentation.index()).isEqualTo(8);
        robot.interact(() -> presentation.stage().getScene().getRoot().requestFocus());
        robot.press(KeyCode.LEFT).release(KeyCode.LEFT);
        UiTesting.waitUntil(5, "the previous slide", () -> presentation.index() == 7);
        robot.press(KeyCode.ESCAPE).release(KeyCode.ESCAPE);
        UiTesting.waitUntil(5, "Esc to leave", () -> !presentation.stage().isShowing());

        BufferedImage slide = WaitForAsyncUtils.asyncFx(() -> SlideExport.render(result)).get(30, TimeUnit.SECONDS);
        assertThat(slide.getWidth()).isEqualTo(1920);
        assertThat(slide.getHeight()).isEqualTo(1080);
        Path png = home.resolve("slide.png");
        Path pdf = home.resolve("slide.pdf");
        SlideExport.write(slide, png);
        SlideExport.write(slide, pdf);
        assertThat(Files.readAllBytes(png)).startsWith(0x89, 'P', 'N', 'G');
        assertThat(new String(Files.readAllBytes(pdf), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }
}
