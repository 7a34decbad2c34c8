package io.poollab.ui;

import io.poollab.config.ConfigException;
import io.poollab.ui.chart.ChartWarmUp;
import io.poollab.ui.compare.CompareViewModel;
import io.poollab.ui.connections.ConnectionsViewModel;
import io.poollab.ui.history.HistoryViewModel;
import io.poollab.ui.run.RunViewModel;
import io.poollab.ui.sweep.SweepViewModel;
import java.nio.file.Path;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The desktop workbench. {@link #openEarly} opens the history on its own thread while the toolkit starts, {@link
 * #init()} waits for it (off the FX thread), and {@link #start} builds the window.
 * Closing the window while a run goes on asks first, then cancels the run and waits for its history to be written.
 */
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    /** Set by {@link #openEarly}, before the toolkit starts; the Application instance is made by JavaFX. */
    private static volatile FutureTask<Workbench> opening;

    private Workbench workbench;
    private ConfigException startupFailure;
    private MainView main;

    /**
     * Starts opening the history (H2, the schema check, the preferences: about half a second) before {@link
     * Application#launch}, because starting the toolkit takes as long and neither needs the other. A
     * {@code --home=DIR} among {@code args} picks the home, as {@link #init()} would.
     */
    static void openEarly(String[] args) {
        Path home = null;
        for (String arg : args) {
            if (arg.startsWith("--home=")) {
                home = Path.of(arg.substring("--home=".length()));
            }
        }
        Path chosen = home;
        FutureTask<Workbench> task = new FutureTask<>(() -> {
            Workbench opened = Workbench.open(chosen, System.getenv(), Background.forFx());
            StartupLog.mark("history");
            return opened;
        });
        Thread thread = new Thread(task, "poollab-history-open");
        thread.setDaemon(true);
        thread.start();
        opening = task;
    }

    @Override
    public void init() throws InterruptedException {
        StartupLog.mark("toolkit");
        if (opening == null) {
            openEarly(getParameters().getRaw().toArray(String[]::new));
        }
        try {
            workbench = opening.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof ConfigException failure) {
                startupFailure = failure;
            } else if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            } else {
                throw new IllegalStateException("the history could not be opened", e.getCause());
            }
        }
    }

    @Override
    public void start(Stage stage) {
        if (startupFailure != null) {
            Alert alert = new Alert(Alert.AlertType.ERROR, startupFailure.getMessage(), ButtonType.CLOSE);
            alert.setTitle("PoolLab cannot start");
            alert.setHeaderText("The PoolLab history could not be opened");
            alert.showAndWait();
            Platform.exit();
            return;
        }
        main = build(workbench);
        StartupLog.mark("views");
        Scene scene = new Scene(main.root());
        workbench.themeProperty().get().apply(scene);
        installKeys(scene, main);
        stage.setScene(scene);
        stage.setTitle("PoolLab " + io.poollab.config.PoolLabVersion.get() + " — " + workbench.home());
        restoreBounds(stage);
        stage.setOnCloseRequest(e -> {
            if (!main.confirmClose(stage)) {
                e.consume();
                return;
            }
            saveBounds(stage);
        });
        for (String icon : new String[] {"icon-64.png", "icon-256.png"}) {
            stage.getIcons().add(new javafx.scene.image.Image(WorkbenchApp.class.getResource(icon).toExternalForm()));
        }
        stage.setOnShown(e -> {
            StartupLog.shown();
            ChartWarmUp.inBackground(workbench.chartTheme().getValue(), main.runView()::prepareCharts);
        });
        StartupLog.mark("scene");
        stage.show();
    }

    /** The window's frame on one workbench, with its first page built; also used by the tests, in their own stage. */
    public static MainView build(Workbench workbench) {
        ConnectionsViewModel connectionsModel = new ConnectionsViewModel(workbench);
        RunViewModel runModel = new RunViewModel(workbench);
        connectionsModel.profilesChanged(runModel.setup()::refreshProfiles);
        MainView main = new MainView(workbench, new MainView.Models(connectionsModel, runModel,
                new SweepViewModel(workbench, runModel), new HistoryViewModel(workbench.history(), workbench.background()),
                new CompareViewModel(workbench.history(), workbench.background()),
                new io.poollab.ui.demo.DemoViewModel(workbench, runModel)));
        main.show(workbench.prefs().get("view").map(v -> {
            try {
                return MainView.Page.valueOf(v);
            } catch (IllegalArgumentException e) {
                return MainView.Page.RUN;
            }
        }).orElse(MainView.Page.RUN));
        return main;
    }

    /** Ctrl+Enter starts a run, Esc asks to stop it: from any page. */
    static void installKeys(Scene scene, MainView main) {
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN), () -> {
            main.show(MainView.Page.RUN);
            main.runView().start();
        });
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.ESCAPE), () -> main.runView().askToStop());
    }

    private void restoreBounds(Stage stage) {
        UiPrefs prefs = workbench.prefs();
        double w = prefs.number("window.width").orElse(DEFAULT_WIDTH);
        double h = prefs.number("window.height").orElse(DEFAULT_HEIGHT);
        stage.setWidth(w);
        stage.setHeight(h);
        var x = prefs.number("window.x");
        var y = prefs.number("window.y");
        // Only where a screen still shows the window's corner: a monitor may have been unplugged since.
        if (x.isPresent() && y.isPresent()
                && !Screen.getScreensForRectangle(new Rectangle2D(x.get(), y.get(), 50, 50)).isEmpty()) {
            stage.setX(x.get());
            stage.setY(y.get());
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(prefs.get("window.maximized").map(Boolean::parseBoolean).orElse(false));
    }

    private void saveBounds(Stage stage) {
        UiPrefs prefs = workbench.prefs();
        prefs.set("window.maximized", String.valueOf(stage.isMaximized()));
        if (!stage.isMaximized()) {
            prefs.set("window.x", String.valueOf(stage.getX()));
            prefs.set("window.y", String.valueOf(stage.getY()));
            prefs.set("window.width", String.valueOf(stage.getWidth()));
            prefs.set("window.height", String.valueOf(stage.getHeight()));
        }
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.prefs().save();
            try {
                main.models().run().cancelAndWait();
                main.models().sweep().cancelAndWait();
                main.models().demo().cancelAndWait();
            } catch (RuntimeException e) {
                LOG.warn("the active run did not stop cleanly", e);
            }
            workbench.close();
        }
    }
}
