package io.poollab.ui.sweep;

import io.poollab.analysis.SweepAnalysis;
import io.poollab.chart.ChartTheme;
import io.poollab.chart.SweepCharts;
import io.poollab.config.ConfigValue;
import io.poollab.config.PoolMode;
import io.poollab.history.SweepRecord;
import io.poollab.text.Units;
import io.poollab.ui.Converters;
import io.poollab.ui.Fxml;
import io.poollab.ui.Workbench;
import io.poollab.ui.chart.RunChartPane;
import io.poollab.ui.run.RunMonitor;
import java.io.File;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.LongConsumer;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Sweep view: the grid's inputs (as {@code poollab sweep}), progress with the ETA, the sweep charts with the knee
 * and the recommended point, the current cell live, every cell's outcome and the advisor's card.
 */
public final class SweepView {

    private static final String AS_SET_UP = "as set up";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final SweepViewModel model;
    private final Workbench workbench;
    private final Parent root;
    private final Timeline drain = new Timeline(new KeyFrame(Duration.millis(250), e -> pump()));
    private final ChartViewer throughput = new ChartViewer(null);
    private final ChartViewer waitChart = new ChartViewer(null);
    private final ChartViewer heatmap = new ChartViewer(null);
    // Held so that the theme binding lives as long as the view.
    private final ObservableValue<ChartTheme> theme;
    private RunChartPane live;
    private AdviceCard card;
    private LongConsumer openRun = id -> { };
    private Function<Window, File> fileChooser = owner -> {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Run config to sweep");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Run configs (YAML)", "*.yaml", "*.yml"));
        return chooser.showOpenDialog(owner);
    };

    @FXML private TextField label;
    @FXML private ComboBox<SweepRecord> earlier;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private RadioButton baseRunSetup;
    @FXML private RadioButton baseConfigFile;
    @FXML private TextField configFile;
    @FXML private Button browseButton;
    @FXML private TextField workers;
    @FXML private TextField poolSizes;
    @FXML private ChoiceBox<String> poolMode;
    @FXML private Spinner<Integer> repeat;
    @FXML private Spinner<Double> tolerance;
    @FXML private Spinner<Integer> instances;
    @FXML private Spinner<Integer> reserved;
    @FXML private Label gridSize;
    @FXML private Label error;
    @FXML private ProgressBar progress;
    @FXML private Label status;
    @FXML private TabPane chartTabs;
    @FXML private StackPane throughputHolder;
    @FXML private StackPane waitHolder;
    @FXML private StackPane heatmapHolder;
    @FXML private StackPane liveHolder;
    @FXML private TableView<SweepRows.Row> cells;
    @FXML private TableColumn<SweepRows.Row, Integer> workersColumn;
    @FXML private TableColumn<SweepRows.Row, Integer> poolColumn;
    @FXML private TableColumn<SweepRows.Row, Integer> connectionsColumn;
    @FXML private TableColumn<SweepRows.Row, Integer> repeatColumn;
    @FXML private TableColumn<SweepRows.Row, Double> rateColumn;
    @FXML private TableColumn<SweepRows.Row, Double> waitColumn;
    @FXML private TableColumn<SweepRows.Row, String> statusColumn;
    @FXML private VBox advice;

    public SweepView(SweepViewModel model, Workbench workbench) {
        this.model = model;
        this.workbench = workbench;
        this.theme = workbench.chartTheme();
        this.root = Fxml.load(SweepView.class, "SweepView.fxml", this);
        drain.setCycleCount(Timeline.INDEFINITE);
    }

    public Parent root() {
        return root;
    }

    public SweepViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        ToggleGroup bases = new ToggleGroup();
        baseRunSetup.setToggleGroup(bases);
        baseConfigFile.setToggleGroup(bases);
        (model.baseProperty().get() == SweepViewModel.Base.RUN_SETUP ? baseRunSetup : baseConfigFile)
                .setSelected(true);
        bases.selectedToggleProperty().addListener((o, was, now) -> model.baseProperty().set(
                now == baseConfigFile ? SweepViewModel.Base.CONFIG_FILE : SweepViewModel.Base.RUN_SETUP));
        configFile.disableProperty().bind(baseConfigFile.selectedProperty().not());
        browseButton.disableProperty().bind(baseConfigFile.selectedProperty().not());
        configFile.textProperty().bindBidirectional(model.configFileProperty());
        label.textProperty().bindBidirectional(model.labelProperty());
        workers.textProperty().bindBidirectional(model.workersProperty());
        poolSizes.textProperty().bindBidirectional(model.poolSizesProperty());

        poolMode.getItems().setAll(AS_SET_UP, PoolMode.SHARED.id(), PoolMode.PER_WORKER.id(), PoolMode.UNPOOLED.id());
        poolMode.setValue(model.poolModeProperty().get() == null ? AS_SET_UP : model.poolModeProperty().get().id());
        poolMode.valueProperty().addListener((o, was, now) -> model.poolModeProperty().set(
                ConfigValue.fromId(PoolMode.class, now).orElse(null)));
        integers(repeat, 1, 20, model.repeatProperty().get(), v -> model.repeatProperty().set(v));
        integers(instances, 1, 1000, model.instancesProperty().get(), v -> model.instancesProperty().set(v));
        integers(reserved, 0, 10_000, model.reservedProperty().get(), v -> model.reservedProperty().set(v));
        SpinnerValueFactory.DoubleSpinnerValueFactory percent =
                new SpinnerValueFactory.DoubleSpinnerValueFactory(0, 50, model.tolerancePercentProperty().get(), 0.5);
        tolerance.setValueFactory(percent);
        percent.valueProperty().addListener((o, was, now) -> model.tolerancePercentProperty().set(now));
        gridSize.textProperty().bind(Bindings.createStringBinding(this::gridSize, model.workersProperty(),
                model.poolSizesProperty(), model.repeatProperty()));

        startButton.disableProperty().bind(model.runningProperty());
        stopButton.disableProperty().bind(model.runningProperty().not().or(model.stopRequestedProperty()));
        label.disableProperty().bind(model.runningProperty());
        earlier.disableProperty().bind(model.runningProperty());
        io.poollab.ui.Errors.showInline(error, model.errorProperty());
        status.textProperty().bind(model.statusProperty());
        progress.progressProperty().bind(model.progressProperty());

        earlier.setItems(model.sweeps());
        earlier.setConverter(Converters.showing(s -> s == null ? "" : describe(s)));
        earlier.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.show(now.id());
            }
        });

        for (StackPane holder : List.of(throughputHolder, waitHolder, heatmapHolder)) {
            holder.getStyleClass().add("chart-holder");
        }
        live = new RunChartPane(theme);
        liveHolder.getChildren().add(live);

        card = new AdviceCard(advice);
        columns();
        model.analysisProperty().addListener((o, was, now) -> showAnalysis(now));
        theme.addListener((o, was, now) -> showAnalysis(model.analysisProperty().get()));
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                drain.play();
                chartTabs.getSelectionModel().select(3);
            } else {
                drain.stop();
                pump();
                chartTabs.getSelectionModel().select(0);
            }
        });
        model.monitorProperty().addListener((o, was, now) -> {
            if (now != null) {
                live.show(now.series());
            }
        });
        showAnalysis(null);
        model.refreshSweeps();
    }

    private static void integers(Spinner<Integer> spinner, int min, int max, int initial,
                                 java.util.function.IntConsumer onChange) {
        SpinnerValueFactory.IntegerSpinnerValueFactory factory =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(min, max, initial);
        spinner.setValueFactory(factory);
        factory.valueProperty().addListener((o, was, now) -> onChange.accept(now));
    }

    private String gridSize() {
        try {
            int w = IntList.parse("Workers", model.workersProperty().get()).size();
            int p = IntList.parse("Pool sizes", model.poolSizesProperty().get()).size();
            int runs = w * p * model.repeatProperty().get();
            return w + " × " + p + " × " + model.repeatProperty().get() + " = " + runs + (runs == 1 ? " run" : " runs");
        } catch (io.poollab.config.ConfigException e) {
            return "";
        }
    }

    private void columns() {
        cells.setItems(model.rows());
        cells.setPlaceholder(new Label("No sweep shown yet."));
        column(workersColumn, SweepRows.Row::workers, String::valueOf);
        column(poolColumn, SweepRows.Row::poolSize, String::valueOf);
        column(connectionsColumn, SweepRows.Row::connections, String::valueOf);
        column(repeatColumn, SweepRows.Row::repeat, String::valueOf);
        column(rateColumn, SweepRows.Row::rowsPerSecond, Units::compact);
        column(waitColumn, SweepRows.Row::p95WaitMs, Units::latency);
        column(statusColumn, SweepView::outcome, v -> v);
        statusColumn.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty ? null : item);
                // The full outcome (a skip's reason, an error) when the column is too narrow for it.
                setTooltip(isEmpty || item == null ? null : new javafx.scene.control.Tooltip(item));
            }
        });
        cells.setRowFactory(t -> new CellRow(id -> openRun.accept(id)));
        model.rows().addListener((ListChangeListener<SweepRows.Row>) c -> {
            repeatColumn.setVisible(model.rows().stream().anyMatch(r -> r.repeat() > 1));
            cells.refresh();
            // Keep in view the row that matters: the cell running, or else the knee.
            List<SweepRows.Row> rows = model.rows();
            for (int i = 0; i < rows.size(); i++) {
                SweepRows.Row r = rows.get(i);
                if (r.status().equals("running") || r.status().equals("starting")
                        || (!model.runningProperty().get() && r.mark().startsWith("knee"))) {
                    cells.scrollTo(Math.max(0, i - 2));
                    break;
                }
            }
        });
        repeatColumn.setVisible(false);
    }

    private static String outcome(SweepRows.Row r) {
        String text = (r.runId() == null ? "" : "run " + r.runId() + " ") + r.status()
                + (r.mark().isEmpty() ? "" : " ← " + r.mark());
        return r.note() == null || r.note().isEmpty() ? text : text + ": " + r.note();
    }

    private static <T> void column(TableColumn<SweepRows.Row, T> column, Function<SweepRows.Row, T> value,
                                   Function<T, String> format) {
        column.setSortable(false);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? null : format.apply(item));
            }
        });
    }

    private void showAnalysis(SweepAnalysis sweep) {
        card.show(sweep, model.runningProperty().get());
        boolean none = sweep == null;
        throughputHolder.getChildren().setAll(none ? placeholder() : throughput);
        waitHolder.getChildren().setAll(none ? placeholder() : waitChart);
        heatmapHolder.getChildren().setAll(none ? placeholder() : heatmap);
        if (none) {
            return;
        }
        SweepCharts charts = new SweepCharts(sweep);
        throughput.setChart(charts.throughput(theme.getValue()));
        waitChart.setChart(charts.p95Wait(theme.getValue()));
        heatmap.setChart(charts.heatmap(theme.getValue()));
    }

    private static Label placeholder() {
        Label empty = new Label("Start a sweep, or open an earlier one: rows/s and p95 acquire wait against pool "
                + "size, one line per worker count, with the knee ringed.");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.setMaxWidth(420);
        return empty;
    }

    private void pump() {
        RunMonitor monitor = model.monitorProperty().get();
        if (monitor == null) {
            return;
        }
        if (monitor.pump()) {
            live.refresh();
        }
    }

    static String describe(SweepRecord s) {
        return "sweep " + s.id() + " · " + WHEN.format(s.startedAt()) + " UTC · " + s.workers().size() + "×"
                + s.poolSizes().size() + (s.repeat() > 1 ? "×" + s.repeat() : "") + " " + s.poolMode()
                + (s.label() == null ? "" : " · " + s.label());
    }

    /** Asks before closing the window on a running sweep; true when it may close. */
    public boolean confirmClose(Window owner) {
        if (!model.runningProperty().get()) {
            return true;
        }
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, "A sweep is still running. Stop it and close "
                + "PoolLab? The cells done so far stay in the history; the rest are recorded as not run.");
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    @FXML
    private void onStart() {
        earlier.setValue(null);
        model.start(root.getScene().getWindow());
    }

    @FXML
    private void onStop() {
        model.stop();
    }

    @FXML
    private void onBrowse() {
        File file = fileChooser.apply(root.getScene().getWindow());
        if (file != null) {
            model.configFileProperty().set(file.getPath());
        }
    }

    /** What a double-click on a run, or the card's link, opens. */
    public void onOpenRun(LongConsumer action) {
        this.openRun = action;
        card.onOpenRun(action);
    }

    /** What the card's "compare with the best cell" opens. */
    public void onCompare(java.util.function.BiConsumer<Long, Long> action) {
        card.onCompare(action);
    }

    /** For tests: a chooser that does not open a dialog. */
    public void setFileChooser(Function<Window, File> chooser) {
        this.fileChooser = chooser;
    }

    public ChartViewer throughputViewer() {
        return throughput;
    }

    public ChartViewer heatmapViewer() {
        return heatmap;
    }

    public RunChartPane liveCharts() {
        return live;
    }
}
