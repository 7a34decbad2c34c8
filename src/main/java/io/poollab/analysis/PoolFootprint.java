package io.poollab.analysis;

import io.poollab.config.PoolMode;

/** How many connections a run's settings allow at once, both sides together: what a sweep's knee counts. */
public final class PoolFootprint {

    private PoolFootprint() {
    }

    public static int connections(PoolMode mode, int workers, int sourceMax, int targetMax) {
        return switch (mode) {
            case SHARED -> sourceMax + targetMax;
            case PER_WORKER -> workers * (sourceMax + targetMax);
            // A new connection per borrow: at most one per side per worker at a time.
            case UNPOOLED -> 2 * workers;
        };
    }

    /** The same, for a mode as the history stores it ({@code shared}, {@code per-worker}, {@code unpooled}). */
    public static int connections(String mode, int workers, int sourceMax, int targetMax) {
        for (PoolMode m : PoolMode.values()) {
            if (m.id().equals(mode)) {
                return connections(m, workers, sourceMax, targetMax);
            }
        }
        throw new IllegalArgumentException("unknown pool mode " + mode);
    }
}
