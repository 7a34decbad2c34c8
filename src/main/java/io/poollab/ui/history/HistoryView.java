package io.poollab.ui.history;

import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.text.Units;
import io.poollab.ui.Fxml;
import io.poollab.ui.Workbench;
import io.poollab.ui.chart.RunChartPane;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputDialog;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The History view: every stored run, sortable and filterable; the opened run replayed into the run charts. */
public final class HistoryView {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    private final HistoryViewModel model;
    private final Workbench workbench;
    private final Runnable goToRunAction;
    private final Parent root;
    private RunChartPane charts;
    private Long pendingSelection;
    private java.util.function.Consumer<List<Long>> compareAction = ids -> { };

    @FXML private BorderPane content;
    @FXML private TextField filter;
    @FXML private Button compare;
    @FXML private Button relabel;
    @FXML private Button delete;
    @FXML private Button diagnose;
    @FXML private TableView<RunSummary> table;
    @FXML private TableColumn<RunSummary, Long> idColumn;
    @FXML private TableColumn<RunSummary, String> whenColumn;
    @FXML private TableColumn<RunSummary, String> labelColumn;
    @FXML private TableColumn<RunSummary, String> statusColumn;
    @FXML private TableColumn<RunSummary, String> tablesColumn;
    @FXML private TableColumn<RunSummary, Long> rowsColumn;
    @FXML private TableColumn<RunSummary, Double> rateColumn;
    @FXML private TableColumn<RunSummary, Integer> workersColumn;
    @FXML private TableColumn<RunSummary, String> poolColumn;
    @FXML private TableColumn<RunSummary, Double> waitColumn;
    @FXML private TableColumn<RunSummary, String> healthColumn;
    @FXML private BorderPane detailPane;
    @FXML private Label detailTitle;
    @FXML private Label detailLine;
    @FXML private StackPane chartHolder;
    @FXML private GridPane settingsGrid;
    @FXML private ListView<String> events;
    @FXML private Label error;
    @FXML private VBox empty;
    @FXML private Button goToRun;

    public HistoryView(HistoryViewModel model, Workbench workbench, Runnable goToRun) {
        this.model = model;
        this.workbench = workbench;
        this.goToRunAction = goToRun;
        this.root = Fxml.load(HistoryView.class, "HistoryView.fxml", this);
    }

    public Parent root() {
        return root;
    }

