package io.poollab.chart;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYAreaRenderer;
import org.jfree.chart.renderer.xy.XYItemRendererState;
import org.jfree.data.xy.XYDataset;

/**
 * A filled area that records no chart entities. JFreeChart's area renderer gives every item a hotspot clipped to
 * the data area with {@code java.awt.geom.Area}, which costs far more than drawing it, and the on-screen viewer asks
 * for entities on every redraw: with six stacked plots of up to 400 points that made each live redraw take hundreds
 * of milliseconds on the FX thread. Nothing in PoolLab reads those entities (the charts have no item tooltips or
 * clicks); the plots still record their data areas, which zooming uses.
 */
final class PlainAreaRenderer extends XYAreaRenderer {

    private static final long serialVersionUID = 1L;

    PlainAreaRenderer() {
        super(XYAreaRenderer.AREA);
    }

    @Override
    public XYItemRendererState initialise(Graphics2D g2, Rectangle2D dataArea, XYPlot plot, XYDataset data,
                                          PlotRenderingInfo info) {
        return super.initialise(g2, dataArea, plot, data, null);
    }
}
