package io.poollab.ui.run;

import io.poollab.config.HoldConnections;
import io.poollab.config.PoolMode;
import io.poollab.config.SavedProfile;
import io.poollab.config.Side;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.text.Units;
import io.poollab.ui.Converters;
import io.poollab.ui.Fxml;
import io.poollab.ui.Workbench;
import io.poollab.ui.chart.RunChartPane;
import java.util.function.LongConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.Duration;
import javafx.util.StringConverter;

/** The Run view: setup, controls, live charts and stats, and the outcome card. State lives in {@link RunViewModel}. */
public final class RunView {

    /** The drain rate of the live queue: 4 Hz, the most a reader's eye uses and well under a redraw budget. */
    static final Duration DRAIN_EVERY = Duration.millis(250);

    private final RunViewModel model;
    private final Workbench workbench;
    private final Parent root;
    private final Timeline drain = new Timeline(new KeyFrame(DRAIN_EVERY, e -> pump()));
    private RunChartPane charts;
    private LiveStatsPanel stats;
    private LongConsumer openInHistoryAction = id -> { };

    @FXML private TextField label;
    @FXML private HBox metricsBox;
    @FXML private ProgressIndicator startingIndicator;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private TitledPane setupPane;
    @FXML private ComboBox<SavedProfile> sourceProfile;
    @FXML private ComboBox<SavedProfile> targetProfile;
    @FXML private Label catalogStatus;
    @FXML private ProgressIndicator catalogBusy;
    @FXML private TableView<TableChoice> tableList;
    @FXML private TableColumn<TableChoice, Boolean> pickColumn;
    @FXML private TableColumn<TableChoice, String> tableColumn;
    @FXML private TableColumn<TableChoice, Long> estimateColumn;
    @FXML private TableColumn<TableChoice, String> keyColumn;
    @FXML private ChoiceBox<TargetMode> targetMode;
    @FXML private Spinner<Integer> workers;
    @FXML private ChoiceBox<PoolMode> poolMode;
    @FXML private ChoiceBox<HoldConnections> hold;
    @FXML private Spinner<Integer> batchRows;
    @FXML private ChoiceBox<VerifyMode> verify;
    @FXML private Spinner<Integer> partitions;
    @FXML private GridPane sourcePoolGrid;
    @FXML private GridPane targetPoolGrid;
    @FXML private Label setupError;
    @FXML private ListView<String> warnings;
    @FXML private VBox live;
    @FXML private VBox idle;
    @FXML private HBox summaryCard;
    @FXML private Label summaryTitle;
    @FXML private Label summaryLine;
    @FXML private Hyperlink openInHistory;
    @FXML private Label rate;
    @FXML private Label rateCaption;
    @FXML private Label waitCaption;
    @FXML private Label connectionsCaption;
    @FXML private Label wait;
    @FXML private Label connections;
    @FXML private Spinner<Integer> liveWorkers;
    @FXML private Spinner<Integer> liveSourceMax;
    @FXML private Spinner<Integer> liveTargetMax;
    @FXML private Button applyLive;
    @FXML private Label liveError;
    @FXML private StackPane chartHolder;
    @FXML private VBox progressBox;
    @FXML private HBox breakdownBar;
    @FXML private HBox breakdownLegend;
    @FXML private GridPane statsGrid;
    @FXML private ListView<String> events;

    public RunView(RunViewModel model, Workbench workbench) {
        this.model = model;
        this.workbench = workbench;
        this.root = Fxml.load(RunView.class, "RunView.fxml", this);
        drain.setCycleCount(Timeline.INDEFINITE);
        model.setup().setPasswordPrompt(PasswordDialog::ask);
    }

    public Parent root() {
        return root;
    }

