package io.poollab.config;

/**
 * The HikariCP settings of one side's pool, in HikariCP's own property names, with units in the Java names.
 * Instances are validated by {@link RunSpecValidator}; the engine never changes a value silently.
 */
public record PoolSettings(
        int maximumPoolSize,
        int minimumIdle,
        long connectionTimeoutMs,
        long idleTimeoutMs,
        long maxLifetimeMs,
        long keepaliveTimeMs,
        long validationTimeoutMs,
        long leakDetectionThresholdMs) {

    /** HikariCP 7's own defaults, except the size, which PoolLab sets from the worker count. */
    public static PoolSettings defaultsFor(int maximumPoolSize) {
        return new PoolSettings(maximumPoolSize, maximumPoolSize, 30_000, 600_000, 1_800_000, 120_000, 5_000, 0);
    }

    public PoolSettings withSize(int newMaximumPoolSize, int newMinimumIdle) {
        return new PoolSettings(newMaximumPoolSize, newMinimumIdle, connectionTimeoutMs, idleTimeoutMs,
                maxLifetimeMs, keepaliveTimeMs, validationTimeoutMs, leakDetectionThresholdMs);
    }

    /**
     * Another maximumPoolSize, the rest kept. A warm pool stays warm: minimumIdle follows the size when it was equal
     * to it (HikariCP's default); otherwise it is kept, lowered to the new size if it was above it.
     */
    public PoolSettings resizedTo(int newMaximumPoolSize) {
        int newMinimumIdle = minimumIdle == maximumPoolSize ? newMaximumPoolSize
                : Math.min(minimumIdle, newMaximumPoolSize);
        return withSize(newMaximumPoolSize, newMinimumIdle);
    }
}
