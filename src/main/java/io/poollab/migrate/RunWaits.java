package io.poollab.migrate;

import io.poollab.config.Side;
import io.poollab.db.ServerWaits;
import java.util.EnumMap;
import java.util.Map;

/**
 * Where a run's time went outside the workers' own clock: what each side's server sessions were doing (their
 * states summed over the samples) and what PoolLab's process used.
 *
 * @param server per side; {@link ServerWaits#NONE} where the server was not sampled
 * @param client PoolLab's own CPU and GC over the copy
 */
public record RunWaits(Map<Side, ServerWaits> server, ClientUsage client) {

    public static final RunWaits NONE = new RunWaits(Map.of(), ClientUsage.NONE);

    public RunWaits {
        Map<Side, ServerWaits> copy = new EnumMap<>(Side.class);
        for (Side side : Side.values()) {
            copy.put(side, server.getOrDefault(side, ServerWaits.NONE));
        }
        server = Map.copyOf(copy);
    }

    public ServerWaits side(Side side) {
        return server.get(side);
    }

    /**
     * PoolLab's process over the copy phase.
     *
     * @param cpuMs  process CPU time (every thread of the JVM: with the GUI open, its rendering too); -1 when the
     *               JVM cannot tell
     * @param gcMs   collection time summed over the garbage collectors
     * @param cores  processors available to the JVM
     * @param wallMs the copy phase's wall time the figures cover
     */
    public record ClientUsage(long cpuMs, long gcMs, int cores, long wallMs) {

        public static final ClientUsage NONE = new ClientUsage(-1, -1, 0, 0);

        public boolean measured() {
            return cpuMs >= 0 && wallMs > 0 && cores > 0;
        }

        /** CPU time over what all cores could have given in the wall time: 1.0 is every core busy; NaN unmeasured. */
        public double cpuShare() {
            return measured() ? (double) cpuMs / ((double) wallMs * cores) : Double.NaN;
        }

        /** GC time over the wall time; NaN unmeasured. */
        public double gcShare() {
            return gcMs >= 0 && wallMs > 0 ? (double) gcMs / wallMs : Double.NaN;
        }
    }
}