    public RunViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        stats = new LiveStatsPanel(statsGrid, breakdownBar, breakdownLegend);
        label.textProperty().bindBidirectional(model.setup().labelProperty());
        metricsBox.getChildren().add(new MetricsEndpointView(model.metricsEndpoint()).root());
        setupProfiles();
        setupTables();
        setupControls();
        PoolFields.fill(sourcePoolGrid, "Source pool", model.setup().pool(Side.SOURCE));
        PoolFields.fill(targetPoolGrid, "Target pool", model.setup().pool(Side.TARGET));
        inlineError(setupError, model.setup().setupErrorProperty());
        inlineError(liveError, model.liveErrorProperty());
        warnings.setItems(model.setup().warnings());
        warnings.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(model.setup().warnings()));
        warnings.managedProperty().bind(warnings.visibleProperty());
        startButton.disableProperty().bind(model.cannotStartBinding());
        stopButton.disableProperty().bind(model.runningProperty().not().or(model.stopRequestedProperty()));
        startingIndicator.visibleProperty().bind(model.startingProperty());
        setupPane.disableProperty().bind(model.busyBinding());
        applyLive.disableProperty().bind(model.runningProperty().not());
        spinner(liveWorkers, 1, 1024, model.liveWorkersProperty());
        spinner(liveSourceMax, 1, 10_000, model.liveMaxProperty(Side.SOURCE));
        spinner(liveTargetMax, 1, 10_000, model.liveMaxProperty(Side.TARGET));
        for (Spinner<Integer> s : java.util.List.of(liveWorkers, liveSourceMax, liveTargetMax)) {
            s.disableProperty().bind(model.runningProperty().not());
        }
        model.monitorProperty().addListener((o, was, now) -> attach(now));
        model.resultProperty().addListener((o, was, now) -> finished(now));
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                setupPane.setExpanded(false);
            }
        });
        summaryCard.setVisible(false);
        summaryCard.setManaged(false);
        live.setVisible(false);
        live.managedProperty().bind(live.visibleProperty());
        idle.managedProperty().bind(idle.visibleProperty());
        openInHistory.setOnAction(e -> {
            RunResult r = model.resultProperty().get();
            if (r != null) {
                openInHistoryAction.accept(r.runId());
            }
        });
    }

    private void setupProfiles() {
        StringConverter<SavedProfile> names =
                Converters.showing(p -> p == null ? "" : p.name() + (p.builtIn() ? "  (built-in)" : ""));
        for (ComboBox<SavedProfile> box : java.util.List.of(sourceProfile, targetProfile)) {
            box.setItems(model.setup().profiles());
            box.setConverter(names);
        }
        sourceProfile.valueProperty().bindBidirectional(model.setup().sourceProperty());
        targetProfile.valueProperty().bindBidirectional(model.setup().targetProperty());
        catalogStatus.textProperty().bind(model.setup().catalogStatusProperty());
        catalogBusy.visibleProperty().bind(model.setup().catalogBusyProperty());
        catalogBusy.managedProperty().bind(model.setup().catalogBusyProperty());
    }

    private void setupTables() {
        tableList.setItems(model.setup().tables());
        tableList.setPlaceholder(new Label("No tables listed."));
        pickColumn.setCellValueFactory(c -> c.getValue().selectedProperty());
        pickColumn.setCellFactory(CheckBoxTableCell.forTableColumn(pickColumn));
        tableColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().table().name()));
        estimateColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().table().rowEstimate()));
        estimateColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(Long item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item < 0 ? "unknown" : "~" + Units.count(item));
            }
        });
        keyColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().keyText()));
        keyColumn.setCellFactory(c -> new javafx.scene.control.TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setTooltip(empty || item == null ? null : new javafx.scene.control.Tooltip(item));
                getStyleClass().remove("warning-text");
                if (!empty && item != null && item.startsWith("none:")) {
                    getStyleClass().add("warning-text");
                }
            }
        });
    }

    private void setupControls() {
        targetMode.getItems().setAll(TargetMode.values());
        targetMode.setConverter(Converters.ids());
        targetMode.valueProperty().bindBidirectional(model.setup().targetModeProperty());
        poolMode.getItems().setAll(PoolMode.values());
        poolMode.setConverter(Converters.ids());
        poolMode.valueProperty().bindBidirectional(model.setup().poolModeProperty());
        hold.getItems().setAll(HoldConnections.values());
        hold.setConverter(Converters.ids());
        hold.valueProperty().bindBidirectional(model.setup().holdProperty());
        verify.getItems().setAll(VerifyMode.values());
        verify.setConverter(Converters.ids());
        verify.valueProperty().bindBidirectional(model.setup().verifyProperty());
        spinner(workers, 1, 1024, model.setup().workersProperty());
        spinner(batchRows, 1, 1_000_000, model.setup().batchRowsProperty());
        batchRows.getValueFactory().setConverter(new SpinnerIntegers());
        spinner(partitions, 0, 1024, model.setup().partitionsProperty());
        partitions.getValueFactory().setConverter(new SpinnerIntegers("auto"));
        events.setCellFactory(io.poollab.ui.WrappingCell::new);
    }

    private static void spinner(Spinner<Integer> spinner, int min, int max,
                                javafx.beans.property.IntegerProperty property) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, property.get());
        factory.setConverter(new SpinnerIntegers());
        spinner.setValueFactory(factory);
        factory.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                property.set(now);
            }
        });
        property.addListener((o, was, now) -> factory.setValue(now.intValue()));
        // A typed value counts when focus leaves, not only on Enter.
        spinner.focusedProperty().addListener((o, was, focused) -> {
            if (!focused) {
                spinner.increment(0);
            }
        });
    }

    private static void inlineError(Label label, javafx.beans.property.StringProperty error) {
        label.textProperty().bind(error);
        label.visibleProperty().bind(error.isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
    }

    private void attach(RunMonitor monitor) {
        live.setVisible(true);
        idle.setVisible(false);
        summaryCard.setVisible(false);
        summaryCard.setManaged(false);
        prepareCharts();
        charts.show(monitor.series());
        charts.refresh();
        rate.textProperty().bind(monitor.rateProperty());
        wait.textProperty().bind(monitor.waitProperty());
        connections.textProperty().bind(monitor.connectionsProperty());
        rateCaption.textProperty().bind(monitor.rateCaptionProperty());
        waitCaption.textProperty().bind(monitor.waitCaptionProperty());
        connectionsCaption.textProperty().bind(monitor.connectionsCaptionProperty());
        events.setItems(monitor.eventLog());
        events.setPlaceholder(new Label("Resizes, worker changes, retries and errors appear here."));
        progressBox.getChildren().clear();
        monitor.tables().addListener((javafx.collections.ListChangeListener<TableProgress>) c -> showProgress(monitor));
        stats.attach(monitor);
        drain.play();
    }

    /**
     * Builds the live chart pane now, if the first run has not: its viewer and six plots take ~40 ms on the FX
     * thread, better spent while the window is idle than as the run starts (with the live page's CSS). Not done with the view, so that JFreeChart
     * and its AWT classes stay out of the window's start-up.
     */
    public void prepareCharts() {
        if (charts == null) {
            charts = new RunChartPane(workbench.chartTheme());
            chartHolder.getChildren().add(charts);
            // The hidden live page's styles and control skins too, which its first frame would otherwise make.
            live.applyCss();
        }
    }

    private void showProgress(RunMonitor monitor) {
        progressBox.getChildren().setAll(monitor.tables().stream().map(TableProgressRow::new).toList());
    }

    private void pump() {
        RunMonitor monitor = model.monitorProperty().get();
        if (monitor == null) {
            return;
        }
        if (monitor.pump()) {
            charts.refresh();
        }
    }

    private void finished(RunResult result) {
        if (result == null) {
            return;
        }
        drain.stop();
        pump();
        summaryCard.getStyleClass().removeAll("summary-ok", "summary-bad");
        summaryCard.getStyleClass().add(result.status() == RunStatus.SUCCEEDED && !result.verificationFailed()
                ? "summary-ok" : "summary-bad");
        summaryTitle.setText(RunSummaryText.title(result));
        summaryLine.setText(RunSummaryText.line(result)
                + (model.historyWarningProperty().get() == null ? "" : " · " + model.historyWarningProperty().get())
                + "\n" + RunSummaryText.waits(result));
        summaryCard.setVisible(true);
        summaryCard.setManaged(true);
    }

    /** Starts a run (the Start button and Ctrl+Enter). */
    public void start() {
        model.start(root.getScene() == null ? null : root.getScene().getWindow());
    }

    /** Esc and the Stop button: asks, then stops. */
    @FXML
    public void askToStop() {
        if (!model.runningProperty().get() || model.stopRequestedProperty().get()) {
            return;
        }
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, "Stop " + model.activeRunProperty().get()
                + "? Workers finish their current batch; committed partitions stay, and the run can be resumed.",
                ButtonType.OK, ButtonType.CANCEL);
        confirm.setHeaderText(null);
        confirm.setTitle("Stop the run");
        if (root.getScene() != null) {
            confirm.initOwner(root.getScene().getWindow());
        }
        confirm.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.stop());
    }

    /** Closing the window mid-run asks first; true when the window may close. */
    public boolean confirmClose(Window owner) {
        var running = model.activeRunId();
        if (running.isEmpty()) {
            return true;
        }
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "Run " + running.get() + " is still going. Stop it "
                + "and close PoolLab? Its committed partitions stay, and `poollab run --resume " + running.get()
                + "` finishes it.");
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == ButtonType.OK).isPresent();
    }

    @FXML
    private void onStart() {
        start();
    }

    @FXML
    private void applyLive() {
        for (Spinner<Integer> s : java.util.List.of(liveWorkers, liveSourceMax, liveTargetMax)) {
            s.increment(0);
        }
        model.applyLive();
    }

    @FXML
    private void reloadTables() {
        model.setup().loadCatalog();
    }

    public void onOpenInHistory(LongConsumer action) {
        this.openInHistoryAction = action;
    }

    /** The live charts; null before the first run. */
    public RunChartPane charts() {
        return charts;
    }

    /** A table's progress: bar and line. */
    private static final class TableProgressRow extends VBox {
        TableProgressRow(TableProgress progress) {
            super(2);
            getStyleClass().add("table-progress");
            Label name = new Label(progress.table());
            name.setMinWidth(USE_PREF_SIZE);
            name.getStyleClass().add("table-progress-name");
            javafx.scene.control.ProgressBar bar = new javafx.scene.control.ProgressBar();
            bar.progressProperty().bind(progress.fractionProperty());
            bar.setMaxWidth(Double.MAX_VALUE);
            Label detail = new Label();
            detail.textProperty().bind(progress.detailProperty());
            detail.getStyleClass().add("muted");
            HBox line = new HBox(8, name, detail);
            getChildren().addAll(line, bar);
        }
    }
}
