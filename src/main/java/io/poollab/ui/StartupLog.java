package io.poollab.ui;

import java.util.ArrayList;
import java.util.List;

/**
 * With {@code POOLLAB_STARTUP_LOG} set, the wall clock at the end of each startup phase, printed as one line on
 * stderr once the first window is on screen (bench/startup.sh reads it). Without it every call is a no-op, so the
 * startup path pays nothing for being measured.
 */
public final class StartupLog {

    private static final boolean ON = System.getenv("POOLLAB_STARTUP_LOG") != null;
    private static final List<String> PHASES = new ArrayList<>();
    private static final List<Long> ENDS_MS = new ArrayList<>();

    private StartupLog() {
    }

    /** Notes that a phase ended now; called from the launcher, FX and history threads. */
    public static void mark(String phase) {
        if (ON) {
            long now = System.currentTimeMillis();
            synchronized (PHASES) {
                PHASES.add(phase);
                ENDS_MS.add(now);
            }
        }
    }

    /**
     * The first window is showing: prints the epoch (for a launcher script to subtract its own start from), the
     * time since the JVM started, the CPU time used, and each phase's end since the JVM started.
     */
    static void shown() {
        if (!ON) {
            return;
        }
        long now = System.currentTimeMillis();
        // Read after the window is up, so loading the management classes does not count against the start.
        long jvmStart = java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime();
        // CPU time of all threads so far: on a shared machine it varies far less than the wall clock.
        long cpuMs = java.lang.management.ManagementFactory.getPlatformMXBean(
                com.sun.management.OperatingSystemMXBean.class).getProcessCpuTime() / 1_000_000;
        StringBuilder phases = new StringBuilder();
        synchronized (PHASES) {
            for (int i = 0; i < PHASES.size(); i++) {
                phases.append(i == 0 ? "" : ", ").append(PHASES.get(i)).append(' ')
                        .append(ENDS_MS.get(i) - jvmStart);
            }
        }
        System.err.printf("startup: first window shown at epoch %d ms, %d ms after the JVM started, %d ms of CPU "
                + "(phases ended at, ms after the JVM started: %s)%n", now, now - jvmStart, cpuMs, phases);
    }
}
