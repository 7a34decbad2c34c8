package io.poollab.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import org.HdrHistogram.Histogram;

/**
 * Watches the FX thread from two sides while a window is in use:
 * <ul>
 *   <li>the gap between pulses, taken by an {@link AnimationTimer} (which also keeps a pulse requested every
 *   frame): a pulse waits for the FX thread to finish what it is doing and for the render thread to finish the
 *   previous frame, so a long gap is exactly what a user sees as a frozen window;</li>
 *   <li>how long a task posted with {@link Platform#runLater} every 10 ms waits before it runs: the delay a click or
 *   a key press would have had.</li>
 * </ul>
 * Both histograms are written on the FX thread only, and read there by {@link #stop()}.
 */
final class FxThreadWatch {

    private static final long MAX_MICROS = TimeUnit.MINUTES.toMicros(10);
    static final double STALL_MS = 100;
    private static final long STALL_NANOS = (long) (STALL_MS * 1e6);

    private final Histogram pulseGaps = new Histogram(MAX_MICROS, 3);
    private final Histogram queueDelays = new Histogram(MAX_MICROS, 3);
    private final ScheduledExecutorService pinger = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "fx-watch-pinger");
        thread.setDaemon(true);
        return thread;
    });
    private final AnimationTimer pulses = new AnimationTimer() {
        private long last;

        @Override
        public void handle(long ignored) {
            long now = System.nanoTime();
            if (last != 0) {
                record(pulseGaps, now - last);
                if (now - last > STALL_NANOS && stalls.size() < 50) {
                    stalls.add(new Stall((now - startedNanos) / 1e9, (now - last) / 1e6));
                }
            }
            last = now;
        }
    };
    private final List<Stall> stalls = new ArrayList<>();
    private long startedNanos;

    /** A pulse gap over 100 ms: when it ended, in seconds after {@link #start()}, and how long it was. */
    record Stall(double atSeconds, double millis) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.0f ms at %.1f s", millis, atSeconds);
        }
    }

    /** What was seen; times in milliseconds. */
    record Report(Histogram pulseGaps, Histogram queueDelays, List<Stall> stalls) {

        long pulseGapsOver(double millis) {
            return countOver(pulseGaps, millis);
        }

        long queueDelaysOver(double millis) {
            return countOver(queueDelays, millis);
        }

        static double ms(Histogram h, double percentile) {
            return h.getValueAtPercentile(percentile) / 1_000.0;
        }

        static double maxMs(Histogram h) {
            return h.getMaxValue() / 1_000.0;
        }

        private static long countOver(Histogram h, double millis) {
            long micros = (long) (millis * 1_000);
            return h.getTotalCount() - h.getCountBetweenValues(0, micros);
        }
    }

    /** Starts watching; call on the FX thread. */
    void start() {
        startedNanos = System.nanoTime();
        pulses.start();
        pinger.scheduleAtFixedRate(() -> {
            long posted = System.nanoTime();
            Platform.runLater(() -> record(queueDelays, System.nanoTime() - posted));
        }, 10, 10, TimeUnit.MILLISECONDS);
    }

    /** Stops watching and says what was seen; call on the FX thread. */
    Report stop() {
        pinger.shutdownNow();
        pulses.stop();
        return new Report(pulseGaps.copy(), queueDelays.copy(), List.copyOf(stalls));
    }

    private static void record(Histogram histogram, long nanos) {
        histogram.recordValue(Math.min(MAX_MICROS, nanos / 1_000));
    }
}
