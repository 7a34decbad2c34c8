package io.poollab.ui.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.ui.Background;
import io.poollab.ui.MainView;
import io.poollab.ui.UiTesting;
import io.poollab.ui.Workbench;
import io.poollab.ui.WorkbenchApp;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The warm-up draws off screen, then hands over to the FX thread, where the Run view builds its chart pane early. */
@ExtendWith(ApplicationExtension.class)
class ChartWarmUpTest {

    @TempDir
    Path home;
    private Workbench workbench;
    private MainView main;

    @Start
    void start(Stage stage) throws Exception {
        workbench = UiTesting.workbench(home, Background.forFx());
        main = WorkbenchApp.build(workbench);
        main.show(MainView.Page.RUN);
        Scene scene = new Scene(main.root(), 1200, 800);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stop() {
        workbench.close();
    }

    @Test
    void theRunViewHasItsChartPaneBeforeTheFirstRun(FxRobot robot) throws Exception {
        assertThat(robot.lookup(".run-charts").tryQuery()).as("no chart pane before the warm-up").isEmpty();
        CompletableFuture<Boolean> handedOver = new CompletableFuture<>();
        robot.interact(() -> ChartWarmUp.inBackground(workbench.chartTheme().getValue(), () -> {
            main.runView().prepareCharts();
            handedOver.complete(Platform.isFxApplicationThread());
        }));

        assertThat(handedOver.get(60, TimeUnit.SECONDS)).as("handed over on the FX thread").isTrue();
        Node pane = robot.lookup(".run-charts").query();
        robot.interact(() -> main.runView().prepareCharts());
        assertThat(robot.lookup(".run-charts").queryAll()).as("built once").containsExactly(pane);
    }
}
