package io.poollab.migrate;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** PoolLab's process CPU and GC time between {@link #start} and {@link #stop}: the client side of the waits. */
final class ClientClock {

    private long cpuStartNanos = -1;
    private long gcStartMs;
    private long wallStartNanos;

    void start() {
        cpuStartNanos = processCpuNanos();
        gcStartMs = gcMs();
        wallStartNanos = System.nanoTime();
    }

    RunWaits.ClientUsage stop() {
        if (wallStartNanos == 0) {
            return RunWaits.ClientUsage.NONE;
        }
        long wallMs = (System.nanoTime() - wallStartNanos) / 1_000_000;
        long cpuEnd = processCpuNanos();
        long cpuMs = cpuStartNanos < 0 || cpuEnd < 0 ? -1 : (cpuEnd - cpuStartNanos) / 1_000_000;
        long gc = gcMs();
        return new RunWaits.ClientUsage(cpuMs, gc < 0 || gcStartMs < 0 ? -1 : gc - gcStartMs,
                Runtime.getRuntime().availableProcessors(), wallMs);
    }

    private static long processCpuNanos() {
        OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return sun.getProcessCpuTime();
        }
        return -1;
    }

    /** -1 when no collector reports its time. */
    private static long gcMs() {
        long sum = 0;
        boolean any = false;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            long t = gc.getCollectionTime();
            if (t >= 0) {
                sum += t;
                any = true;
            }
        }
        return any ? sum : -1;
    }
}
