package io.poollab.bench;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.Markers;
import io.poollab.chart.RunCharts;
import io.poollab.chart.RunSeries;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The Run view's goal for long runs: during a simulated 1-hour run (14,400 samples, one every 250 ms, a resize
 * every 10 minutes), the chart buffer keeps bounded memory (heap growth &lt; 50 MB) and each redraw takes
 * &lt; 16 ms. Each sample is one drain, as at 4 Hz, followed by a full redraw of the stacked charts into a
 * 1400×640 image: the same JFreeChart drawing the on-screen viewer does (through FXGraphics2D onto its canvas).
 *
 * <pre>bench/ui-replay.sh</pre>
 */
public final class ChartReplayBench {

    private static final int SAMPLES = 3_600 * 4;
    private static final int WIDTH = 1400;
    private static final int HEIGHT = 640;

    private ChartReplayBench() {
    }

    public static void main(String[] args) {
        System.setProperty("java.awt.headless", "true");
        Random random = new Random(42);
        RunSeries series = new RunSeries();
        RunCharts charts = new RunCharts(series, ChartTheme.LIGHT);
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_ARGB);
        Rectangle2D area = new Rectangle2D.Double(0, 0, WIDTH, HEIGHT);
        // Warm up the drawing code (JIT, fonts) on a throwaway chart, as a window would have drawn already.
        warmUp(image, area);
        long heapBefore = usedHeapAfterGc();
        long[] redrawNanos = new long[SAMPLES];
        int max = 4;
        for (int i = 0; i < SAMPLES; i++) {
            long elapsedMs = (i + 1) * 250L;
            if (i > 0 && i % 2_400 == 0) {
                max = max == 4 ? 8 : 4;
                Markers.of(elapsedMs, "resize", "source pool resized: maximumPoolSize " + (max == 8 ? 4 : 8) + " → "
                        + max + ", minimumIdle 4 → 4").ifPresent(series::addMarker);
            }
            series.add(sample(random, elapsedMs, max));
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
        Random random = new Random(7);
        RunSeries warm = new RunSeries();
        RunCharts charts = new RunCharts(warm, ChartTheme.LIGHT);
        for (int i = 0; i < 1_500; i++) {
            warm.add(sample(random, (i + 1) * 250L, 4));
            charts.refresh();
            Graphics2D g = image.createGraphics();
            charts.chart().draw(g, area);
            g.dispose();
        }
    }

    private static RunSample sample(Random random, long elapsedMs, int max) {
        return new RunSample(elapsedMs, elapsedMs * 40, elapsedMs * 4_000, 35_000 + random.nextGaussian() * 5_000, 6,
                side(random, max), side(random, max));
    }

    private static SideSample side(Random random, int max) {
        int active = Math.min(max, 2 + random.nextInt(max));
        int pending = active == max ? random.nextInt(3) : 0;
        boolean borrowed = random.nextInt(4) == 0;
        double p50 = 0.02 + random.nextDouble() * 0.05;
        return new SideSample(active, max - active, pending, max, max, p50, p50 * 8, p50 * 30, p50 * 60,
                borrowed ? 1 + random.nextInt(20) : 0, 0, 0, max + 1);
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
