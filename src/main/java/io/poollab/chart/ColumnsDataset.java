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

    /** @param stacked a stack counts a missing value (an unpooled side's idle) as 0, or the stack would break */
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
        double v = series.y(columns.get(s), item);
        return stacked && Double.isNaN(v) ? 0 : v;
    }
}
