package io.poollab.ui;

import static io.poollab.ui.FxCalls.fx;
import static io.poollab.ui.FxCalls.fxValue;
import static io.poollab.ui.FxCalls.waitFor;

import io.poollab.config.ProfileStore;
import io.poollab.config.SavedProfile;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.run.RunViewModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.control.Spinner;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Regenerates {@code docs/screenshots/*.png}: opens the real workbench (run it under Xvfb, see
 * bench/screenshots.sh), tests a connection to an embedded PostgreSQL, runs the built-in H2 demo into it with a
 * live resize, replays it from History, and saves each view as the window shows it. Every number in the pictures
 * is measured by that run.
 */
public final class ScreenshotTour {

    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;
    private static final String REMOTE = "postgres 16, 2 ms & 40 Mbit/s away";

    private ScreenshotTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("poollab-tour");
        String targetDatabase = UiTesting.databaseOf(TestPostgres.newDatabase("tour_target"));
        Platform.startup(() -> { });
        Workbench workbench = UiTesting.workbench(home, Background.forFx());
        UiTesting.postgres(workbench, "local postgres 16", targetDatabase);
        MainView main = fx(() -> {
            MainView built = WorkbenchApp.build(workbench);
            Stage stage = new Stage();
            Scene scene = new Scene(built.root(), WIDTH, HEIGHT);
            workbench.themeProperty().get().apply(scene);
            WorkbenchApp.installKeys(scene, built);
            stage.setScene(scene);
            stage.setTitle("PoolLab");
            stage.show();
            return built;
        });

        // Connections: the embedded server, tested.
        fx(() -> {
            main.show(MainView.Page.CONNECTIONS);
            return null;
        });
        // The page is built when first shown, and lists the saved profiles off the FX thread.
        waitFor(30, () -> fxValue(() -> main.connectionsView().model().profiles().stream()
                .anyMatch(p -> p.name().equals("local postgres 16"))));
        fx(() -> {
            var model = main.connectionsView().model();
            model.profiles().stream().filter(p -> p.name().equals("local postgres 16")).findFirst()
                    .ifPresent(model.selectedProperty()::set);
            model.test();
            return null;
        });
        waitFor(30, () -> fxValue(() -> main.connectionsView().model().testResultProperty().get() != null));
        shoot(main, out.resolve("connections.png"));

        // The same server 20 ms away (± 5 ms), through the latency proxy; not saved, so the runs below go direct.
        fx(() -> {
            var model = main.connectionsView().model();
            model.testResultProperty().set(null);
            model.form().latencyProperty().set("20");
            model.form().jitterProperty().set("5");
            model.test();
            return null;
        });
        waitFor(30, () -> fxValue(() -> main.connectionsView().model().testResultProperty().get() != null));
        shoot(main, out.resolve("connections-latency.png"));
        fx(() -> {
            main.connectionsView().model().form().latencyProperty().set("");
            main.connectionsView().model().form().jitterProperty().set("");
            return null;
        });

        // Run: the H2 demo source into PostgreSQL, resized while it runs.
        RunViewModel run = main.runView().model();
        fx(() -> {
            main.show(MainView.Page.RUN);
            return null;
        });
        waitFor(30, () -> fxValue(() -> run.setup().profiles().size() >= 3));
        fx(() -> {
            run.setup().sourceProperty().set(byName(run, ProfileStore.DEMO_SOURCE));
            // H2 into H2 (the built-in demo) is slow enough to catch the run live.
            run.setup().targetProperty().set(byName(run, ProfileStore.DEMO_TARGET));
            run.setup().labelProperty().set("h2 demo");
            return null;
        });
        waitFor(120, () -> fxValue(() -> run.setup().tables().size() == 1));
        shoot(main, out.resolve("run-setup.png"));
        fx(() -> {
            main.runView().start();
            return null;
        });
        waitFor(60, () -> fxValue(() -> run.runningProperty().get()));
        Thread.sleep(1_000);
        fx(() -> {
            @SuppressWarnings("unchecked")
            Spinner<Integer> spinner = (Spinner<Integer>) main.root().lookup("#liveSourceMax");
            spinner.getValueFactory().setValue(4);
            run.liveMaxProperty(io.poollab.config.Side.SOURCE).set(4);
            run.applyLive();
            return null;
        });
        Thread.sleep(1_300);
        shoot(main, out.resolve("run-live.png"));
        waitFor(180, () -> fxValue(() -> run.resultProperty().get() != null));
        Thread.sleep(600);
        shoot(main, out.resolve("run-finished.png"));

        // History: the run just made, replayed.
        long runId = fxValue(() -> run.resultProperty().get().runId());
        fx(() -> {
            main.show(MainView.Page.HISTORY);
            main.historyView().select(runId);
            return null;
        });
        waitFor(30, () -> fxValue(() -> main.historyView().model().openedProperty().get() != null));
        Thread.sleep(600);
        shoot(main, out.resolve("history.png"));

        // A second run with one worker, then both compared.
        fx(() -> {
            main.show(MainView.Page.RUN);
            run.setup().workersProperty().set(1);
            run.setup().labelProperty().set("h2 demo, 1 worker");
            main.runView().start();
            return null;
        });
        waitFor(60, () -> fxValue(() -> run.resultProperty().get() != null && run.resultProperty().get().runId() != runId));
        fx(() -> {
            main.show(MainView.Page.HISTORY);
            main.historyView().model().refresh();
            return null;
        });
        waitFor(30, () -> fxValue(() -> main.historyView().table().getItems().size() == 2));
        fx(() -> {
            main.historyView().table().getSelectionModel().selectAll();
            ((javafx.scene.control.Button) main.historyView().root().lookup("#compare")).fire();
            return null;
        });
        waitFor(30, () -> fxValue(() -> main.compareView().model().loadedProperty().get() != null));
        // Export… of the two runs: the report the script turns into report-pdf.png and report-html.png.
        java.nio.file.Path report = java.nio.file.Path.of("target", "screenshot-report").toAbsolutePath();
        fx(() -> {
            main.compareView().model().export(report);
            return null;
        });
        waitFor(60, () -> fxValue(() -> main.compareView().model().exportedProperty().get() != null));
        Thread.sleep(800);
        shoot(main, out.resolve("compare.png"));
        fx(() -> {
            run.setup().workersProperty().set(2);
            return null;
        });

        // Sweep: the demo source into the same PostgreSQL behind a 2 ms, 40 Mbit/s link per connection (so that
        // connections, not the laptop, limit the copy), 3 worker counts × 3 pool sizes.
        SavedProfile remote = UiTesting.postgres(workbench, REMOTE, targetDatabase);
        workbench.profiles().save(remote.withNetwork(new io.poollab.config.SimulatedNetwork(2, 0, 40)));
        fx(() -> {
            main.show(MainView.Page.RUN);
            return null;
        });
        waitFor(30, () -> fxValue(() -> run.setup().profiles().stream()
                .anyMatch(p -> p.name().equals(REMOTE))));
        fx(() -> {
            run.setup().targetProperty().set(byName(run, REMOTE));
            run.setup().labelProperty().set("");
            var sweep = main.sweepView().model();
            sweep.workersProperty().set("1,2,4");
            sweep.poolSizesProperty().set("1,2,4");
            sweep.labelProperty().set("h2 demo → pg, 2 ms, 40 Mbit/s");
            main.show(MainView.Page.SWEEP);
            sweep.start(main.root().getScene().getWindow());
            return null;
        });
        waitFor(60, () -> fxValue(() -> main.sweepView().model().runningProperty().get()));
        waitFor(180, () -> fxValue(() -> main.sweepView().model().rows().stream()
                .filter(r -> r.rowsPerSecond() != null).count() >= 7));
        // Well into the eighth cell (4 workers × pool 2), so that its live charts have something to show.
        waitFor(60, () -> fxValue(() -> main.sweepView().liveCharts().charts().series().size() >= 16));
        shoot(main, out.resolve("sweep-live.png"));
        waitFor(600, () -> fxValue(() -> !main.sweepView().model().runningProperty().get()));
        Thread.sleep(1_500);
        shoot(main, out.resolve("sweep.png"));
        fx(() -> {
            ((javafx.scene.control.TabPane) main.sweepView().root().lookup("#chartTabs")).getSelectionModel()
                    .select(2);
            return null;
        });
        Thread.sleep(800);
        shoot(main, out.resolve("sweep-heatmap.png"));

        // The dark theme, on the finished run.
        fx(() -> {
            workbench.themeProperty().set(Theme.DARK);
            main.show(MainView.Page.RUN);
            return null;
        });
        Thread.sleep(800);
        shoot(main, out.resolve("run-finished-dark.png"));
        fx(() -> {
            workbench.themeProperty().set(Theme.LIGHT);
            return null;
        });

        fx(() -> {
            run.cancelAndWait();
            return null;
        });
        workbench.close();
        System.out.println("screenshots written to " + out);
        Platform.exit();
        System.exit(0);
    }

    private static SavedProfile byName(RunViewModel run, String name) {
        return run.setup().profiles().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static void shoot(MainView main, Path file) throws Exception {
        BufferedImage image = fxValue(() -> SwingFXUtils.fromFXImage(main.root().getScene().snapshot(null), null));
        ImageIO.write(image, "png", file.toFile());
        System.out.println("wrote " + file);
    }
}
