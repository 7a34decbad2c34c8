package io.poollab.config;

/**
 * How a run survives a transient database error (a lost connection, a server shutting down, a pool timeout, a
 * serialization failure or deadlock): the affected partition is redone up to {@code attempts} more times, waiting
 * {@code initialBackoffMs}, then twice as long each time, at most {@code maxBackoffMs}. {@code failFast} stops the
 * run at its first error instead. Any other error (bad SQL, a constraint) always stops the run.
 */
public record RetrySettings(int attempts, long initialBackoffMs, long maxBackoffMs, boolean failFast) {

    public static final int MAX_ATTEMPTS = 100;
    public static final long MAX_BACKOFF_MS = 600_000;

    /** 5 retries of 1, 2, 4, 8, 16 s: a server restart of half a minute is survived. */
    public static final RetrySettings DEFAULT = new RetrySettings(5, 1_000, 30_000, false);

    /** No retry at all: the first error stops the run. */
    public static final RetrySettings NONE = new RetrySettings(0, 1_000, 30_000, true);

    /** The wait before retry number {@code retry} (1 for the first). */
    public long backoffMs(int retry) {
        long backoff = initialBackoffMs;
        for (int i = 1; i < retry && backoff < maxBackoffMs; i++) {
            backoff *= 2;
        }
        return Math.min(backoff, maxBackoffMs);
    }

    /** The longest a partition can spend waiting between its attempts: the stated budget. */
    public long budgetMs() {
        long total = 0;
        for (int i = 1; i <= attempts; i++) {
            total += backoffMs(i);
        }
        return total;
    }
}
