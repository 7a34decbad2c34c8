package io.poollab.report;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.OverlayCharts;
import io.poollab.chart.RunCharts;
import io.poollab.chart.RunSeries;
import io.poollab.chart.StoredSeries;
import io.poollab.chart.SweepCharts;
import io.poollab.history.RunDetail;
import io.poollab.text.Units;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.svg.SVGGraphics2D;
import org.jfree.svg.ViewBox;

/**
 * The report's charts, drawn by the same chart classes as the workbench (one colour and marker vocabulary): the
 * runs overlaid when there are several, then each run's own pool, wait and throughput charts. Each renders as SVG
 * for the HTML report and straight into the PDF as vector graphics.
 */
final class ReportCharts {

    /** One chart with its caption, drawn at {@code width} × {@code height} points. */
    record Chart(String caption, JFreeChart chart, int width, int height) {

        /** Scalable SVG (a viewBox, no fixed size) whose text stays text. */
        String svg() {
            SVGGraphics2D g = new SVGGraphics2D(width, height);
            draw(g, width, height);
            return g.getSVGElement(null, false, new ViewBox(0, 0, width, height), null, null);
        }

        void draw(Graphics2D g, double w, double h) {
            chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
        }
    }

    /** Narrower than a screen, so that the charts' 11–12 px text stays readable on an A4 page. */
    static final int WIDTH = 720;

    private ReportCharts() {
    }

    static List<Chart> of(ReportContent content) {
        List<Chart> charts = new ArrayList<>();
        content.sweep().ifPresent(sweep -> {
            SweepCharts grid = new SweepCharts(sweep);
            String marks = " The ring is the knee (the fewest connections within "
                    + Units.percent(sweep.sweep().tolerance()) + " of the best cell's rows/s); a square, the "
                    + "recommended point when it is elsewhere." + sweep.caveats().stream().map(c -> " Caveat: " + c
                    + ".").collect(java.util.stream.Collectors.joining());
            long id = sweep.sweep().id();
            charts.add(new Chart("Sweep " + id + ": rows/s against each pool's maximumPoolSize, one line per worker "
                    + "count (the mean of the repeats)." + marks, grid.throughput(ChartTheme.LIGHT), WIDTH, 360));
            charts.add(new Chart("Sweep " + id + ": p95 acquire wait of the worse pool against maximumPoolSize."
                    + marks, grid.p95Wait(ChartTheme.LIGHT), WIDTH, 320));
            charts.add(new Chart("Sweep " + id + ": rows/s over the grid, from the slowest cell (palest) to the fastest"
                    + " (darkest). The knee's cell is outlined, the recommended cell dashed when it is elsewhere.",
                    grid.heatmap(ChartTheme.LIGHT), WIDTH, 300));
        });
        List<RunSeries> series = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (RunDetail run : content.runs()) {
            series.add(StoredSeries.of(content.samples().get(run.summary().id()), run));
            labels.add(label(run, run == content.runs().get(0) && content.runs().size() > 1));
        }
        if (series.size() > 1) {
            charts.add(new Chart("Runs overlaid on elapsed time: throughput, connections in use (both pools) and the"
                    + " worse pool's p95 acquire wait. The baseline is drawn thicker; markers are live changes.",
                    new OverlayCharts(series, labels, ChartTheme.LIGHT).chart(), WIDTH, 500));
        }
        for (int i = 0; i < series.size(); i++) {
            RunCharts run = new RunCharts(series.get(i), ChartTheme.LIGHT);
            run.refresh();
            // The live view keeps at least 10 s on its time axis while a run starts; a finished run fits its own.
            ((org.jfree.chart.plot.XYPlot) run.chart().getPlot()).getDomainAxis().setAutoRangeMinimumSize(1);
            charts.add(new Chart(labels.get(i) + ": pool occupancy per side (active, idle, waiting; the"
                    + " maximumPoolSize line; DB sessions dashed), each side's server sessions stacked by state (CPU,"
                    + " IO, Lock, LWLock, Client, IPC, idle in transaction, idle, other), acquire wait p50/p95/p99,"
                    + " rows/s written.",
                    run.chart(), WIDTH, 760));
        }
        return charts;
    }

    static String label(RunDetail run, boolean baseline) {
        String label = run.summary().label();
        return "run " + run.summary().id() + (label == null || label.isBlank() ? "" : " " + label)
                + (baseline ? " (baseline)" : "");
    }
}
