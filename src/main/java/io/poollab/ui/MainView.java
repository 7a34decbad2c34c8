package io.poollab.ui;

import io.poollab.pool.Health;
import io.poollab.ui.connections.ConnectionsView;
import io.poollab.ui.history.HistoryView;
import io.poollab.ui.run.RunView;
import io.poollab.ui.run.RunViewModel;
import io.poollab.ui.sweep.SweepView;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import org.controlsfx.control.StatusBar;

/**
 * The window's frame: the header with the active run and its health, the navigation, the pages and the status bar.
 * Demo joins the navigation when its issue lands; until then it is absent.
 */
public final class MainView {

    /** The pages, in navigation order. */
    public enum Page { CONNECTIONS, RUN, SWEEP, HISTORY, COMPARE }

    private final Workbench workbench;
    private final Parent root;
    private final ConnectionsView connections;
    private final RunView run;
    private final SweepView sweep;
    private final HistoryView history;
    private final io.poollab.ui.compare.CompareView compare;
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
    @FXML private StackPane pages;
    @FXML private StatusBar statusBar;

    public MainView(Workbench workbench, ConnectionsView connections, RunView run, SweepView sweep,
                    HistoryView history, io.poollab.ui.compare.CompareView compare) {
        this.workbench = workbench;
        this.compare = compare;
        this.connections = connections;
        this.run = run;
        this.sweep = sweep;
        this.history = history;
        this.root = Fxml.load(MainView.class, "MainView.fxml", this);
    }

    public Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        for (ToggleButton b : new ToggleButton[] {connectionsNav, runNav, sweepNav, historyNav, compareNav}) {
            b.setToggleGroup(navGroup);
        }
        // A navigation entry stays pressed: clicking the current page again must not leave none selected.
        navGroup.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null && was != null) {
                was.setSelected(true);
            }
        });
        RunViewModel model = run.model();
        activeRun.textProperty().bind(model.activeRunProperty());
        bindHealth(healthBadge, model);
        bindHealth(statusHealth, model);
        statusRun.textProperty().bind(Bindings.when(model.activeRunProperty().isEmpty())
                .then("no run in progress").otherwise(model.activeRunProperty()));
        statusBar.setText("history: " + workbench.history().file());
        statusBar.getLeftItems().add(runsLabel);
        statusBar.getRightItems().addAll(statusRun, statusHealth);
        runsLabel.textProperty().bind(Bindings.createStringBinding(() -> {
            int n = history.model().runs().size();
            return n + (n == 1 ? " run" : " runs");
        }, history.model().runs()));
        model.lastFinishedRunProperty().addListener((o, was, now) -> history.model().refresh());
        history.model().refresh();
        themeToggle.setText(workbench.themeProperty().get() == Theme.LIGHT ? "☾ Dark" : "☀ Light");
        workbench.themeProperty().addListener((o, was, now) -> {
            themeToggle.setText(now == Theme.LIGHT ? "☾ Dark" : "☀ Light");
            now.apply(root.getScene());
        });
        history.onCompare(ids -> {
            compare.model().compare(ids);
            show(Page.COMPARE);
        });
        run.onOpenInHistory(id -> {
            show(Page.HISTORY);
            history.select(id);
        });
        sweep.onOpenRun(id -> {
            show(Page.HISTORY);
            history.select(id);
        });
        sweep.onCompare((baseline, other) -> {
            compare.model().compare(java.util.List.of(baseline, other));
            show(Page.COMPARE);
        });
        sweep.model().runningProperty().addListener((o, was, now) -> {
            if (!now) {
                history.model().refresh();
            }
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
            case CONNECTIONS -> connections.root();
            case RUN -> run.root();
            case SWEEP -> sweep.root();
            case HISTORY -> history.root();
            case COMPARE -> compare.root();
        };
        pages.getChildren().setAll(view);
        ToggleButton nav = switch (target) {
            case CONNECTIONS -> connectionsNav;
            case RUN -> runNav;
            case SWEEP -> sweepNav;
            case HISTORY -> historyNav;
            case COMPARE -> compareNav;
        };
        nav.setSelected(true);
        if (target == Page.HISTORY) {
            history.model().refresh();
        }
        if (target == Page.RUN) {
            run.model().setup().refreshProfiles();
        }
        if (target == Page.SWEEP) {
            sweep.model().refreshSweeps();
        }
        workbench.prefs().set("view", target.name());
    }

    public RunView runView() {
        return run;
    }

    public SweepView sweepView() {
        return sweep;
    }

    public HistoryView historyView() {
        return history;
    }

    public ConnectionsView connectionsView() {
        return connections;
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

    public io.poollab.ui.compare.CompareView compareView() {
        return compare;
    }

    @FXML
    private void toggleTheme() {
        workbench.themeProperty().set(workbench.themeProperty().get().other());
    }
}
