package io.poollab.history;

import io.poollab.db.KeyRange;
import io.poollab.db.RowDigest;
import io.poollab.migrate.ResumePoint;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads runs back: the list, one run in full, its samples, and the checkpoints a resume needs. */
final class RunQueries {

    private static final String SUMMARY = """
            SELECT r.id, r.started_at, r.label, r.status, r.table_list, r.row_count, r.seconds, r.workers,
                   r.pool_mode, s.maximum_pool_size, t.maximum_pool_size,
                   GREATEST(s.acquire_p95_ms, t.acquire_p95_ms), r.health, r.resumed_from, r.sweep_id,
                   r.origin_host, r.origin_id
            FROM run r
            JOIN run_pool s ON s.run_id = r.id AND s.side = 'source'
            JOIN run_pool t ON t.run_id = r.id AND t.side = 'target'
            """;

    private RunQueries() {
    }

    /** Newest first. */
    static List<RunSummary> list(Connection connection, String label, int limit) throws SQLException {
        String sql = SUMMARY + (label == null ? "" : "WHERE r.label = ? ") + "ORDER BY r.id DESC LIMIT ?";
        List<RunSummary> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            int i = 0;
            if (label != null) {
                query.setString(++i, label);
            }
            query.setInt(++i, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    runs.add(summary(rs));
                }
            }
        }
        return runs;
    }

    static List<RunSummary> sweepRuns(Connection connection, long sweepId) throws SQLException {
        List<RunSummary> runs = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SUMMARY + "WHERE r.sweep_id = ? ORDER BY r.id")) {
            query.setLong(1, sweepId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    runs.add(summary(rs));
                }
            }
        }
        return runs;
    }

    static List<Double> similarRunSeconds(Connection connection, String sourceUrl, String tableList, int limit)
            throws SQLException {
        List<Double> seconds = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT DATEDIFF('MILLISECOND', started_at, ended_at) FROM run
                WHERE status = 'succeeded' AND ended_at IS NOT NULL AND source_url = ? AND table_list = ?
                ORDER BY id DESC LIMIT ?""")) {
            query.setString(1, sourceUrl);
            query.setString(2, tableList);
            query.setInt(3, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    seconds.add(rs.getLong(1) / 1000.0);
                }
            }
        }
        return seconds;
    }

    private static final String SWEEP = """
            SELECT id, label, started_at, ended_at, workers_list, pool_sizes, repeat_count, tolerance, pool_mode,
                   stop_reason
            FROM sweep
            """;

    static Optional<SweepRecord> sweep(Connection connection, long sweepId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SWEEP + "WHERE id = ?")) {
            query.setLong(1, sweepId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(sweep(rs)) : Optional.empty();
            }
        }
    }

    static List<SweepRecord> sweeps(Connection connection, int limit) throws SQLException {
        List<SweepRecord> sweeps = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(SWEEP + "ORDER BY id DESC LIMIT ?")) {
            query.setInt(1, limit);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    sweeps.add(sweep(rs));
                }
            }
        }
        return sweeps;
    }

    private static SweepRecord sweep(ResultSet rs) throws SQLException {
        return new SweepRecord(rs.getLong(1), rs.getString(2), instant(rs, 3), instant(rs, 4),
                integers(rs.getString(5)), integers(rs.getString(6)), rs.getInt(7), rs.getDouble(8), rs.getString(9),
                rs.getString(10));
    }

    private static List<Integer> integers(String commaSeparated) {
        return commaSeparated.isBlank() ? List.of()
                : Arrays.stream(commaSeparated.split(",")).map(Integer::valueOf).toList();
    }

    static Optional<RunSummary> summary(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(SUMMARY + "WHERE r.id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        }
    }

    private static RunSummary summary(ResultSet rs) throws SQLException {
        return new RunSummary(rs.getLong(1), instant(rs, 2), rs.getString(3), rs.getString(4), rs.getString(5),
                (Long) rs.getObject(6), (Double) rs.getObject(7), rs.getInt(8), rs.getString(9), rs.getInt(10),
                rs.getInt(11), (Double) rs.getObject(12), rs.getString(13), (Long) rs.getObject(14),
                (Long) rs.getObject(15), rs.getString(16), (Long) rs.getObject(17));
    }

    static Optional<RunDetail> detail(Connection connection, long runId) throws SQLException {
        Optional<RunSummary> summary = summary(connection, runId);
        if (summary.isEmpty()) {
            return Optional.empty();
        }
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT ended_at, host, pid, poollab_version, config_yaml, source_url, target_url, hold_connections,
                       batch_rows, verify, sample_interval_ms, byte_count, verify_seconds, read_ms, acquire_ms,
                       queue_wait_ms, write_ms, commit_ms, health_reasons, error
                FROM run WHERE id = ?""")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                Map<String, Long> time = new LinkedHashMap<>();
                String[] names = {"read", "acquire", "queueWait", "write", "commit"};
                for (int i = 0; i < names.length; i++) {
                    time.put(names[i], (Long) rs.getObject(14 + i));
                }
                return Optional.of(new RunDetail(summary.get(), instant(rs, 1), rs.getString(2), rs.getLong(3),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                        rs.getInt(9), rs.getString(10), rs.getInt(11), (Long) rs.getObject(12),
                        (Double) rs.getObject(13), time, rs.getString(19), rs.getString(20), pools(connection, runId),
                        tables(connection, runId), events(connection, runId), environment(connection, runId)));
            }
        }
    }

    private static Map<String, RunDetail.Pool> pools(Connection connection, long runId) throws SQLException {
        Map<String, RunDetail.Pool> pools = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT side, maximum_pool_size, minimum_idle, connection_timeout_ms, idle_timeout_ms,
                       max_lifetime_ms, keepalive_time_ms, validation_timeout_ms, leak_detection_threshold_ms,
                       peak_active, peak_pending, peak_total, peak_utilization, created, borrows, timeouts, errors,
                       acquire_p50_ms, acquire_p95_ms, acquire_p99_ms, acquire_max_ms, acquire_mean_ms,
                       usage_p50_ms, usage_p95_ms, usage_mean_ms, peak_db_sessions, creation_mean_ms, creation_p95_ms
                FROM run_pool WHERE run_id = ? ORDER BY side""")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    pools.put(rs.getString(1), new RunDetail.Pool(rs.getInt(2), rs.getInt(3), rs.getLong(4),
                            rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9),
                            (Integer) rs.getObject(10), (Integer) rs.getObject(11), (Integer) rs.getObject(12),
                            (Double) rs.getObject(13), (Long) rs.getObject(14), (Long) rs.getObject(15),
                            (Long) rs.getObject(16), (Long) rs.getObject(17), (Double) rs.getObject(18),
                            (Double) rs.getObject(19), (Double) rs.getObject(20), (Double) rs.getObject(21),
                            (Double) rs.getObject(22), (Double) rs.getObject(23), (Double) rs.getObject(24),
                            (Double) rs.getObject(25), (Integer) rs.getObject(26), (Double) rs.getObject(27),
                            (Double) rs.getObject(28)));
                }
            }
        }
        return pools;
    }

    private static List<RunDetail.Table> tables(Connection connection, long runId) throws SQLException {
        List<RunDetail.Table> tables = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT t.table_index, t.source_table, t.target_table, t.key_column, t.transfer, t.partitions,
                       (SELECT COUNT(*) FROM run_partition p WHERE p.run_id = t.run_id
                          AND p.table_index = t.table_index AND p.done),
                       t.estimated_rows, t.row_count, t.verified, t.source_checksum, t.target_checksum
                FROM run_table t WHERE t.run_id = ? ORDER BY t.table_index""")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    tables.add(new RunDetail.Table(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getInt(6), rs.getInt(7), rs.getLong(8), (Long) rs.getObject(9),
                            (Boolean) rs.getObject(10), rs.getString(11), rs.getString(12)));
                }
            }
        }
        return tables;
    }

    static List<RunDetail.Event> events(Connection connection, long runId) throws SQLException {
        List<RunDetail.Event> events = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT elapsed_ms, type, message FROM run_event WHERE run_id = ? ORDER BY seq")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    events.add(new RunDetail.Event(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
        }
        return events;
    }

    private static Map<String, RunDetail.Environment> environment(Connection connection, long runId)
            throws SQLException {
        Map<String, RunDetail.Environment> environment = new LinkedHashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT side, product, version, max_connections, sessions, client_cores, client_os, java_version
                FROM environment WHERE run_id = ? ORDER BY CASE side WHEN 'source' THEN 0 ELSE 1 END""")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    environment.put(rs.getString(1), new RunDetail.Environment(rs.getString(2), rs.getString(3),
                            (Integer) rs.getObject(4), (Integer) rs.getObject(5), rs.getInt(6), rs.getString(7),
                            rs.getString(8)));
                }
            }
        }
        return environment;
    }

    /** Every stored sample of a run, in time order, in the engine's own type (the GUI charts both alike). */
    static List<RunSample> samples(Connection connection, long runId) throws SQLException {
        List<RunSample> samples = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT * FROM sample WHERE run_id = ? ORDER BY elapsed_ms")) {
            query.setLong(1, runId);
            query.setFetchSize(10_000);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    samples.add(new RunSample(rs.getLong(2), rs.getLong(4), rs.getLong(5), rs.getDouble(6),
                            rs.getInt(7), side(rs, 8), side(rs, 21)));
                }
            }
        }
        return WaitRecords.attach(connection, runId, samples);
    }

    private static SideSample side(ResultSet rs, int from) throws SQLException {
        return new SideSample(rs.getInt(from), rs.getInt(from + 1), rs.getInt(from + 2), rs.getInt(from + 3),
                rs.getInt(from + 4), rs.getDouble(from + 5), rs.getDouble(from + 6), rs.getDouble(from + 7),
                rs.getDouble(from + 8), rs.getLong(from + 9), rs.getLong(from + 10), rs.getLong(from + 11),
                rs.getInt(from + 12));
    }

    /** The stored config text and its hash as recorded. */
    static Optional<String[]> config(Connection connection, long runId) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT config_yaml, config_hash, status FROM run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                return rs.next() ? Optional.of(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                        : Optional.empty();
            }
        }
    }

    static ResumePoint resumePoint(Connection connection, long runId) throws SQLException {
        Map<Integer, List<KeyRange>> ranges = new HashMap<>();
        Map<Integer, Map<Integer, ResumePoint.Done>> done = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT table_index, partition_index, lower_key, lower_inclusive, upper_key, done, row_count,
                       digest_rows, digest_sum, digest_mixed
                FROM run_partition WHERE run_id = ? ORDER BY table_index, partition_index""")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    int table = rs.getInt(1);
                    ranges.computeIfAbsent(table, t -> new ArrayList<>()).add(new KeyRange((Long) rs.getObject(3),
                            rs.getBoolean(4), (Long) rs.getObject(5)));
                    if (rs.getBoolean(6)) {
                        Long digestRows = (Long) rs.getObject(8);
                        RowDigest.Value digest = digestRows == null ? null
                                : new RowDigest.Value(digestRows, rs.getLong(9), rs.getLong(10));
                        done.computeIfAbsent(table, t -> new HashMap<>())
                                .put(rs.getInt(2), new ResumePoint.Done(rs.getLong(7), digest));
                    }
                }
            }
        }
        Map<Integer, ResumePoint.TableCheckpoint> tables = new HashMap<>();
        ranges.forEach((table, list) -> tables.put(table,
                new ResumePoint.TableCheckpoint(list, done.getOrDefault(table, Map.of()))));
        return new ResumePoint(runId, tables);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
