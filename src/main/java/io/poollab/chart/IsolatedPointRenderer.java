package io.poollab.chart;

import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYDataset;

/**
 * Lines between measured neighbours, and a dot for a measurement with none: acquire waits are measured only in
 * intervals with borrows, which are sparse when connections are held per partition. Dots everywhere would cost a
 * shape per point on every redraw.
 */
final class IsolatedPointRenderer extends XYLineAndShapeRenderer {

    private static final long serialVersionUID = 1L;

    IsolatedPointRenderer() {
        super(true, true);
    }

    @Override
    public boolean getItemShapeVisible(int series, int item) {
        XYPlot plot = getPlot();
        XYDataset data = plot == null ? null : plot.getDataset(plot.getIndexOf(this));
        if (data == null) {
            return false;
        }
        boolean before = item > 0 && !Double.isNaN(data.getYValue(series, item - 1));
        boolean after = item + 1 < data.getItemCount(series) && !Double.isNaN(data.getYValue(series, item + 1));
        return !before && !after;
    }
}
