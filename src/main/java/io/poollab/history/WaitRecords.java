package io.poollab.history;

import io.poollab.config.Side;
import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.RunWaits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Server waits and client usage in the history (schema 5): per sample, per run, and read back. */
final class WaitRecords {

    static final String INSERT_SAMPLE = "INSERT INTO sample_wait (run_id, elapsed_ms, side, cpu, io, lock_wait, "
            + "lwlock, client, ipc, idle_in_transaction, idle, other) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String BUCKET_COLUMNS = "cpu, io, lock_wait, lwlock, client, ipc, idle_in_transaction, "
            + "idle, other";

    private WaitRecords() {
    }

    /** Adds one side's waits at one sample to {@code insert}'s batch; nothing when the side was not sampled. */
    static void bindSample(PreparedStatement insert, long runId, long elapsedMs, Side side, ServerWaits waits)
            throws SQLException {
        if (!waits.sampled()) {
            return;
        }
        int i = 0;
        insert.setLong(++i, runId);
        insert.setLong(++i, elapsedMs);
        insert.setString(++i, side.id());
        for (WaitBucket bucket : WaitBucket.values()) {
            insert.setInt(++i, (int) Math.min(Integer.MAX_VALUE, waits.count(bucket)));
        }
        insert.addBatch();
    }

    /** The run's named wait events and client usage, with its result. */
    static void result(Connection connection, long runId, RunWaits waits) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE run SET process_cpu_ms = ?, gc_ms = ?, client_cores = ?, client_wall_ms = ? WHERE id = ?")) {
            RunWaits.ClientUsage client = waits.client();
            boolean measured = client.measured();
            setLong(update, 1, measured ? client.cpuMs() : null);
            setLong(update, 2, measured && client.gcMs() >= 0 ? client.gcMs() : null);
            if (measured) {
                update.setInt(3, client.cores());
            } else {
                update.setNull(3, Types.INTEGER);
            }
            setLong(update, 4, measured ? client.wallMs() : null);
            update.setLong(5, runId);
            update.executeUpdate();
        }
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run_wait_event WHERE run_id = ?")) {
            delete.setLong(1, runId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO run_wait_event (run_id, side, bucket, wait_event, samples) VALUES (?, ?, ?, ?, ?)")) {
            for (Side side : Side.values()) {
                for (Map.Entry<String, Long> e : waits.side(side).events().entrySet()) {
                    int colon = e.getKey().indexOf(':');
                    insert.setLong(1, runId);
                    insert.setString(2, side.id());
                    insert.setString(3, e.getKey().substring(0, colon));
                    insert.setString(4, Runs.truncate(e.getKey().substring(colon + 1), 200));
                    insert.setLong(5, e.getValue());
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** {@code samples} with their stored server waits attached. */
    static List<RunSample> attach(Connection connection, long runId, List<RunSample> samples) throws SQLException {
        Map<Long, Map<Side, ServerWaits>> byTime = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("SELECT elapsed_ms, side, " + BUCKET_COLUMNS
                + " FROM sample_wait WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    byTime.computeIfAbsent(rs.getLong(1), t -> new EnumMap<>(Side.class))
                            .put(side(rs.getString(2)),
                                    ServerWaits.sampled(counts(rs, 3), Map.of()));
                }
            }
        }
        if (byTime.isEmpty()) {
            return samples;
        }
        List<RunSample> out = new ArrayList<>(samples.size());
        for (RunSample s : samples) {
            Map<Side, ServerWaits> w = byTime.getOrDefault(s.elapsedMs(), Map.of());
            out.add(new RunSample(s.elapsedMs(), s.rows(), s.bytes(), s.rowsPerSecond(), s.workers(),
                    s.source().withWaits(w.getOrDefault(Side.SOURCE, ServerWaits.NONE)),
                    s.target().withWaits(w.getOrDefault(Side.TARGET, ServerWaits.NONE))));
        }
        return out;
    }

    /** A stored run's waits: each side's sums over its samples with the named events, and the client usage. */
    static Optional<RunWaits> waits(Connection connection, long runId) throws SQLException {
        RunWaits.ClientUsage client;
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT process_cpu_ms, gc_ms, client_cores, client_wall_ms FROM run WHERE id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long cpu = rs.getLong(1);
                client = rs.wasNull() ? RunWaits.ClientUsage.NONE : new RunWaits.ClientUsage(cpu,
                        rs.getObject(2) == null ? -1 : rs.getLong(2), rs.getInt(3), rs.getLong(4));
            }
        }
        Map<Side, Map<String, Long>> events = new EnumMap<>(Side.class);
        try (PreparedStatement query = connection.prepareStatement(
                "SELECT side, bucket, wait_event, samples FROM run_wait_event WHERE run_id = ?")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    events.computeIfAbsent(side(rs.getString(1)), s -> new HashMap<>())
                            .put(rs.getString(2) + ":" + rs.getString(3), rs.getLong(4));
                }
            }
        }
        Map<Side, ServerWaits> server = new EnumMap<>(Side.class);
        StringBuilder sums = new StringBuilder("SELECT side, COUNT(*)");
        for (String column : BUCKET_COLUMNS.split(", ")) {
            sums.append(", SUM(").append(column).append(')');
        }
        try (PreparedStatement query = connection.prepareStatement(sums
                + " FROM sample_wait WHERE run_id = ? GROUP BY side")) {
            query.setLong(1, runId);
            try (ResultSet rs = query.executeQuery()) {
                while (rs.next()) {
                    Side side = side(rs.getString(1));
                    server.put(side, new ServerWaits(counts(rs, 3), events.getOrDefault(side, Map.of()),
                            rs.getLong(2)));
                }
            }
        }
        return Optional.of(new RunWaits(server, client));
    }

    private static long[] counts(ResultSet rs, int from) throws SQLException {
        long[] counts = new long[WaitBucket.values().length];
        for (int i = 0; i < counts.length; i++) {
            counts[i] = rs.getLong(from + i);
        }
        return counts;
    }

    private static Side side(String id) {
        return Side.valueOf(id.toUpperCase(java.util.Locale.ROOT));
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }
}
