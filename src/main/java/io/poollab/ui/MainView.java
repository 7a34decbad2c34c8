package io.poollab.ui;

import io.poollab.pool.Health;
import io.poollab.ui.compare.CompareView;
import io.poollab.ui.compare.CompareViewModel;
import io.poollab.ui.connections.ConnectionsView;
import io.poollab.ui.connections.ConnectionsViewModel;
import io.poollab.ui.demo.DemoView;
import io.poollab.ui.demo.DemoViewModel;
import io.poollab.ui.history.HistoryView;
import io.poollab.ui.history.HistoryViewModel;
import io.poollab.ui.run.RunView;
import io.poollab.ui.run.RunViewModel;
import io.poollab.ui.sweep.SweepView;
import io.poollab.ui.sweep.SweepViewModel;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.stage.Window;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;

/**
 * The window's frame: the header with the active run and its health, the navigation, the pages and the status bar.
 * Each page is built
 * the first time it is shown (or asked for): the first window waits only for its own page, and the header and status
 * bar follow the view models, which exist from the start.
 */
public final class MainView {

    /** The pages, in navigation order. */
    public enum Page { CONNECTIONS, RUN, SWEEP, HISTORY, COMPARE, DEMO }

    /** Every page's view model: state and work, no nodes. */
    public record Models(ConnectionsViewModel connections, RunViewModel run, SweepViewModel sweep,
                         HistoryViewModel history, CompareViewModel compare, DemoViewModel demo) {
    }

    private final Workbench workbench;
    private final Models models;
    private final Parent root;
    private ConnectionsView connections;
    private RunView run;
    private SweepView sweep;
    private HistoryView history;
    private CompareView compare;
    private DemoView demo;
    private final ToggleGroup navGroup = new ToggleGroup();
    private final Label runsLabel = new Label();
    private final Label statusRun = new Label();
    private final Label statusHealth = new Label();
    private Page page;

    @FXML private Label activeRun;
    @FXML private Label healthBadge;
    @FXML private Button themeToggle;
    @FXML private ToggleButton connectionsNav;
    @FXML private ToggleButton runNav;
    @FXML private ToggleButton sweepNav;
    @FXML private ToggleButton historyNav;
    @FXML private ToggleButton compareNav;
    @FXML private ToggleButton demoNav;
    @FXML private StackPane pages;
    @FXML private StatusBar statusBar;

    public MainView(Workbench workbench, Models models) {
        this.workbench = workbench;
        this.models = models;
        this.root = Fxml.load(MainView.class, "MainView.fxml", this);
    }

    public Parent root() {
        return root;
    }

    public Models models() {
        return models;
    }

