package io.poollab.chart;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;

/**
 * A JFreeChart view of {@link RunSeries} buffers, without copying: each series reads one value per point of one
 * run's buffer. The run charts read columns of one run; a comparison reads the same value of several runs.
 */
final class SeriesDataset extends AbstractXYDataset {

    private static final long serialVersionUID = 1L;

    /** The value of a series at one point of its buffer; NaN where nothing was measured. */
    interface Value {
        double at(RunSeries run, int item);
    }

    private record Source(String key, RunSeries run, Value value) {
    }

    private final transient List<Source> sources = new ArrayList<>();

    SeriesDataset add(String key, RunSeries run, Value value) {
        sources.add(new Source(key, run, value));
        return this;
    }

    /** Columns of one run, series {@code s} being column {@code s}. */
    static SeriesDataset columns(RunSeries run, List<RunSeries.Column> columns, List<String> keys) {
        SeriesDataset dataset = new SeriesDataset();
        for (int i = 0; i < columns.size(); i++) {
            RunSeries.Column column = columns.get(i);
            dataset.add(keys.get(i), run, (r, item) -> r.y(column, item));
        }
        return dataset;
    }

    /**
     * Columns of one run stacked: series {@code s} is the sum of columns 0..s (a missing value counts as 0), so that
     * plain area renderers, drawn largest first, show a stack with one filled path per series, where JFreeChart's
     * stacked renderer fills one polygon per point.
     */
    static SeriesDataset stacked(RunSeries run, List<RunSeries.Column> columns, List<String> keys) {
        SeriesDataset dataset = new SeriesDataset();
        for (int i = 0; i < columns.size(); i++) {
            List<RunSeries.Column> below = columns.subList(0, i + 1);
            dataset.add(keys.get(i), run, (r, item) -> {
                double sum = 0;
                for (RunSeries.Column c : below) {
                    double v = r.y(c, item);
                    sum += Double.isNaN(v) ? 0 : v;
                }
                return sum;
            });
        }
        return dataset;
    }

    /** Redraws every chart showing this data; called once per drain, never per sample. */
    void changed() {
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return sources.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int s) {
        return sources.get(s).key();
    }

    @Override
    public int getItemCount(int s) {
        return sources.get(s).run().size();
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public Number getX(int s, int item) {
        return sources.get(s).run().x(item);
    }

    @Override
    public double getXValue(int s, int item) {
        return sources.get(s).run().x(item);
    }

    @Override
    public Number getY(int s, int item) {
        double v = getYValue(s, item);
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public double getYValue(int s, int item) {
        Source source = sources.get(s);
        return source.value().at(source.run(), item);
    }
}
