package io.poollab.ui.chart;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.Markers;
import io.poollab.chart.RunCharts;
import io.poollab.chart.RunSeries;
import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.awt.geom.Rectangle2D;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.canvas.Canvas;
import org.jfree.chart.ChartRenderingInfo;
import org.jfree.fx.FXGraphics2D;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Draws the run charts a few dozen times off screen on a low-priority thread, once the window is open. Without it
 * the first live redraws run JFreeChart's drawing code cold (classes loading, then interpreted) on the FX thread,
 * which froze the window for up to half a second as the first run started ({@code bench/fx-stall.sh}). The series
 * drawn here exists only for this: it goes onto a canvas that no scene shows, and is dropped.
 */
public final class ChartWarmUp {

    private static final Logger LOG = LoggerFactory.getLogger(ChartWarmUp.class);
    private static final int POINTS = 400;
    private static final int DRAWS = 40;
    private static final double WIDTH = 1400;
    private static final double HEIGHT = 640;

    private ChartWarmUp() {
    }

    /**
     * Starts the warm-up on a daemon thread of minimum priority, so that it only uses a core nothing else wants.
     *
     * @param then run on the FX thread once the charts are warm (the Run view builds its chart pane there)
     */
    public static void inBackground(ChartTheme theme, Runnable then) {
        Thread thread = new Thread(() -> {
            long start = System.nanoTime();
            run(theme, DRAWS);
            LOG.debug("run charts warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
            Platform.runLater(then);
        }, "poollab-chart-warm-up");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    /** Draws {@code draws} times, as the Run view does: a refresh, then the chart onto a canvas through FXGraphics2D. */
    static void run(ChartTheme theme, int draws) {
        RunSeries series = new RunSeries();
        for (int i = 0; i < POINTS; i++) {
            series.add(sample(i));
        }
        Markers.of(POINTS * 125L, "resize", "warm-up").ifPresent(series::addMarker);
        RunCharts charts = new RunCharts(series, theme);
        Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);
        for (int i = 0; i < draws; i++) {
            // A canvas that no scene shows may be drawn on from any thread; a new one each time keeps its command
            // buffer from growing.
            Canvas canvas = new Canvas(WIDTH, HEIGHT);
            charts.refresh();
            charts.chart().draw(new FXGraphics2D(canvas.getGraphicsContext2D()), area, new ChartRenderingInfo());
        }
    }

    private static RunSample sample(int i) {
        long elapsedMs = (i + 1) * 250L;
        int active = 2 + i % 3;
        long[] states = new long[WaitBucket.values().length];
        for (int s = 0; s < 5; s++) {
            states[(i + s * s) % states.length]++;
        }
        SideSample side = new SideSample(active, 4 - active, i % 7 == 0 ? 1 : 0, 4, 4, 0.05, 0.4 + i % 5, 1.5 + i % 9,
                3.0 + i % 11, i % 4 == 0 ? 0 : 10, 0, 0, 5, ServerWaits.sampled(states, Map.of()));
        return new RunSample(elapsedMs, elapsedMs * 40, elapsedMs * 4_000, 40_000 + (i % 13) * 500, 4, side, side);
    }
}
