package io.poollab.ui.compare;

import io.poollab.analysis.Compare;
import io.poollab.analysis.Comparison;
import io.poollab.chart.RunSeries;
import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import java.util.ArrayList;
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
            series.add(io.poollab.ui.chart.StoredSeries.of(history, detail));
        }
        return new Loaded(Compare.of(runs), series);
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
