package io.poollab.ui.history;

import io.poollab.chart.RunSeries;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.ui.Background;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The History view's state: the runs (filtered by free text), the opened run's detail and its replayed samples.
 * Every history read or write runs in the background; results land here on the FX thread.
 */
public final class HistoryViewModel {

    /** Runs listed at most; a DBA filters rather than scrolls through more. */
    static final int LIST_LIMIT = 5_000;

    private final HistoryStore history;
    private final Background background;
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private final FilteredList<RunSummary> filtered = new FilteredList<>(runs);
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObjectProperty<Replay> opened = new SimpleObjectProperty<>();
    private final StringProperty error = new SimpleStringProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();

    /** A stored run, ready to show: its detail and its samples in the same bounded series as a live run. */
    public record Replay(RunDetail detail, RunSeries series) {
    }

    private final StringProperty diagnosis = new javafx.beans.property.SimpleStringProperty();
    private final BooleanProperty diagnosing = new javafx.beans.property.SimpleBooleanProperty();

    public HistoryViewModel(HistoryStore history, Background background) {
        this.history = history;
        this.background = background;
        filter.addListener((o, was, now) -> filtered.setPredicate(matching(now)));
    }

    static Predicate<RunSummary> matching(String text) {
        if (text == null || text.isBlank()) {
            return r -> true;
        }
        String needle = text.trim().toLowerCase(Locale.ROOT);
        return r -> String.join(" ", "#" + r.id(), String.valueOf(r.id()), nullToEmpty(r.label()), r.status(),
                nullToEmpty(r.tables()), nullToEmpty(r.poolMode()), nullToEmpty(r.health()))
                .toLowerCase(Locale.ROOT).contains(needle);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    public void refresh() {
        busy.set(true);
        background.run(() -> history.list(null, LIST_LIMIT), list -> {
            runs.setAll(list);
            busy.set(false);
            error.set(null);
        }, this::failed);
    }

    /** Loads a run's detail and samples, and replays them into a fresh series. */
    public void open(long runId) {
        busy.set(true);
        background.run(() -> load(runId), replay -> {
            opened.set(replay);
            busy.set(false);
            error.set(null);
        }, this::failed);
    }

    private Replay load(long runId) throws io.poollab.config.ConfigException {
        RunDetail detail = history.detail(runId).orElseThrow(() ->
                new io.poollab.config.ConfigException("run " + runId + " is not in the history " + history.file()));
        return new Replay(detail, io.poollab.chart.StoredSeries.of(history, detail));
    }

    public void delete(List<Long> runIds) {
        busy.set(true);
        background.run(() -> {
            for (long id : runIds) {
                history.delete(id);
            }
            return history.list(null, LIST_LIMIT);
        }, list -> {
            runs.setAll(list);
            Replay shown = opened.get();
            if (shown != null && runIds.contains(shown.detail().summary().id())) {
                opened.set(null);
            }
            busy.set(false);
        }, this::failed);
    }

    public void relabel(long runId, String label) {
        String clean = label == null || label.isBlank() ? null : label.strip();
        background.run(() -> {
            history.label(runId, clean);
            return history.list(null, LIST_LIMIT);
        }, list -> {
            runs.setAll(list);
            Replay shown = opened.get();
            if (shown != null && shown.detail().summary().id() == runId) {
                open(runId);
            }
        }, this::failed);
    }

    private void failed(Exception e) {
        busy.set(false);
        error.set(io.poollab.ui.Errors.oneLine(e));
    }

    /** All runs, unfiltered. */
    public ObservableList<RunSummary> runs() {
        return runs;
    }

    /** The runs matching {@link #filterProperty()}. */
    public FilteredList<RunSummary> filtered() {
        return filtered;
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObjectProperty<Replay> openedProperty() {
        return opened;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** The last diagnosis's verdict, one sentence a line; null before the first. */
    public StringProperty diagnosisProperty() {
        return diagnosis;
    }

    /** True while a diagnosis runs: its runs take the target, so a second one must wait. */
    public BooleanProperty diagnosingProperty() {
        return diagnosing;
    }

    /**
     * "Why was this slow?": runs {@code poollab diagnose} on the run's stored config (passwords come from
     * {@code ${env:…}} or ~/.pgpass, as for a resume), in the background, and sets {@link #diagnosisProperty}.
     */
    public void diagnose(long runId) {
        diagnosing.set(true);
        background.run(() -> {
            RunDetail detail = history.detail(runId).orElseThrow(() -> new io.poollab.config.ConfigException(
                    "run " + runId + " is not in the history " + history.file()));
            var loaded = io.poollab.config.RunConfigLoader.parse("run " + runId + " (stored config)",
                    detail.configYaml(), io.poollab.config.Overrides.NONE, System.getenv(),
                    history.file().toAbsolutePath().getParent());
            var plan = io.poollab.runner.DiagnoseRunner.plan(loaded.spec());
            var runner = new io.poollab.runner.DiagnoseRunner(new io.poollab.runner.RunLauncher(
                    new io.poollab.migrate.Engine(), history), history);
            var outcome = runner.run("why was run " + runId + " slow?", plan,
                    io.poollab.runner.DiagnoseRunner.MIN_REPEAT, new io.poollab.runner.DiagnoseRunner.Listener() {
                    }, e -> e);
            return io.poollab.analysis.Diagnosis.load(history, outcome.diagnosisId());
        }, d -> {
            diagnosing.set(false);
            diagnosis.set("Diagnosis " + d.diagnosisId() + " of run " + runId + ":\n" + String.join("\n",
                    d.verdict().stream().map(io.poollab.analysis.DiagnoseVerdict.Finding::sentence).toList()));
            refresh();
        }, e -> {
            diagnosing.set(false);
            error.set("Diagnosis of run " + runId + " failed: " + e.getMessage());
        });
    }

    public BooleanProperty busyProperty() {
        return busy;
    }
}
