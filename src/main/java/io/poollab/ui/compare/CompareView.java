package io.poollab.ui.compare;

import io.poollab.analysis.Comparison;
import io.poollab.chart.ChartTheme;
import io.poollab.chart.OverlayCharts;
import io.poollab.ui.Fxml;
import io.poollab.ui.Workbench;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import java.io.File;
import java.util.function.Function;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ProgressBar;
import javafx.stage.DirectoryChooser;
import javafx.stage.Window;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.jfree.chart.fx.ChartViewer;

/** The Compare view: the verdict, the settings diff, the results with deltas, and the runs overlaid. */
public final class CompareView {

    private final CompareViewModel model;
    private final ObservableValue<ChartTheme> chartTheme;
    private final Parent root;
    private final ChartViewer viewer = new ChartViewer(null);
    private OverlayCharts charts;

    @FXML private BorderPane content;
    @FXML private Label baseline;
    @FXML private ProgressIndicator busy;
    @FXML private VBox verdict;
    @FXML private Label error;
    @FXML private TableView<Comparison.SettingRow> settings;
    @FXML private TableView<Comparison.ResultRow> results;
    @FXML private HBox toggles;
    @FXML private StackPane chartHolder;
    @FXML private VBox empty;
    @FXML private Label exportStatus;
    @FXML private ProgressBar exportProgress;
    @FXML private Button export;
    /** Asks where the report goes; the native folder chooser, replaced in tests (Monocle has none). */
    private Function<Window, File> folderChooser = owner -> {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Export the tuning report into a folder");
        return chooser.showDialog(owner);
    };

    public CompareView(CompareViewModel model, Workbench workbench) {
        this.model = model;
        this.chartTheme = workbench.chartTheme();
        this.root = Fxml.load(CompareView.class, "CompareView.fxml", this);
    }

    public Parent root() {
        return root;
    }

    public CompareViewModel model() {
        return model;
    }

