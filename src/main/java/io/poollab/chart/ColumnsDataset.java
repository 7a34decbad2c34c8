package io.poollab.chart;

import java.util.List;
import org.jfree.data.DomainOrder;
import org.jfree.data.xy.AbstractXYDataset;
import org.jfree.data.xy.TableXYDataset;

/**
 * A JFreeChart view of some columns of a {@link RunSeries}, without copying: every chart reads the one bounded
 * buffer. A table dataset, so the occupancy chart can stack active, idle and pending.
 */
final class ColumnsDataset extends AbstractXYDataset implements TableXYDataset {

    private static final long serialVersionUID = 1L;

    private final transient RunSeries series;
    private final List<RunSeries.Column> columns;
    private final List<String> keys;
    private final boolean stacked;

    /**
     * @param stacked series {@code s} is the sum of columns 0..s (a missing value counts as 0), so that plain area
     *                renderers, drawn largest first, show a stack: one filled path per series, where JFreeChart's
     *                stacked renderer fills one polygon per point
     */
    ColumnsDataset(RunSeries series, List<RunSeries.Column> columns, List<String> keys, boolean stacked) {
        this.series = series;
        this.columns = List.copyOf(columns);
        this.keys = List.copyOf(keys);
        this.stacked = stacked;
    }

    /** Redraws every chart showing this data; called once per drain, never per sample. */
    void changed() {
        fireDatasetChanged();
    }

    @Override
    public int getSeriesCount() {
        return columns.size();
    }

    @Override
    public Comparable<String> getSeriesKey(int s) {
        return keys.get(s);
    }

    @Override
    public int getItemCount() {
        return series.size();
    }

    @Override
    public int getItemCount(int s) {
        return series.size();
    }

    @Override
    public DomainOrder getDomainOrder() {
        return DomainOrder.ASCENDING;
    }

    @Override
    public Number getX(int s, int item) {
        return series.x(item);
    }

    @Override
    public double getXValue(int s, int item) {
        return series.x(item);
    }

    @Override
    public Number getY(int s, int item) {
        double v = getYValue(s, item);
        return Double.isNaN(v) ? null : v;
    }

    @Override
    public double getYValue(int s, int item) {
        if (!stacked) {
            return series.y(columns.get(s), item);
        }
        double sum = 0;
        for (int c = 0; c <= s; c++) {
            double v = series.y(columns.get(c), item);
            sum += Double.isNaN(v) ? 0 : v;
        }
        return sum;
    }
}
