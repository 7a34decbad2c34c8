package io.poollab.history;

import io.poollab.config.PoolLabVersion;
import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.db.Connections;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The writes on the RUN table that are not a running recorder's: creating, failing, labelling, interrupting. */
final class Runs {

    private Runs() {
    }

    static long createSweep(Connection connection, String label, List<Integer> workers, List<Integer> poolSizes,
                            int repeat, double tolerance, String poolMode, Instant now) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO sweep (label, started_at, workers_list, pool_sizes, repeat_count, tolerance, pool_mode)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", Statement.RETURN_GENERATED_KEYS)) {
            insert.setString(1, label);
            insert.setObject(2, utc(now));
            insert.setString(3, join(workers));
            insert.setString(4, join(poolSizes));
            insert.setInt(5, repeat);
            insert.setDouble(6, tolerance);
            insert.setString(7, poolMode);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        }
    }

    static void endSweep(Connection connection, long sweepId, String stopReason, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE sweep SET ended_at = ?, stop_reason = ? WHERE id = ?")) {
            update.setObject(1, utc(now));
            update.setString(2, stopReason);
            update.setLong(3, sweepId);
            update.executeUpdate();
        }
    }

    static String redactedSource(RunSpec spec) {
        return Connections.redactUrl(spec.source().jdbcUrl());
    }

    /** The source tables, as RUN.TABLE_LIST holds them. */
    static String tableList(RunSpec spec) {
        return truncate(String.join(", ", spec.tables().stream().map(t -> t.source()).toList()), 4000);
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }

    static long create(Connection connection, RunSpec spec, Long resumedFrom, Long sweepId, Instant now)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO run (label, status, started_at, host, pid, poollab_version, config_yaml, config_hash,
                                 source_url, target_url, workers, pool_mode, hold_connections, batch_rows, verify,
                                 sample_interval_ms, resumed_from, table_list, sweep_id)
                VALUES (?, 'running', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                Statement.RETURN_GENERATED_KEYS)) {
            int i = 0;
            insert.setString(++i, spec.name());
            insert.setObject(++i, utc(now));
            insert.setString(++i, Host.name());
            insert.setLong(++i, Host.pid());
            insert.setString(++i, PoolLabVersion.get());
            insert.setString(++i, spec.configText());
            insert.setString(++i, sha256(spec.configText()));
            insert.setString(++i, redactedSource(spec));
            insert.setString(++i, Connections.redactUrl(spec.target().jdbcUrl()));
            insert.setInt(++i, spec.workers());
            insert.setString(++i, spec.poolMode().id());
            insert.setString(++i, spec.holdConnections().id());
            insert.setInt(++i, spec.batchRows());
            insert.setString(++i, spec.verify().id());
            insert.setInt(++i, spec.sampleIntervalMs());
            insert.setObject(++i, resumedFrom);
            insert.setString(++i, tableList(spec));
            insert.setObject(++i, sweepId);
            insert.executeUpdate();
            try (ResultSet keys = insert.getGeneratedKeys()) {
                keys.next();
                id = keys.getLong(1);
            }
        }
        for (Side side : Side.values()) {
            insertPool(connection, id, side, spec.pool(side));
        }
        return id;
    }

    private static void insertPool(Connection connection, long runId, Side side, PoolSettings pool)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO run_pool (run_id, side, maximum_pool_size, minimum_idle, connection_timeout_ms,
                    idle_timeout_ms, max_lifetime_ms, keepalive_time_ms, validation_timeout_ms,
                    leak_detection_threshold_ms)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, runId);
            insert.setString(2, side.id());
            insert.setInt(3, pool.maximumPoolSize());
            insert.setInt(4, pool.minimumIdle());
            insert.setLong(5, pool.connectionTimeoutMs());
            insert.setLong(6, pool.idleTimeoutMs());
            insert.setLong(7, pool.maxLifetimeMs());
            insert.setLong(8, pool.keepaliveTimeMs());
            insert.setLong(9, pool.validationTimeoutMs());
            insert.setLong(10, pool.leakDetectionThresholdMs());
            insert.executeUpdate();
        }
    }

    /** A run that never started copying (refused by the databases): failed, with the reason as an event. */
    static void fail(Connection connection, long runId, String reason, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET status = 'failed', ended_at = ?, error = ? WHERE id = ?")) {
            update.setObject(1, utc(now));
            update.setString(2, truncate(reason, 4000));
            update.setLong(3, runId);
            update.executeUpdate();
        }
        addEvent(connection, runId, 0, "error", reason);
    }

    /**
     * Runs of this host still marked running whose process is gone, or whose pid now belongs to a process that
     * started after the run did (the pid was reused), become interrupted.
     */
    static void markInterrupted(Connection connection, String host, Instant now) throws SQLException {
        List<long[]> orphans = new ArrayList<>();
        try (PreparedStatement find = connection.prepareStatement(
                "SELECT id, pid, started_at FROM run WHERE status = 'running' AND host = ?")) {
            find.setString(1, host);
            try (ResultSet rs = find.executeQuery()) {
                while (rs.next()) {
                    long pid = rs.getLong(2);
                    Instant started = rs.getObject(3, OffsetDateTime.class).toInstant();
                    boolean alive = ProcessHandle.of(pid)
                            .filter(p -> p.info().startInstant().map(s -> !s.isAfter(started)).orElse(true))
                            .map(ProcessHandle::isAlive).orElse(false);
                    if (!alive) {
                        orphans.add(new long[] {rs.getLong(1), pid});
                    }
                }
            }
        }
        for (long[] orphan : orphans) {
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE run SET status = 'interrupted', ended_at = ? WHERE id = ? AND status = 'running'")) {
                update.setObject(1, utc(now));
                update.setLong(2, orphan[0]);
                if (update.executeUpdate() == 1) {
                    addEvent(connection, orphan[0], lastElapsed(connection, orphan[0]), "error", "the process (pid "
                            + orphan[1] + ") ended without finishing the run; marked interrupted at " + now
                            + "; poollab run --resume " + orphan[0] + " completes it");
                }
            }
        }
    }

    static void addEvent(Connection connection, long runId, long elapsedMs, String type, String message)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO run_event (run_id, seq, elapsed_ms, type, message)
                VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM run_event WHERE run_id = ?), ?, ?, ?)""")) {
            insert.setLong(1, runId);
            insert.setLong(2, runId);
            insert.setLong(3, elapsedMs);
            insert.setString(4, type);
            insert.setString(5, truncate(message, 4000));
            insert.executeUpdate();
        }
    }

    private static long lastElapsed(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT COALESCE(MAX(elapsed_ms), 0) FROM sample WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static String truncate(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