    @FXML
    private void initialize() {
        for (ToggleButton b : new ToggleButton[] {connectionsNav, runNav, sweepNav, historyNav, compareNav, demoNav}) {
            b.setToggleGroup(navGroup);
        }
        // A navigation entry stays pressed: clicking the current page again must not leave none selected.
        navGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        RunViewModel model = models.run();
        activeRun.textProperty().bind(model.activeRunProperty());
        bindHealth(healthBadge, model);
        bindHealth(statusHealth, model);
        statusRun.textProperty().bind(Bindings.when(model.activeRunProperty().isEmpty())
                .then("no run in progress").otherwise(model.activeRunProperty()));
        statusBar.setText("history: " + workbench.history().file());
        statusBar.getLeftItems().add(runsLabel);
        statusBar.getRightItems().addAll(statusRun, statusHealth);
        runsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = models.history().runs().size();
            return n + (n == 1 ? " run" : " runs");
        }, models.history().runs()));
        model.lastFinishedRunProperty().addListener((o, was, now) -> models.history().refresh());
        models.sweep().runningProperty().addListener((o, was, now) -> {
            if (!now) {
                models.history().refresh();
            }
        });
        models.demo().runningProperty().addListener((o, was, now) -> {
            if (!now) {
                models.history().refresh();
            }
        });
        models.history().refresh();
        themeToggle.setText(workbench.themeProperty().get() == Theme.LIGHT ? "☾ Dark" : "☀ Light");
        workbench.themeProperty().addListener((o, was, now) -> {
            themeToggle.setText(now == Theme.LIGHT ? "☾ Dark" : "☀ Light");
            now.apply(root.getScene());
        });
    }

    private static void bindHealth(Label badge, RunViewModel model) {
        Map<Health, String> classes = Map.of(Health.HEALTHY, "health-healthy", Health.DEGRADED, "health-degraded",
                Health.UNHEALTHY, "health-unhealthy");
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(model.healthReasonProperty());
        badge.setTooltip(tip);
        Runnable update = () -> {
            Health h = model.healthProperty().get();
            badge.getStyleClass().removeAll(classes.values());
            badge.setVisible(h != null);
            if (h != null) {
                badge.setText("● " + (model.activeRunProperty().get().isEmpty() ? "last run " : "") + h.id());
                badge.getStyleClass().add(classes.get(h));
            }
        };
        model.healthProperty().addListener((o, was, now) -> update.run());
        model.activeRunProperty().addListener((o, was, now) -> update.run());
        update.run();
    }

    public void show(Page target) {
        page = target;
        Parent view = switch (target) {
            case CONNECTIONS -> connectionsView().root();
            case RUN -> runView().root();
            case SWEEP -> sweepView().root();
            case HISTORY -> historyView().root();
            case COMPARE -> compareView().root();
            case DEMO -> demoView().root();
        };
        pages.getChildren().setAll(view);
        ToggleButton nav = switch (target) {
            case CONNECTIONS -> connectionsNav;
            case RUN -> runNav;
            case SWEEP -> sweepNav;
            case HISTORY -> historyNav;
            case COMPARE -> compareNav;
            case DEMO -> demoNav;
        };
        nav.setSelected(true);
        if (target == Page.HISTORY) {
            models.history().refresh();
        }
        if (target == Page.RUN) {
            models.run().setup().refreshProfiles();
        }
        if (target == Page.SWEEP) {
            models.sweep().refreshSweeps();
        }
        workbench.prefs().set("view", target.name());
    }

    public RunView runView() {
        if (run == null) {
            run = new RunView(models.run(), workbench);
            run.onOpenInHistory(id -> {
                show(Page.HISTORY);
                historyView().select(id);
            });
        }
        return run;
    }

    public SweepView sweepView() {
        if (sweep == null) {
            sweep = new SweepView(models.sweep(), workbench);
            sweep.onOpenRun(id -> {
                show(Page.HISTORY);
                historyView().select(id);
            });
            sweep.onCompare((baseline, other) -> {
                compareView().model().compare(java.util.List.of(baseline, other));
                show(Page.COMPARE);
            });
        }
        return sweep;
    }

    public HistoryView historyView() {
        if (history == null) {
            history = new HistoryView(models.history(), workbench, () -> show(Page.RUN));
            history.onCompare(ids -> {
                // Built first, so that the view sees the comparison start.
                compareView().model().compare(ids);
                show(Page.COMPARE);
            });
        }
        return history;
    }

    public ConnectionsView connectionsView() {
        if (connections == null) {
            connections = new ConnectionsView(models.connections(), workbench);
        }
        return connections;
    }

    public DemoView demoView() {
        if (demo == null) {
            demo = new DemoView(models.demo(), workbench);
        }
        return demo;
    }

    public CompareView compareView() {
        if (compare == null) {
            compare = new CompareView(models.compare(), workbench);
        }
        return compare;
    }

    /**
     * Asks before closing the window while a run or a sweep goes on; neither can go on before its page was built.
     */
    public boolean confirmClose(Window owner) {
        return (run == null || run.confirmClose(owner)) && (sweep == null || sweep.confirmClose(owner))
                && (demo == null || demo.confirmClose(owner));
    }

    public Page page() {
        return page;
    }

    @FXML
    private void showConnections() {
        show(Page.CONNECTIONS);
    }

    @FXML
    private void showRun() {
        show(Page.RUN);
    }

    @FXML
    private void showSweep() {
        show(Page.SWEEP);
    }

    @FXML
    private void showHistory() {
        show(Page.HISTORY);
    }

    @FXML
    private void showCompare() {
        show(Page.COMPARE);
    }

    @FXML
    private void showDemo() {
        show(Page.DEMO);
    }

    @FXML
    private void toggleTheme() {
        workbench.themeProperty().set(workbench.themeProperty().get().other());
    }
}
