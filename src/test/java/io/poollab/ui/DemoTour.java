package io.poollab.ui;

import static io.poollab.ui.FxCalls.fx;
import static io.poollab.ui.FxCalls.fxValue;
import static io.poollab.ui.FxCalls.waitFor;

import io.poollab.ui.demo.DemoView;
import io.poollab.ui.demo.DemoViewModel;
import io.poollab.ui.demo.PresentationView;
import io.poollab.ui.demo.SlideExport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;

/**
 * Screenshots of the demo (run by {@code bench/demo-screenshots.sh} under Xvfb at 1920 × 1080): scenario 2 for real
 * on the demo's own PostgreSQL, the page while it runs and when it ended, and presentation mode's slides.
 */
public final class DemoTour {

    private DemoTour() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "docs/screenshots").toAbsolutePath();
        long rows = args.length > 1 ? Long.parseLong(args[1]) : 100_000;
        Files.createDirectories(out);
        Path home = Files.createTempDirectory("poollab-demo-tour");
        Platform.startup(() -> { });
        Workbench workbench = UiTesting.workbench(home, Background.forFx());
        MainView main = fx(() -> {
            MainView built = WorkbenchApp.build(workbench);
            Stage stage = new Stage();
            Scene scene = new Scene(built.root(), 1600, 1000);
            workbench.themeProperty().get().apply(scene);
            stage.setScene(scene);
            stage.show();
            built.show(MainView.Page.DEMO);
            return built;
        });
        DemoView view = fxValue(main::demoView);
        DemoViewModel model = view.model();
        fx(() -> {
            model.rowsProperty().set(rows);
            model.start();
            return null;
        });
        PresentationView presentation = fx(view::present);
        // Mid-run: the page and the live slide, once the second measured run is going.
        waitFor(600, () -> fxValue(() -> model.steps().size() > 2 && model.steps().get(2).status().equals("running")
                && model.monitorProperty().get() != null && model.monitorProperty().get().series().samplesSeen() > 8));
        Thread.sleep(500);
        shoot(fxValue(() -> main.root().getScene()), out.resolve("demo-running.png"));
        shoot(fxValue(() -> presentation.stage().getScene()), out.resolve("demo-present-live.png"));
        waitFor(1200, () -> fxValue(() -> model.resultProperty().get() != null));
        Thread.sleep(1500);
        shoot(fxValue(() -> main.root().getScene()), out.resolve("demo-done.png"));
        shoot(fxValue(() -> presentation.stage().getScene()), out.resolve("demo-present-conclusion.png"));
        fx(() -> {
            presentation.previous();
            presentation.previous();
            presentation.previous();
            presentation.previous();
            return null;
        });
        Thread.sleep(800);
        shoot(fxValue(() -> presentation.stage().getScene()), out.resolve("demo-present-throughput.png"));
        BufferedImage slide = fx(() -> SlideExport.render(model.resultProperty().get()));
        SlideExport.write(slide, out.resolve("demo-conclusion-slide.png"));
        SlideExport.write(slide, home.resolve("demo-conclusion-slide.pdf"));
        System.out.println("wrote " + home.resolve("demo-conclusion-slide.pdf"));
        System.out.println("conclusion: " + fxValue(() -> model.resultProperty().get().conclusion().sentence()));
        fx(() -> {
            model.cancelAndWait();
            return null;
        });
        workbench.close();
        Platform.exit();
        System.exit(0);
    }

    private static void shoot(Scene scene, Path file) throws Exception {
        BufferedImage image = fxValue(() -> SwingFXUtils.fromFXImage(scene.snapshot(null), null));
        ImageIO.write(image, "png", file.toFile());
        System.out.println("wrote " + file + " (" + image.getWidth() + " × " + image.getHeight() + ")");
    }
}
