package io.poollab.chart;

import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.RunSample;
import java.util.List;

/** A stored run's samples and event markers in the same bounded series a live run fills: for replays and overlays. */
public final class StoredSeries {

    private StoredSeries() {
    }

    /** Reads the samples from the history: off the FX thread. */
    public static RunSeries of(HistoryStore history, RunDetail run) throws ConfigException {
        return of(history.samples(run.summary().id()), run);
    }

    /** Samples already read, with the run's event markers. */
    public static RunSeries of(List<RunSample> samples, RunDetail run) {
        RunSeries series = new RunSeries();
        samples.forEach(series::add);
        run.events().forEach(e -> Markers.of(e.elapsedMs(), e.type(), e.message()).ifPresent(series::addMarker));
        return series;
    }
}
