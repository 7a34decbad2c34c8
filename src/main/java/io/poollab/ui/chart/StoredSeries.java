package io.poollab.ui.chart;

import io.poollab.chart.Markers;
import io.poollab.chart.RunSeries;
import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;

/** A stored run's samples and event markers in the same bounded series a live run fills: for replays and overlays. */
public final class StoredSeries {

    private StoredSeries() {
    }

    /** Reads the samples from the history: call it off the FX thread. */
    public static RunSeries of(HistoryStore history, RunDetail run) throws ConfigException {
        RunSeries series = new RunSeries();
        history.samples(run.summary().id()).forEach(series::add);
        run.events().forEach(e -> Markers.of(e.elapsedMs(), e.type(), e.message()).ifPresent(series::addMarker));
        return series;
    }
}
