package io.poollab.ui.demo;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.VariantCharts;
import io.poollab.demo.Conclusion;
import io.poollab.demo.DemoOptions;
import io.poollab.demo.DemoResult;
import io.poollab.demo.MeasuredStep;
import io.poollab.demo.Scenario;
import io.poollab.demo.Slides;
import io.poollab.text.Units;
import io.poollab.ui.Fxml;
import io.poollab.ui.Workbench;
import io.poollab.ui.chart.RunChartPane;
import io.poollab.ui.run.RunMonitor;
import java.util.function.Function;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Demo page: a question, the size of the demo, Start; then each run live (the three numbers, the run charts),
 * the runs table, and at the end the conclusion and the variants' results, all as measured. Present opens the same
 * demo full screen.
 */
public final class DemoView {

    private final DemoViewModel model;
    private final Workbench workbench;
    private final ObservableValue<ChartTheme> theme;
    private final Parent root;
    private final Timeline drain = new Timeline(new KeyFrame(Duration.millis(250), e -> pump()));
    private final ChartViewer results = new ChartViewer(null);
    private final BigNumbers numbers = new BigNumbers("big-value");
    private RunChartPane live;
    private PresentationView presentation;

    @FXML private Button presentButton;
    @FXML private Button exportButton;
    @FXML private Button startButton;
    @FXML private Button stopButton;
    @FXML private ListView<Scenario> scenarios;
    @FXML private Label scenarioRuns;
    @FXML private Slider rows;
    @FXML private Label rowsValue;
    @FXML private Spinner<Integer> latency;
    @FXML private Label latencyValue;
    @FXML private Spinner<Integer> repeats;
    @FXML private Label error;
    @FXML private Label status;
    @FXML private ProgressBar progress;
    @FXML private Label currentStep;
    @FXML private HBox bigNumbers;
    @FXML private VBox conclusionCard;
    @FXML private Label finding;
    @FXML private Label headline;
    @FXML private Label sentence;
    @FXML private TabPane tabs;
    @FXML private StackPane liveHolder;
    @FXML private ChoiceBox<Slides.Metric> metric;
    @FXML private Label metricSentence;
    @FXML private StackPane resultsHolder;
    @FXML private TableView<StepRow> runs;
    @FXML private TableColumn<StepRow, String> variantColumn;
    @FXML private TableColumn<StepRow, String> repeatColumn;
    @FXML private TableColumn<StepRow, String> settingsColumn;
    @FXML private TableColumn<StepRow, String> rateColumn;
    @FXML private TableColumn<StepRow, String> waitColumn;
    @FXML private TableColumn<StepRow, String> openedColumn;
    @FXML private TableColumn<StepRow, String> copyColumn;
    @FXML private TableColumn<StepRow, String> statusColumn;

    public DemoView(DemoViewModel model, Workbench workbench) {
        this.model = model;
        this.workbench = workbench;
        this.theme = workbench.chartTheme();
        this.root = Fxml.load(DemoView.class, "DemoView.fxml", this);
        drain.setCycleCount(Timeline.INDEFINITE);
    }

    public Parent root() {
        return root;
    }

