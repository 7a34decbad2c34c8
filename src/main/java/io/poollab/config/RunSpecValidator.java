package io.poollab.config;

import java.util.ArrayList;
import java.util.List;

/**
 * The one place where a run's values are checked against their limits: HikariCP's own rules (which HikariCP
 * enforces by silently clamping or disabling a setting, and PoolLab turns into errors, since a tuning tool must
 * never change a value without saying so), and PoolLab's. Problems name the config field; the loader adds the
 * file location.
 */
public final class RunSpecValidator {

    public static final int MAX_WORKERS = 1024;
    public static final int MAX_POOL_SIZE = 10_000;
    static final long MIN_CONNECTION_TIMEOUT_MS = 250;
    static final long MIN_IDLE_TIMEOUT_MS = 10_000;
    static final long MIN_LIFETIME_MS = 30_000;
    static final long MIN_KEEPALIVE_MS = 30_000;
    static final long MIN_LEAK_DETECTION_MS = 2_000;

    private RunSpecValidator() {
    }

    /** Errors and warnings; the spec may be used only when none is an error. */
    public static List<Problem> validate(RunSpec spec) {
        List<Problem> problems = new ArrayList<>();
        range(problems, "workers", spec.workers(), 1, MAX_WORKERS);
        range(problems, "batchRows", spec.batchRows(), 1, 1_000_000);
        range(problems, "sampleIntervalMs", spec.sampleIntervalMs(), 50, 60_000);
        spec.partitionsPerTable().ifPresent(n -> range(problems, "partitionsPerTable", n, 1, 100_000));
        RetrySettings retry = spec.retry();
        range(problems, "retry.attempts", retry.attempts(), 0, RetrySettings.MAX_ATTEMPTS);
        range(problems, "retry.initialBackoffMs", retry.initialBackoffMs(), 1, RetrySettings.MAX_BACKOFF_MS);
        range(problems, "retry.maxBackoffMs", retry.maxBackoffMs(), 1, RetrySettings.MAX_BACKOFF_MS);
        if (retry.maxBackoffMs() < retry.initialBackoffMs()) {
            problems.add(error("retry.maxBackoffMs", retry.maxBackoffMs() + " ms is less than initialBackoffMs "
                    + retry.initialBackoffMs() + " ms"));
        }
        if (spec.tables().isEmpty()) {
            problems.add(error("tables", "lists no table to copy; add at least one entry with a source"));
        }
        for (int i = 0; i < spec.tables().size(); i++) {
            TableSpec table = spec.tables().get(i);
            if (table.source() == null || table.source().isBlank()) {
                problems.add(error("tables[" + i + "].source", "is required"));
            }
        }
        for (Side side : Side.values()) {
            if (spec.poolMode() != PoolMode.UNPOOLED) {
                pool(problems, "pool." + side.id() + ".", spec.pool(side));
            }
            if (spec.profile(side).jdbcUrl() == null || spec.profile(side).jdbcUrl().isBlank()) {
                problems.add(error(side.id() + ".jdbcUrl", "is required"));
            }
            ConnectionProfile profile = spec.profile(side);
            problems.addAll(profile.network().problems(side.id() + ".", profile.jdbcUrl(), profile.properties()));
            if (spec.profile(side).password() instanceof Secret.Plaintext) {
                problems.add(Problem.warning("", side.id() + ".password", "a plaintext password in a config file; "
                        + "prefer ${env:VAR}, or omit it and let PostgreSQL read ~/.pgpass"));
            }
        }
        waitingWarning(problems, spec, Side.SOURCE);
        waitingWarning(problems, spec, Side.TARGET);
        return problems;
    }

    /** The problems of one side's pool settings, as for a config; used for live resizes too. */
    public static List<Problem> validatePool(Side side, PoolSettings pool) {
        List<Problem> problems = new ArrayList<>();
        pool(problems, "pool." + side.id() + ".", pool);
        return problems;
    }

    /** The problem with a worker count, if any; used for live changes too. */
    public static List<Problem> validateWorkers(int workers) {
        List<Problem> problems = new ArrayList<>();
        range(problems, "workers", workers, 1, MAX_WORKERS);
        return problems;
    }

