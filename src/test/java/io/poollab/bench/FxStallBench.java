package io.poollab.bench;

import static io.poollab.ui.FxCalls.fx;
import static io.poollab.ui.FxCalls.fxValue;
import static io.poollab.ui.FxCalls.waitFor;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.poollab.db.KeyRange;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunListener;
import io.poollab.testing.Specs;
import io.poollab.ui.Background;
import io.poollab.ui.MainView;
import io.poollab.ui.UiTesting;
import io.poollab.ui.Workbench;
import io.poollab.ui.WorkbenchApp;
import io.poollab.ui.chart.ChartWarmUp;
import io.poollab.ui.run.RunMonitor;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.HdrHistogram.Histogram;

/**
 * The Run view's goal for long runs, on the FX thread itself: while an hour of samples is replayed into the real
 * workbench window (the Run page, its live charts, numbers, event log and table progress), no pulse waits more
 * than 100 ms. The samples go in through the run listener the engine uses, from a thread of their own, and the
 * view drains them at its own 4 Hz. At {@code --speed N} the hour is replayed in 60/N minutes, so each drain takes
 * N samples: more work per drain than a real run gives it, with the same chart size (the series keeps at most 400
 * points however long the run). {@code --speed 1} replays it in real time.
 *
 * <pre>bench/fx-stall.sh [--speed N] [--minutes M]</pre>
 */
public final class FxStallBench {

    private static final double STALL_MS = FxThreadWatch.STALL_MS;
    private static final double WIDTH = 1440;
    private static final double HEIGHT = 900;
    private static final int PARTITIONS = 1_000;
    private static final long LONG_PAUSE_MS = 50;

    private FxStallBench() {
    }

    public static void main(String[] args) throws Exception {
        int speed = intArg(args, "--speed", 8);
        int minutes = intArg(args, "--minutes", 60);
        int samples = (int) (minutes * 60_000L / SyntheticHour.INTERVAL_MS);
        Path home = Files.createTempDirectory("poollab-fx-stall");
        Platform.startup(() -> { });
        Workbench workbench = UiTesting.workbench(home, Background.forFx());
        MainView main = fx(() -> {
            MainView built = WorkbenchApp.build(workbench);
            Stage stage = new Stage();
            Scene scene = new Scene(built.root(), WIDTH, HEIGHT);
            workbench.themeProperty().get().apply(scene);
            stage.setScene(scene);
            stage.setTitle("PoolLab");
            stage.show();
            // As WorkbenchApp.start does once the window is shown.
            built.show(MainView.Page.RUN);
            ChartWarmUp.inBackground(workbench.chartTheme().getValue(), built.runView()::prepareCharts);
            return built;
        });
        // Let the window finish opening (the page's profiles load in the background, the charts warm up) before the
        // clock starts: what a user does before the first run.
        Thread.sleep(5_000);
        GcPauses gc = new GcPauses();
        long heapBefore = usedHeapAfterGc();
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        FxThreadWatch watch = new FxThreadWatch();
        RunMonitor monitor = new RunMonitor();
        long attachNanos = fx(() -> {
            watch.start();
            gc.clockStarts();
            long t = System.nanoTime();
            main.runView().model().monitorProperty().set(monitor);
            return System.nanoTime() - t;
        });
        System.out.printf(Locale.ROOT, "attaching the run to the view took %.1f ms on the FX thread%n",
                attachNanos / 1e6);
        long started = System.nanoTime();
        replay(monitor.listener(), samples, speed);
        long replayNanos = System.nanoTime() - started;
        // The view's last drain, then what the watch saw.
        long drainsAtEnd = fxValue(() -> monitor.drainsProperty().get());
        waitFor(5, () -> fxValue(() -> monitor.series().samplesSeen() == samples));
        FxThreadWatch.Report report = fx(watch::stop);
        List<String> replayPauses = List.copyOf(gc.longPauses());
        double loadAfter = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        long heapAfter = usedHeapAfterGc();

        System.out.printf(Locale.ROOT, "replayed %d min of samples (%,d at %d ms, %d resizes, %,d partitions) into "
                        + "the Run view at %d× speed, in %.1f min: %,d drains, each followed by one chart redraw%n",
                minutes, samples, SyntheticHour.INTERVAL_MS, monitor.series().markers().size(), PARTITIONS, speed,
                replayNanos / 6e10, drainsAtEnd);
        Histogram gaps = report.pulseGaps();
        System.out.printf(Locale.ROOT, "FX pulses: %,d; gap p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms, max %.1f ms; "
                        + "gaps over %.0f ms: %d (goal 0)%s%n", gaps.getTotalCount(),
                FxThreadWatch.Report.ms(gaps, 50), FxThreadWatch.Report.ms(gaps, 99),
                FxThreadWatch.Report.ms(gaps, 99.9), FxThreadWatch.Report.maxMs(gaps), STALL_MS,
                report.pulseGapsOver(STALL_MS), report.stalls().isEmpty() ? ""
                        : ": " + report.stalls().stream().map(Object::toString).collect(Collectors.joining(", ")));
        Histogram queue = report.queueDelays();
        System.out.printf(Locale.ROOT, "a task posted every 10 ms waited: p50 %.1f ms, p99 %.1f ms, max %.1f ms; "
                        + "over %.0f ms: %d of %,d%n", FxThreadWatch.Report.ms(queue, 50),
                FxThreadWatch.Report.ms(queue, 99), FxThreadWatch.Report.maxMs(queue), STALL_MS,
                report.queueDelaysOver(STALL_MS), queue.getTotalCount());
        System.out.printf(Locale.ROOT, "GC: %d pauses, %.0f ms in all, longest %.0f ms; heap after GC %.1f → %.1f MB; "
                        + "load average %.1f → %.1f on %d cores%n", gc.count(), gc.totalMs(), gc.longestMs(),
                heapBefore / 1e6, heapAfter / 1e6, loadBefore, loadAfter,
                Runtime.getRuntime().availableProcessors());
        if (!replayPauses.isEmpty()) {
            System.out.println("GC pauses of 50 ms or more during the replay: " + String.join(", ", replayPauses));
        }
        boolean met = report.pulseGapsOver(STALL_MS) == 0;
        System.out.println(met ? "goal met: the FX thread never stalled over 100 ms"
                : "GOAL MISSED: the FX thread stalled over 100 ms");
        Platform.exit();
        System.exit(met ? 0 : 1);
    }