    public DemoViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        scenarios.getItems().setAll(Scenario.values());
        scenarios.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(Scenario item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : (item.ordinal() + 1) + ". " + item.title());
                setWrapText(true);
                setPrefWidth(0);
                setTooltip(empty || item == null ? null : new Tooltip(item.runs()));
            }
        });
        scenarios.getSelectionModel().select(model.scenarioProperty().get());
        scenarios.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.scenarioProperty().set(now);
                repeats.getValueFactory().setValue(now.defaultRepeats());
            }
        });
        scenarioRuns.textProperty().bind(model.scenarioProperty().map(s -> "Runs " + s.runs() + "."));
        scenarios.disableProperty().bind(model.runningProperty());

        rows.setValue(Math.log10(model.rowsProperty().get()));
        rows.valueProperty().addListener((o, was, now) -> model.rowsProperty().set(rounded(now.doubleValue())));
        rowsValue.textProperty().bind(model.rowsProperty().map(n -> Units.compact(n.doubleValue())));
        rows.disableProperty().bind(model.runningProperty());
        latency.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000,
                (int) model.latencyMsProperty().get()));
        latency.getValueFactory().setConverter(new io.poollab.ui.run.SpinnerIntegers());
        latency.valueProperty().addListener((o, was, now) -> model.latencyMsProperty().set(now));
        latencyValue.textProperty().bind(model.latencyMsProperty().map(ms -> "ms · RTT +" + 2 * ms.longValue()
                + " ms"));
        latency.disableProperty().bind(model.runningProperty());
        repeats.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, DemoOptions.MAX_REPEATS,
                model.scenarioProperty().get().defaultRepeats()));
        repeats.getValueFactory().setConverter(new io.poollab.ui.run.SpinnerIntegers());
        repeats.valueProperty().addListener((o, was, now) -> model.repeatsProperty().set(now));
        model.repeatsProperty().set(repeats.getValue());
        repeats.disableProperty().bind(model.runningProperty());

        startButton.disableProperty().bind(model.runningProperty());
        stopButton.disableProperty().bind(model.runningProperty().not().or(model.stopRequestedProperty()));
        exportButton.disableProperty().bind(model.resultProperty().isNull().or(model.runningProperty()));
        io.poollab.ui.Errors.showInline(error, model.errorProperty());
        status.textProperty().bind(model.statusProperty());
        currentStep.textProperty().bind(model.currentStepProperty());
        progress.progressProperty().bind(model.progressProperty());

        bigNumbers.getChildren().setAll(numbers.boxes());
        live = new RunChartPane(theme);
        liveHolder.getChildren().add(live);
        model.monitorProperty().addListener((o, was, now) -> {
            if (now != null) {
                live.show(now.series());
                numbers.follow(now);
            }
        });
        model.runningProperty().addListener((o, was, now) -> {
            if (now) {
                drain.play();
                tabs.getSelectionModel().select(0);
            } else {
                drain.stop();
                pump();
            }
        });

        metric.getItems().setAll(Slides.Metric.values());
        metric.setConverter(io.poollab.ui.Converters.showing(m -> m == null ? "" : m.title()));
        metric.setValue(Slides.Metric.ROWS_PER_SECOND);
        metric.valueProperty().addListener((o, was, now) -> showResults(model.resultProperty().get()));
        resultsHolder.getChildren().add(results);
        model.resultProperty().addListener((o, was, now) -> showResult(now));
        theme.addListener((o, was, now) -> showResults(model.resultProperty().get()));
        columns();
        showResult(model.resultProperty().get());
    }

    /** The slider's value (log10 of rows) as a round number: 1,000, 2,000, 5,000 … 200,000, 2M. */
    static long rounded(double log10) {
        double raw = Math.pow(10, log10);
        double step = Math.pow(10, Math.floor(Math.log10(raw)));
        return Math.max(1000, Math.round(raw / step) * (long) step);
    }

    private void columns() {
        runs.setItems(model.steps());
        runs.setPlaceholder(new Label("No demo run yet: pick a question and press Start demo."));
        column(variantColumn, StepRow::variant);
        column(repeatColumn, r -> r.index() == 0 ? "" : String.valueOf(r.repeat()));
        column(settingsColumn, StepRow::settings);
        column(rateColumn, r -> measured(r, m -> Units.rate(m.rowsPerSecond())));
        column(waitColumn, r -> measured(r, m -> Units.latency(m.p95WaitMs())));
        column(openedColumn, r -> measured(r, m -> Units.count(m.connectionsOpened())));
        column(copyColumn, r -> measured(r, m -> Units.length(m.copySeconds())));
        column(statusColumn, StepRow::status);
    }

    private static String measured(StepRow row, Function<MeasuredStep, String> f) {
        return row.measured() == null || !row.measured().succeeded() ? "" : f.apply(row.measured());
    }

    private static void column(TableColumn<StepRow, String> column, Function<StepRow, String> value) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
    }

    private void showResult(DemoResult result) {
        conclusionCard.setVisible(result != null);
        conclusionCard.setManaged(result != null);
        if (result != null) {
            Conclusion c = result.conclusion();
            finding.setText(findingText(c.finding()));
            finding.getStyleClass().removeIf(s -> s.startsWith("finding-"));
            finding.getStyleClass().add("finding-" + c.finding().name().toLowerCase(java.util.Locale.ROOT));
            headline.setText(c.headline());
            sentence.setText(c.sentence());
            sentence.setTooltip(new Tooltip(String.join("\n", c.details())));
            if (!result.cancelled()) {
                tabs.getSelectionModel().select(1);
            }
        }
        showResults(result);
    }

    /** The finding as the conclusion card's label says it. */
    static String findingText(Conclusion.Finding f) {
        return switch (f) {
            case SHOWN -> "EFFECT SHOWN";
            case NOT_SHOWN -> "NOT SHOWN HERE";
            case NO_DIFFERENCE -> "NO MEASURABLE DIFFERENCE";
            case INCOMPLETE -> "NO CONCLUSION";
        };
    }

    private void showResults(DemoResult result) {
        Slides.Metric m = metric.getValue();
        if (result == null || m == null) {
            results.setVisible(false);
            metricSentence.setText("The variants' results appear here when the demo ends.");
            return;
        }
        results.setVisible(true);
        results.setChart(VariantCharts.bars(result.variants(), m, theme.getValue(), 1f));
        metricSentence.setText(Slides.of(result).stream().filter(s -> s.metric() == m).findFirst()
                .map(Slides.Slide::sentence).orElse("No variant was measured."));
    }

    private void pump() {
        RunMonitor monitor = model.monitorProperty().get();
        if (monitor == null) {
            return;
        }
        if (monitor.pump()) {
            live.refresh();
            if (presentation != null) {
                presentation.refresh();
            }
        }
    }

    @FXML
    private void onStart() {
        model.start();
    }

    @FXML
    private void onStop() {
        model.stop();
    }

    @FXML
    private void onPresent() {
        present();
    }

    /** Opens presentation mode (full screen), or brings it back to the front. */
    public PresentationView present() {
        if (presentation == null || !presentation.isShowing()) {
            presentation = new PresentationView(model, root.getScene().getWindow());
        }
        presentation.show();
        return presentation;
    }

    @FXML
    private void onExport() {
        DemoResult result = model.resultProperty().get();
        if (result != null) {
            SlideExport.choose(root.getScene().getWindow(), result, workbench, model.errorProperty()::set);
        }
    }

    /** Asks before closing the window on a running demo; true when it may close. */
    public boolean confirmClose(javafx.stage.Window owner) {
        if (!model.runningProperty().get()) {
            return true;
        }
        javafx.scene.control.Alert alert = new javafx.scene.control.Alert(
                javafx.scene.control.Alert.AlertType.CONFIRMATION, "A demo is still running. Stop it and close "
                + "PoolLab? The runs done so far stay in the history; the demo's PostgreSQL is stopped.");
        alert.initOwner(owner);
        alert.setHeaderText(null);
        return alert.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).isPresent();
    }

    /** The presentation, when one is open. */
    public PresentationView presentation() {
        return presentation;
    }
}