    @FXML
    private void initialize() {
        chartHolder.getChildren().add(viewer);
        busy.visibleProperty().bind(model.busyProperty());
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        content.setVisible(false);
        exportStatus.textProperty().bind(model.exportStatusProperty());
        exportProgress.progressProperty().bind(model.exportProgressProperty());
        exportProgress.visibleProperty().bind(model.exportingProperty());
        exportProgress.managedProperty().bind(exportProgress.visibleProperty());
        export.disableProperty().bind(model.exportingProperty().or(model.loadedProperty().isNull()));
        model.loadedProperty().addListener((o, was, now) -> show(now));
        chartTheme.addListener((o, was, now) -> {
            if (charts != null) {
                charts.applyTheme(now);
            }
        });
        settings.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(Comparison.SettingRow row, boolean isEmpty) {
                super.updateItem(row, isEmpty);
                getStyleClass().remove("setting-differs");
                if (!isEmpty && row != null && row.differs()) {
                    getStyleClass().add("setting-differs");
                }
            }
        });
    }

    private void show(CompareViewModel.Loaded loaded) {
        empty.setVisible(loaded == null);
        content.setVisible(loaded != null);
        if (loaded == null) {
            return;
        }
        Comparison c = loaded.comparison();
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < c.runs().size(); i++) {
            var s = c.runs().get(i).summary();
            labels.add("run " + s.id() + (s.label() == null ? "" : " " + s.label()) + (i == 0 ? " (baseline)" : ""));
        }
        baseline.setText("baseline: run " + c.baseline().summary().id() + " · " + (c.runs().size() - 1)
                + " compared against it");
        verdict.getChildren().setAll(c.verdict().stream().map(line -> {
            Label l = new Label(line);
            l.setWrapText(true);
            l.getStyleClass().add("verdict-line");
            return l;
        }).toList());
        settingsTable(c, labels);
        resultsTable(c, labels);
        charts = new OverlayCharts(loaded.series(), labels, chartTheme.getValue());
        viewer.setChart(charts.chart());
        toggles.getChildren().clear();
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            CheckBox box = new CheckBox(labels.get(i));
            box.setSelected(true);
            box.setTooltip(new Tooltip("Show or hide " + labels.get(i) + " in the charts"));
            box.selectedProperty().addListener((o, was, now) -> charts.setRunVisible(index, now));
            toggles.getChildren().add(box);
        }
    }

    private void settingsTable(Comparison c, List<String> labels) {
        settings.getColumns().clear();
        TableColumn<Comparison.SettingRow, String> name = new TableColumn<>("setting");
        name.setCellValueFactory(r -> new ReadOnlyStringWrapper((r.getValue().differs() ? "● " : "") + r.getValue().name()));
        name.setPrefWidth(200);
        settings.getColumns().add(name);
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            TableColumn<Comparison.SettingRow, String> run = new TableColumn<>(labels.get(i));
            run.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().values().get(index)));
            run.setPrefWidth(150);
            settings.getColumns().add(run);
        }
        settings.getItems().setAll(c.settings());
    }

    private void resultsTable(Comparison c, List<String> labels) {
        results.getColumns().clear();
        TableColumn<Comparison.ResultRow, String> name = new TableColumn<>("measured");
        name.setCellValueFactory(r -> new ReadOnlyStringWrapper(r.getValue().metric().label()));
        name.setPrefWidth(190);
        results.getColumns().add(name);
        for (int i = 0; i < labels.size(); i++) {
            int index = i;
            TableColumn<Comparison.ResultRow, Comparison.ResultRow> run = new TableColumn<>(labels.get(i));
            run.setCellValueFactory(r -> new javafx.beans.property.ReadOnlyObjectWrapper<>(r.getValue()));
            run.setCellFactory(col -> new DeltaCell(index));
            run.setPrefWidth(index == 0 ? 120 : 240);
            results.getColumns().add(run);
        }
        results.getItems().setAll(c.results());
    }

    /** A run's value, and for the others its change against the baseline, green when better, red when worse. */
    private static final class DeltaCell extends TableCell<Comparison.ResultRow, Comparison.ResultRow> {
        private final int index;

        DeltaCell(int index) {
            this.index = index;
        }

        @Override
        protected void updateItem(Comparison.ResultRow row, boolean isEmpty) {
            super.updateItem(row, isEmpty);
            getStyleClass().removeAll("delta-better", "delta-worse");
            if (isEmpty || row == null) {
                setText(null);
                return;
            }
            String value = row.metric().format(row.values().get(index));
            Comparison.Delta delta = row.deltas().get(index);
            if (delta == null || delta.outcome() == Comparison.Outcome.SAME) {
                setText(value + (delta == null ? "" : "  (same)"));
                return;
            }
            int units = delta.text().indexOf(" (");
            // "+23%" here, the whole "+23% (41 → 32 s)" on hover; a state change ("degraded → healthy") in full.
            String percent = units < 0 ? delta.text() : delta.text().substring(0, units);
            setText(value + "  " + percent);
            setTooltip(new Tooltip(delta.text() + ", " + delta.outcome().name().toLowerCase(java.util.Locale.ROOT)));
            if (delta.outcome() == Comparison.Outcome.BETTER) {
                getStyleClass().add("delta-better");
            } else if (delta.outcome() == Comparison.Outcome.WORSE) {
                getStyleClass().add("delta-worse");
            }
        }
    }

    @FXML
    private void export() {
        File dir = folderChooser.apply(root.getScene().getWindow());
        if (dir != null) {
            model.export(dir.toPath());
        }
    }

    /** For tests: answer the folder question without a native dialog. */
    public void setFolderChooser(Function<Window, File> chooser) {
        this.folderChooser = chooser;
    }

    public TableView<Comparison.ResultRow> results() {
        return results;
    }

    public VBox verdictBox() {
        return verdict;
    }
}
