package io.poollab.ui;

import io.poollab.config.ConfigException;
import io.poollab.ui.connections.ConnectionsView;
import io.poollab.ui.connections.ConnectionsViewModel;
import io.poollab.ui.history.HistoryView;
import io.poollab.ui.history.HistoryViewModel;
import io.poollab.ui.run.RunView;
import io.poollab.ui.run.RunViewModel;
import io.poollab.ui.sweep.SweepView;
import io.poollab.ui.sweep.SweepViewModel;
import java.nio.file.Path;
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
 * The desktop workbench. {@link #init()} opens the history off the FX thread; {@link #start} builds the window.
 * Closing the window while a run goes on asks first, then cancels the run and waits for its history to be written.
 */
public final class WorkbenchApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(WorkbenchApp.class);
    static final double DEFAULT_WIDTH = 1440;
    static final double DEFAULT_HEIGHT = 900;

    private Workbench workbench;
    private ConfigException startupFailure;
    private MainView main;

    @Override
    public void init() {
        String home = getParameters().getNamed().get("home");
        try {
            workbench = Workbench.open(home == null ? null : Path.of(home), System.getenv(), Background.forFx());
        } catch (ConfigException e) {
            startupFailure = e;
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
        Scene scene = new Scene(main.root());
        workbench.themeProperty().get().apply(scene);
        installKeys(scene, main);
        stage.setScene(scene);
        stage.setTitle("PoolLab " + io.poollab.config.PoolLabVersion.get() + " — " + workbench.home());
        restoreBounds(stage);
        stage.setOnCloseRequest(e -> {
            if (!main.runView().confirmClose(stage) || !main.sweepView().confirmClose(stage)) {
                e.consume();
                return;
            }
            saveBounds(stage);
        });
        for (String icon : new String[] {"icon-64.png", "icon-256.png"}) {
            stage.getIcons().add(new javafx.scene.image.Image(WorkbenchApp.class.getResource(icon).toExternalForm()));
        }
        stage.setOnShown(e -> logStartup());
        stage.show();
    }

    /**
     * With {@code POOLLAB_STARTUP_LOG} set, one line on stderr when the first window is on screen: the wall clock
     * (for a launcher script to subtract its own start from) and the time since the JVM started (bench/startup.sh).
     */
    private static void logStartup() {
        if (System.getenv("POOLLAB_STARTUP_LOG") != null) {
            long now = System.currentTimeMillis();
            long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
            System.err.printf("startup: first window shown at epoch %d ms, %d ms after the JVM started%n", now,
                    now - jvmStart);
        }
    }

    /** Builds every view on one workbench; also used by the tests, which show it in their own stage. */
    public static MainView build(Workbench workbench) {
        ConnectionsViewModel connectionsModel = new ConnectionsViewModel(workbench);
        RunViewModel runModel = new RunViewModel(workbench);
        HistoryViewModel historyModel = new HistoryViewModel(workbench.history(), workbench.background());
        MainView[] main = new MainView[1];
        ConnectionsView connections = new ConnectionsView(connectionsModel, workbench);
        RunView run = new RunView(runModel, workbench);
        HistoryView history = new HistoryView(historyModel, workbench, () -> main[0].show(MainView.Page.RUN));
        var compare = new io.poollab.ui.compare.CompareView(new io.poollab.ui.compare.CompareViewModel(
                workbench.history(), workbench.background()), workbench);
        SweepView sweep = new SweepView(new SweepViewModel(workbench, runModel), workbench);
        main[0] = new MainView(workbench, connections, run, sweep, history, compare);
        connectionsModel.profilesChanged(runModel.setup()::refreshProfiles);
        main[0].show(workbench.prefs().get("view").map(v -> {
            try {
                return MainView.Page.valueOf(v);
            } catch (IllegalArgumentException e) {
                return MainView.Page.RUN;
            }
        }).orElse(MainView.Page.RUN));
        return main[0];
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
                main.runView().model().cancelAndWait();
                main.sweepView().model().cancelAndWait();
            } catch (RuntimeException e) {
                LOG.warn("the active run did not stop cleanly", e);
            }
            workbench.close();
        }
    }
}
