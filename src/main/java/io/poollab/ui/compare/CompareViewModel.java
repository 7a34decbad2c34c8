package io.poollab.ui.compare;

import io.poollab.analysis.Compare;
import io.poollab.analysis.Comparison;
import io.poollab.chart.RunSeries;
import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import io.poollab.report.ReportContent;
import io.poollab.report.ReportFormat;
import io.poollab.report.ReportWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Compare view's state: the runs compared (the first is the baseline), their comparison and their samples. */
public final class CompareViewModel {

    private final HistoryStore history;
    private final Background background;
    private final ObjectProperty<Loaded> loaded = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    private final BooleanProperty exporting = new SimpleBooleanProperty();
    private final javafx.beans.property.DoubleProperty exportProgress =
            new javafx.beans.property.SimpleDoubleProperty();
    private final StringProperty exportStatus = new SimpleStringProperty();
    private final ObjectProperty<List<Path>> exported = new SimpleObjectProperty<>();

    /** A comparison with each run's samples in a bounded series, ready to overlay. */
    public record Loaded(Comparison comparison, List<RunSeries> series) {
    }

    public CompareViewModel(HistoryStore history, Background background) {
        this.history = history;
        this.background = background;
    }

    /** Loads and compares {@code runIds} off the FX thread; the first is the baseline. */
    public void compare(List<Long> runIds) {
        busy.set(true);
        background.run(() -> load(runIds), result -> {
            busy.set(false);
            error.set(null);
            loaded.set(result);
        }, e -> {
            busy.set(false);
            error.set(Errors.oneLine(e));
        });
    }

    private Loaded load(List<Long> runIds) throws ConfigException {
        List<RunDetail> runs = new ArrayList<>();
        List<RunSeries> series = new ArrayList<>();
        for (long id : runIds) {
            RunDetail detail = history.detail(id).orElseThrow(() ->
                    new ConfigException("run " + id + " is not in the history " + history.file()));
            runs.add(detail);
            series.add(io.poollab.chart.StoredSeries.of(history, detail));
        }
        return new Loaded(Compare.of(runs), series);
    }

    /**
     * Writes the tuning report of the runs compared (HTML, PDF, CSV and the winner's config snippets) into
     * {@code dir}, off the FX thread, with progress per file.
     */
    public void export(Path dir) {
        Loaded current = loaded.get();
        if (current == null || exporting.get()) {
            return;
        }
        List<Long> ids = current.comparison().runs().stream().map(r -> r.summary().id()).toList();
        exporting.set(true);
        exportProgress.set(0);
        exportStatus.set("Reading runs " + ids + " from the history…");
        background.run(() -> {
            ReportContent content = ReportContent.load(history, ids, null, Instant.now());
            return ReportWriter.write(content, dir, EnumSet.allOf(ReportFormat.class), (file, done, total) ->
                    background.onFx(() -> {
                        exportProgress.set((double) done / total);
                        if (file != null) {
                            exportStatus.set("Writing " + file + " (" + (done + 1) + " of " + total + ")…");
                        }
                    }));
        }, files -> {
            exporting.set(false);
            exportProgress.set(1);
            exportStatus.set("Report written to " + dir + " (" + files.size() + " files)");
            exported.set(files);
        }, e -> {
            exporting.set(false);
            exportStatus.set("Export failed: " + Errors.oneLine(e));
        });
    }

    public BooleanProperty exportingProperty() {
        return exporting;
    }

    public javafx.beans.property.DoubleProperty exportProgressProperty() {
        return exportProgress;
    }

    public StringProperty exportStatusProperty() {
        return exportStatus;
    }

    /** The files of the last export that succeeded. */
    public ObjectProperty<List<Path>> exportedProperty() {
        return exported;
    }

    public ObjectProperty<Loaded> loadedProperty() {
        return loaded;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