    /** HikariCP's rules, from {@code HikariConfig.validateNumerics}, as errors. */
    private static void pool(List<Problem> problems, String prefix, PoolSettings pool) {
        range(problems, prefix + "maximumPoolSize", pool.maximumPoolSize(), 1, MAX_POOL_SIZE);
        if (pool.minimumIdle() < 0) {
            problems.add(error(prefix + "minimumIdle", "must be 0 or more, got " + pool.minimumIdle()));
        } else if (pool.minimumIdle() > pool.maximumPoolSize()) {
            problems.add(error(prefix + "minimumIdle", pool.minimumIdle() + " is more than maximumPoolSize "
                    + pool.maximumPoolSize() + "; HikariCP would silently lower it"));
        }
        if (pool.connectionTimeoutMs() < MIN_CONNECTION_TIMEOUT_MS) {
            problems.add(error(prefix + "connectionTimeout", "must be at least " + MIN_CONNECTION_TIMEOUT_MS
                    + " ms, got " + pool.connectionTimeoutMs() + " (0, wait forever, is not allowed: a run must "
                    + "never hang on an exhausted pool)"));
        }
        if (pool.validationTimeoutMs() < MIN_CONNECTION_TIMEOUT_MS) {
            problems.add(error(prefix + "validationTimeout", "must be at least " + MIN_CONNECTION_TIMEOUT_MS
                    + " ms, got " + pool.validationTimeoutMs()));
        }
        if (pool.maxLifetimeMs() != 0 && pool.maxLifetimeMs() < MIN_LIFETIME_MS) {
            problems.add(error(prefix + "maxLifetime", "must be 0 (no limit) or at least " + MIN_LIFETIME_MS
                    + " ms, got " + pool.maxLifetimeMs() + "; HikariCP would silently use its default"));
        }
        boolean idleMatters = pool.minimumIdle() < pool.maximumPoolSize();
        if (idleMatters && pool.idleTimeoutMs() != 0 && pool.idleTimeoutMs() < MIN_IDLE_TIMEOUT_MS) {
            problems.add(error(prefix + "idleTimeout", "must be 0 (never retire idle connections) or at least "
                    + MIN_IDLE_TIMEOUT_MS + " ms, got " + pool.idleTimeoutMs()));
        } else if (idleMatters && pool.maxLifetimeMs() > 0 && pool.idleTimeoutMs() + 1000 > pool.maxLifetimeMs()) {
            problems.add(error(prefix + "idleTimeout", pool.idleTimeoutMs() + " ms must be at least 1 s below "
                    + "maxLifetime " + pool.maxLifetimeMs() + " ms; HikariCP would silently disable it"));
        }
        if (pool.keepaliveTimeMs() != 0 && pool.keepaliveTimeMs() < MIN_KEEPALIVE_MS) {
            problems.add(error(prefix + "keepaliveTime", "must be 0 (off) or at least " + MIN_KEEPALIVE_MS
                    + " ms, got " + pool.keepaliveTimeMs()));
        } else if (pool.keepaliveTimeMs() != 0 && pool.maxLifetimeMs() != 0
                && pool.keepaliveTimeMs() >= pool.maxLifetimeMs()) {
            problems.add(error(prefix + "keepaliveTime", pool.keepaliveTimeMs() + " ms must be less than "
                    + "maxLifetime " + pool.maxLifetimeMs() + " ms"));
        }
        long leak = pool.leakDetectionThresholdMs();
        if (leak != 0 && (leak < MIN_LEAK_DETECTION_MS || (pool.maxLifetimeMs() > 0 && leak > pool.maxLifetimeMs()))) {
            problems.add(error(prefix + "leakDetectionThreshold", "must be 0 (off) or between "
                    + MIN_LEAK_DETECTION_MS + " ms and maxLifetime, got " + leak));
        }
    }

    // Fewer shared connections than workers is a legitimate experiment (backpressure), but say what will happen.
    private static void waitingWarning(List<Problem> problems, RunSpec spec, Side side) {
        int size = spec.pool(side).maximumPoolSize();
        if (spec.poolMode() == PoolMode.SHARED && spec.holdConnections() == HoldConnections.PER_PARTITION
                && size >= 1 && size < spec.workers()) {
            problems.add(Problem.warning("", "pool." + side.id() + ".maximumPoolSize", spec.workers()
                    + " workers share " + size + " " + side.id() + " connection" + (size == 1 ? "" : "s")
                    + " held per partition: " + (spec.workers() - size) + " will wait for a connection"));
        }
    }

    private static void range(List<Problem> problems, String field, long value, long min, long max) {
        if (value < min || value > max) {
            problems.add(error(field, "must be between " + min + " and " + String.format("%,d", max) + ", got "
                    + value));
        }
    }

    private static Problem error(String field, String message) {
        return Problem.error("", field, message);
    }
}
