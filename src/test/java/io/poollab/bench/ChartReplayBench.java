package io.poollab.bench;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.Markers;
import io.poollab.chart.RunCharts;
import io.poollab.chart.RunSeries;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Run view's goal for long runs: during a simulated 1-hour run (14,400 samples, one every 250 ms, a resize
 * every 10 minutes), the chart buffer keeps bounded memory (heap growth &lt; 50 MB) and each redraw takes
 * &lt; 16 ms. Each sample is one drain, as at 4 Hz, followed by a full redraw of the stacked charts into a
 * 1400×640 image: the same JFreeChart drawing the on-screen viewer does (through FXGraphics2D onto its canvas).
 *
 * <pre>bench/ui-replay.sh</pre>
 */
public final class ChartReplayBench {

    private static final int SAMPLES = SyntheticHour.SAMPLES_PER_HOUR;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 640;

    private ChartReplayBench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        SyntheticHour hour = new SyntheticHour(42);
        RunSeries series = new RunSeries();
        RunCharts charts = new RunCharts(series, ChartTheme.LIGHT);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);
        // Warm up the drawing code (JIT, fonts) on a throwaway chart, as a window would have drawn already.
        warmUp(image, area);
        long heapBefore = usedHeapAfterGc();
        long[] redrawNanos = new long[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            hour.resizeBefore(i).flatMap(e -> Markers.of(e.elapsedMs(), e.type().id(), e.message()))
                    .ifPresent(series::addMarker);
            series.add(hour.sample(i));
            long start = System.nanoTime();
            charts.refresh();
            Graphics2D g = image.createGraphics();
            charts.chart().draw(g, area);
            g.dispose();
            redrawNanos[i] = System.nanoTime() - start;
        }
        long heapAfter = usedHeapAfterGc();
        Arrays.sort(redrawNanos);
        System.out.printf(Locale.ROOT, "simulated 1-hour run: %,d samples, %d chart points kept (%d samples each), "
                + "%d markers%n", series.samplesSeen(), series.size(), series.stride(), series.markers().size());
        System.out.printf(Locale.ROOT, "redraw %dx%d: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms (goal < 16 ms)%n",
                WIDTH, HEIGHT, ms(redrawNanos, 0.50), ms(redrawNanos, 0.95), ms(redrawNanos, 0.99),
                redrawNanos[SAMPLES - 1] / 1e6);
        System.out.printf(Locale.ROOT, "heap after GC: %.1f MB before, %.1f MB after, growth %.1f MB (goal < 50 MB)%n",
                heapBefore / 1e6, heapAfter / 1e6, (heapAfter - heapBefore) / 1e6);
    }

    private static void warmUp(BufferedImage image, Rectangle2D area) {
        SyntheticHour hour = new SyntheticHour(7);
        RunSeries warm = new RunSeries();
        RunCharts charts = new RunCharts(warm, ChartTheme.LIGHT);
        for (int i = 0; i < 1_500; i++) {
            warm.add(hour.sample(i));
            charts.refresh();
            Graphics2D g = image.createGraphics();
            charts.chart().draw(g, area);
            g.dispose();
        }
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e6;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
