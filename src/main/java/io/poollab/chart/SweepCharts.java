package io.poollab.chart;

import io.poollab.analysis.Knee;
import io.poollab.analysis.SweepAnalysis;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * A sweep's three charts, each with the knee (a ring) and the recommended point (a square) marked: rows/s against
 * pool size with one line per worker count, the p95 acquire wait against pool size the same way, and a heatmap of
 * rows/s over the grid. Pool sizes are drawn evenly spaced, as the grid's categories, whatever their values.
 */
public final class SweepCharts {

    private static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private static final Font CELL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    /** Worker-count lines: Okabe–Ito hues not used for pool states. */
    private static final List<Color> WORKER_HUES = List.of(new Color(0x000000), new Color(0xCC79A7),
            new Color(0x009E73), new Color(0xD55E00), new Color(0x56B4E9), new Color(0xF0E442));
    private static final Color MARK = new Color(0xD55E00);

    private final SweepAnalysis sweep;

    public SweepCharts(SweepAnalysis sweep) {
        this.sweep = sweep;
    }

    public JFreeChart throughput(ChartTheme theme) {
        return lines("rows/s written", TickFormat.COMPACT, true, theme);
    }

    public JFreeChart p95Wait(ChartTheme theme) {
        return lines("p95 acquire wait (worse pool)", TickFormat.LATENCY, false, theme);
    }