    /** Feeds the hour through the engine's listener, paced to {@code speed} times real time. */
    private static void replay(RunListener listener, int samples, int speed) throws InterruptedException {
        SyntheticHour hour = new SyntheticHour(42);
        var spec = Specs.copy("jdbc:postgresql://127.0.0.1:5432/source", "jdbc:postgresql://127.0.0.1:5432/target",
                "public.posts", 6, 8);
        long rows = SyntheticHour.elapsedMs(samples - 1) * 40;
        listener.started(new RunInfo(1, spec, List.of(new RunInfo.TablePlanInfo("public.posts", "public.posts", "id",
                PARTITIONS, rows, "copy-binary", List.of())), rows, null, null, List.of(), List.of()));
        long start = System.nanoTime();
        int partition = 0;
        for (int i = 0; i < samples; i++) {
            hour.resizeBefore(i).ifPresent(listener::event);
            listener.sample(hour.sample(i));
            while (partition < (long) PARTITIONS * (i + 1) / samples) {
                listener.partitionCompleted(new PartitionResult("public.posts", 0, partition, KeyRange.ALL,
                        rows / PARTITIONS, rows / PARTITIONS * 100, 3_600, partition % 6, null));
                partition++;
            }
            long due = start + TimeUnit.MILLISECONDS.toNanos(SyntheticHour.elapsedMs(i)) / speed;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
        }
    }

    private static int intArg(String[] args, String name, int fallback) {
        for (int i = 0; i + 1 < args.length; i++) {
            if (args[i].equals(name)) {
                return Integer.parseInt(args[i + 1]);
            }
        }
        return fallback;
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** Every collection's pause from the JVM's own notifications, from construction on (the System.gc calls too). */
    private static final class GcPauses {
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong totalMs = new AtomicLong();
        private final AtomicLong longestMs = new AtomicLong();
        private final List<String> longPauses = new java.util.concurrent.CopyOnWriteArrayList<>();
        private volatile long watchStartUptime;

        GcPauses() {
            for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
                    if (notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                        var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData())
                                .getGcInfo();
                        long ms = info.getDuration();
                        if (ms >= LONG_PAUSE_MS) {
                            long at = info.getStartTime() - watchStartUptime;
                            longPauses.add(String.format(Locale.ROOT, "%d ms at %.1f s", ms, at / 1000.0));
                        }
                        count.incrementAndGet();
                        totalMs.addAndGet(ms);
                        longestMs.accumulateAndGet(ms, Math::max);
                    }
                }, null, null);
            }
        }

        /** Pauses from here on are timed in seconds after this call, as the watch times its stalls. */
        void clockStarts() {
            watchStartUptime = ManagementFactory.getRuntimeMXBean().getUptime();
            longPauses.clear();
        }

        /** The pauses of 50 ms or more since {@link #clockStarts()}, each "N ms at T s". */
        List<String> longPauses() {
            return longPauses;
        }

        long count() {
            return count.get();
        }

        double totalMs() {
            return totalMs.get();
        }

        double longestMs() {
            return longestMs.get();
        }
    }
}