    public HistoryViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        charts = new RunChartPane(workbench.chartTheme());
        chartHolder.getChildren().add(charts);
        filter.textProperty().bindBidirectional(model.filterProperty());
        SortedList<RunSummary> sorted = new SortedList<>(model.filtered());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        table.setPlaceholder(new Label("No run matches the filter."));
        column(idColumn, RunSummary::id, v -> "#" + v);
        column(whenColumn, r -> WHEN.format(r.startedAt()), v -> v);
        column(labelColumn, r -> r.label() == null ? "" : r.label(), v -> v);
        column(statusColumn, RunSummary::status, v -> v);
        column(tablesColumn, r -> r.tables() == null ? "" : r.tables(), v -> v);
        column(rowsColumn, RunSummary::rows, Units::count);
        column(rateColumn, RunSummary::rowsPerSecond, Units::rate);
        column(workersColumn, RunSummary::workers, String::valueOf);
        column(poolColumn, HistoryView::pools, v -> v);
        column(waitColumn, RunSummary::p95WaitMs, Units::latency);
        column(healthColumn, r -> r.health() == null ? "" : r.health(), v -> v);
        healthColumn.setCellFactory(c -> new HealthCell());
        table.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.open(now.id());
            }
        });
        relabel.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        compare.disableProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(() -> {
            int n = table.getSelectionModel().getSelectedItems().size();
            return n < 2 || n > io.poollab.analysis.Compare.MAX_RUNS;
        }, table.getSelectionModel().getSelectedItems()));
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        diagnose.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull()
                .or(model.diagnosingProperty()));
        model.diagnosisProperty().addListener((o, was, now) -> {
            if (now != null) {
                javafx.scene.control.Alert verdict = new javafx.scene.control.Alert(
                        javafx.scene.control.Alert.AlertType.INFORMATION, now);
                verdict.setHeaderText("Why was this slow?");
                verdict.getDialogPane().setMinWidth(720);
                verdict.show();
            }
        });
        model.runs().addListener((ListChangeListener<RunSummary>) c -> {
            showEmptyState();
            selectPending();
        });
        model.openedProperty().addListener((o, was, now) -> show(now));
        io.poollab.ui.Errors.showInline(error, model.errorProperty());
        goToRun.setOnAction(e -> goToRunAction.run());
        events.setCellFactory(io.poollab.ui.WrappingCell::new);
        detailPane.setVisible(false);
        showEmptyState();
    }

    private static String pools(RunSummary r) {
        if ("unpooled".equals(r.poolMode())) {
            return "unpooled";
        }
        return r.poolMode() + " " + r.sourcePoolMax() + "/" + r.targetPoolMax();
    }

    private void showEmptyState() {
        boolean none = model.runs().isEmpty();
        empty.setVisible(none);
        content.setVisible(!none);
    }

    /** A sortable column holding the raw value (numbers sort as numbers) and showing it formatted. */
    private static <T> void column(TableColumn<RunSummary, T> column, Function<RunSummary, T> value,
                                   Function<T, String> format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean isEmpty) {
                super.updateItem(item, isEmpty);
                setText(isEmpty || item == null ? null : format.apply(item));
            }
        });
    }

    private void show(HistoryViewModel.Replay replay) {
        detailPane.setVisible(replay != null);
        if (replay == null) {
            return;
        }
        RunDetail d = replay.detail();
        RunSummary s = d.summary();
        detailTitle.setText("Run " + s.id() + (s.label() == null ? "" : " · " + s.label()) + " · " + s.status());
        detailLine.setText(ReplayText.outcome(d));
        charts.show(replay.series());
        charts.refresh();
        settingsGrid.getChildren().clear();
        int row = 0;
        for (Map.Entry<String, String> e : ReplayText.settings(d).entrySet()) {
            Label key = new Label(e.getKey());
            key.getStyleClass().add("muted");
            key.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Label value = new Label(e.getValue());
            value.setWrapText(true);
            value.setMaxWidth(330);
            value.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
            settingsGrid.addRow(row++, key, value);
        }
        events.getItems().setAll(d.events().stream()
                .map(e -> Units.duration(e.elapsedMs() / 1000.0) + "  " + e.type() + "  " + e.message()).toList());
        if (d.events().isEmpty()) {
            events.setPlaceholder(new Label("No events: no resize, worker change, retry or error."));
        }
    }

    @FXML
    private void diagnose() {
        RunSummary selected = table.getSelectionModel().getSelectedItem();
        if (selected != null) {
            model.diagnose(selected.id());
        }
    }

    @FXML
    private void refresh() {
        model.refresh();
    }

    @FXML
    private void compare() {
        compareAction.accept(table.getSelectionModel().getSelectedItems().stream().map(RunSummary::id).sorted()
                .toList());
    }

    /** What Compare does with the selected run ids, oldest first. */
    public void onCompare(java.util.function.Consumer<List<Long>> action) {
        this.compareAction = action;
    }

    @FXML
    private void relabel() {
        RunSummary selected = table.getSelectionModel().getSelectedItem();
        TextInputDialog dialog = new TextInputDialog(selected.label() == null ? "" : selected.label());
        dialog.setTitle("Relabel run " + selected.id());
        dialog.setHeaderText("A label for run " + selected.id() + " (empty removes it)");
        dialog.initOwner(root.getScene().getWindow());
        dialog.showAndWait().ifPresent(label -> model.relabel(selected.id(), label));
    }

    @FXML
    private void delete() {
        List<Long> ids = table.getSelectionModel().getSelectedItems().stream().map(RunSummary::id).toList();
        var confirm = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "Delete " + (ids.size() == 1 ? "run " + ids.get(0) : ids.size() + " runs")
                        + " with their samples and events? This cannot be undone.");
        confirm.initOwner(root.getScene().getWindow());
        confirm.setHeaderText(null);
        confirm.showAndWait().filter(b -> b == javafx.scene.control.ButtonType.OK).ifPresent(b -> model.delete(ids));
    }

    /** Shows run {@code runId} once the list has been read again (a run that just finished). */
    public void select(long runId) {
        pendingSelection = runId;
        model.refresh();
    }

    private void selectPending() {
        if (pendingSelection == null) {
            return;
        }
        long id = pendingSelection;
        table.getItems().stream().filter(r -> r.id() == id).findFirst().ifPresent(r -> {
            pendingSelection = null;
            table.getSelectionModel().clearSelection();
            table.getSelectionModel().select(r);
            table.scrollTo(r);
        });
    }

    /** The selection, for Compare (a later view) and for tests. */
    public TableView<RunSummary> table() {
        return table;
    }

    public RunChartPane charts() {
        return charts;
    }

    /** Health as a coloured badge, with the text too: never colour alone. */
    private static final class HealthCell extends TableCell<RunSummary, String> {
        @Override
        protected void updateItem(String item, boolean isEmpty) {
            super.updateItem(item, isEmpty);
            getStyleClass().removeAll("health-healthy", "health-degraded", "health-unhealthy");
            setText(isEmpty || item == null ? null : item);
            if (!isEmpty && item != null && !item.isEmpty()) {
                getStyleClass().add("health-" + item);
            }
        }
    }
}