    private JFreeChart lines(String yLabel, java.text.NumberFormat format, boolean rate, ChartTheme theme) {
        XYSeriesCollection data = new XYSeriesCollection();
        List<Integer> sizes = sweep.sweep().poolSizes();
        for (int workers : sweep.sweep().workers()) {
            XYSeries series = new XYSeries(workers + (workers == 1 ? " worker" : " workers"));
            for (SweepAnalysis.Position p : sweep.positions()) {
                double y = rate ? p.meanRate() : p.meanP95WaitMs();
                if (p.workers() == workers && !Double.isNaN(y)) {
                    series.add(sizes.indexOf(p.poolSize()), y);
                }
            }
            data.addSeries(series);
        }
        NumberAxis y = new NumberAxis(yLabel);
        y.setNumberFormatOverride(format);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, WORKER_HUES.get(s % WORKER_HUES.size()));
            renderer.setSeriesStroke(s, new BasicStroke(2f));
            renderer.setSeriesShape(s, new Ellipse2D.Double(-3, -3, 6, 6));
        }
        XYPlot plot = new XYPlot(data, poolAxis(), y, renderer);
        sweep.knee().ifPresent(k -> {
            mark(plot, k.knee(), rate, true);
            recommended().filter(r -> r != k.knee()).ifPresent(r -> mark(plot, r, rate, false));
        });
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, true);
        LegendTitle legend = chart.getLegend();
        legend.setPosition(RectangleEdge.TOP);
        legend.setItemFont(LABEL_FONT);
        style(chart, plot, theme);
        return chart;
    }

    /** The knee as a ring with its label; the recommended point, when elsewhere, as a square. */
    private void mark(XYPlot plot, Knee.Cell cell, boolean rate, boolean knee) {
        sweep.position(cell).ifPresent(p -> {
            double x = sweep.sweep().poolSizes().indexOf(p.poolSize());
            double y = rate ? p.meanRate() : p.meanP95WaitMs();
            if (Double.isNaN(y)) {
                return;
            }
            plot.addAnnotation(new PixelMark(x, y, knee, knee ? "knee: " + cell.workers() + " × " + cell.poolSize()
                    : "recommended"));
        });
    }

    /** rows/s over the grid: pool sizes across, worker counts up, each cell labelled with its figure. */
    public JFreeChart heatmap(ChartTheme theme) {
        List<Integer> sizes = sweep.sweep().poolSizes();
        List<Integer> workers = sweep.sweep().workers();
        int n = sweep.positions().size();
        double[][] xyz = new double[3][n];
        double best = 0;
        double worst = Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            SweepAnalysis.Position p = sweep.positions().get(i);
            xyz[0][i] = sizes.indexOf(p.poolSize());
            xyz[1][i] = workers.indexOf(p.workers());
            xyz[2][i] = p.meanRate();
            if (!Double.isNaN(p.meanRate())) {
                best = Math.max(best, p.meanRate());
                worst = Math.min(worst, p.meanRate());
            }
        }
        DefaultXYZDataset data = new DefaultXYZDataset();
        data.addSeries("rows/s", xyz);
        // From the slowest measured cell (palest) to the best (darkest): the spread is what a DBA compares.
        double low = worst == Double.MAX_VALUE ? 0 : worst;
        double span = Math.max(best - low, 1e-9);
        LookupPaintScale scale = new LookupPaintScale(low, best + span * 1e-6 + 1e-9, new Color(0xEEEEEE));
        Color high = new Color(0x0072B2);
        for (int step = 0; step < 10; step++) {
            scale.add(low + span * step / 10.0, Palette.strength(high, 0.12 + 0.09 * step));
        }
        double darkFrom = low + span * 0.5;
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis workerAxis = new SymbolAxis("workers", workers.stream().map(String::valueOf)
                .toArray(String[]::new));
        workerAxis.setGridBandsVisible(false);
        XYPlot plot = new XYPlot(data, poolAxis(), workerAxis, renderer);
        for (int i = 0; i < n; i++) {
            SweepAnalysis.Position p = sweep.positions().get(i);
            String text = Double.isNaN(p.meanRate()) ? (p.skipped() != null ? "skipped" : "failed")
                    : TickFormat.COMPACT.format(p.meanRate());
            XYTextAnnotation label = new XYTextAnnotation(text, xyz[0][i], xyz[1][i]);
            label.setFont(CELL_FONT);
            label.setPaint(!Double.isNaN(p.meanRate()) && p.meanRate() >= darkFrom ? Color.WHITE : Color.BLACK);
            plot.addAnnotation(label);
        }
        sweep.knee().ifPresent(k -> {
            outline(plot, k.knee(), "knee", new BasicStroke(3f));
            recommended().filter(r -> r != k.knee())
                    .ifPresent(r -> outline(plot, r, "recommended", new BasicStroke(2f, BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_MITER, 1f, new float[] {5f, 3f}, 0f)));
        });
        JFreeChart chart = new JFreeChart(null, LABEL_FONT, plot, false);
        style(chart, plot, theme);
        return chart;
    }

    private void outline(XYPlot plot, Knee.Cell cell, String label, BasicStroke stroke) {
        double x = sweep.sweep().poolSizes().indexOf(cell.poolSize());
        double y = sweep.sweep().workers().indexOf(cell.workers());
        plot.addAnnotation(new XYShapeAnnotation(new Rectangle2D.Double(x - 0.47, y - 0.47, 0.94, 0.94), stroke,
                MARK));
        XYTextAnnotation text = new XYTextAnnotation(label, x, y - 0.3);
        text.setFont(CELL_FONT.deriveFont(Font.BOLD));
        text.setPaint(Color.BLACK);
        text.setBackgroundPaint(Color.WHITE);
        plot.addAnnotation(text);
    }

    /** The recommended grid position, when the advice names one of the grid's cells. */
    private java.util.Optional<Knee.Cell> recommended() {
        return sweep.advice().flatMap(a -> sweep.positions().stream()
                .filter(p -> p.workers() == a.workers() && p.poolSize() == a.maximumPoolSize()).findFirst()
                .map(p -> sweep.knee().filter(k -> p.is(k.knee())).map(Knee.Result::knee)
                        .orElse(new Knee.Cell(p.workers(), p.poolSize(), p.connections(), p.rates()))));
    }

    private SymbolAxis poolAxis() {
        SymbolAxis axis = new SymbolAxis("maximumPoolSize (each pool)", sweep.sweep().poolSizes().stream()
                .map(String::valueOf).toArray(String[]::new));
        axis.setGridBandsVisible(false);
        return axis;
    }

    private static void style(JFreeChart chart, XYPlot plot, ChartTheme theme) {
        chart.setBackgroundPaint(theme.background());
        if (chart.getLegend() != null) {
            chart.getLegend().setBackgroundPaint(theme.background());
            chart.getLegend().setItemPaint(theme.text());
        }
        plot.setBackgroundPaint(theme.plot());
        plot.setDomainGridlinePaint(theme.grid());
        plot.setRangeGridlinePaint(theme.grid());
        plot.setOutlineVisible(false);
        for (var axis : List.of(plot.getDomainAxis(), plot.getRangeAxis())) {
            axis.setLabelPaint(theme.text());
            axis.setTickLabelPaint(theme.text());
            axis.setLabelFont(LABEL_FONT);
            axis.setTickLabelFont(CELL_FONT);
        }
    }

    /** A ring (knee) or square (recommended) of fixed pixel size around a data point. */
    private static final class PixelMark extends org.jfree.chart.annotations.AbstractXYAnnotation {
        private final double x;
        private final double y;
        private final boolean ring;
        private final String label;

        PixelMark(double x, double y, boolean ring, String label) {
            this.x = x;
            this.y = y;
            this.ring = ring;
            this.label = label;
        }

        @Override
        public void draw(java.awt.Graphics2D g, XYPlot plot, Rectangle2D area,
                         org.jfree.chart.axis.ValueAxis domain, org.jfree.chart.axis.ValueAxis range, int index,
                         org.jfree.chart.plot.PlotRenderingInfo info) {
            double px = domain.valueToJava2D(x, area, plot.getDomainAxisEdge());
            double py = range.valueToJava2D(y, area, plot.getRangeAxisEdge());
            g.setPaint(MARK);
            g.setStroke(new BasicStroke(2.5f));
            if (ring) {
                g.draw(new Ellipse2D.Double(px - 8, py - 8, 16, 16));
            } else {
                g.draw(new Rectangle2D.Double(px - 7, py - 7, 14, 14));
            }
            // Right of the mark, nudged up off the line it sits on; left of it near the right edge.
            g.setFont(LABEL_FONT.deriveFont(Font.BOLD));
            int width = g.getFontMetrics().stringWidth(label);
            double tx = px + 12 + width > area.getMaxX() ? px - 12 - width : px + 12;
            double ty = py - 10 < area.getMinY() + 12 ? py + 20 : py - 10;
            g.drawString(label, (float) tx, (float) ty);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PixelMark m && m.x == x && m.y == y && m.ring == ring && m.label.equals(label);
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(x, y, ring, label);
        }
    }
}
