package io.poollab.history;

import io.poollab.config.Side;
import io.poollab.db.KeyRange;
import io.poollab.db.ServerInfo;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunResult;
import io.poollab.pool.LatencyStats;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;

/** The recorder's writes for a run's plan, checkpoints and result; each runs inside the recorder's transaction. */
final class RunWrites {

    private RunWrites() {
    }

    static void plan(Connection connection, long runId, RunInfo info) throws SQLException {
        try (PreparedStatement table = connection.prepareStatement("""
                INSERT INTO run_table (run_id, table_index, source_table, target_table, key_column, transfer,
                                       partitions, estimated_rows)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?)""");
             PreparedStatement partition = connection.prepareStatement("""
                INSERT INTO run_partition (run_id, table_index, partition_index, lower_key, lower_inclusive,
                                           upper_key, done)
                VALUES (?, ?, ?, ?, ?, ?, FALSE)""")) {
            for (int t = 0; t < info.tables().size(); t++) {
                RunInfo.TablePlanInfo plan = info.tables().get(t);
                table.setLong(1, runId);
                table.setInt(2, t);
                table.setString(3, plan.source());
                table.setString(4, plan.target());
                table.setString(5, plan.key());
                table.setString(6, plan.transfer());
                table.setInt(7, plan.partitions());
                table.setLong(8, plan.estimatedRows());
                table.addBatch();
                for (int p = 0; p < plan.ranges().size(); p++) {
                    KeyRange range = plan.ranges().get(p);
                    partition.setLong(1, runId);
                    partition.setInt(2, t);
                    partition.setInt(3, p);
                    partition.setObject(4, range.lower(), Types.BIGINT);
                    partition.setBoolean(5, range.lowerInclusive());
                    partition.setObject(6, range.upper(), Types.BIGINT);
                    partition.addBatch();
                }
            }
            table.executeBatch();
            partition.executeBatch();
        }
    }

    static void environment(Connection connection, long runId, Side side, ServerInfo server) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO environment (run_id, side, product, version, max_connections, sessions, client_cores,
                                         client_os, java_version)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setLong(1, runId);
            insert.setString(2, side.id());
            insert.setString(3, server.product());
            insert.setString(4, Runs.truncate(server.version(), 200));
            insert.setObject(5, server.maxConnections() < 0 ? null : server.maxConnections(), Types.INTEGER);
            insert.setObject(6, server.currentSessions() < 0 ? null : server.currentSessions(), Types.INTEGER);
            insert.setInt(7, Runtime.getRuntime().availableProcessors());
            insert.setString(8, System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                    + System.getProperty("os.arch"));
            insert.setString(9, System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
            insert.executeUpdate();
        }
    }

    static void checkpoint(Connection connection, long runId, PartitionResult partition) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE run_partition SET done = TRUE, row_count = ?, byte_count = ?, millis = ?, worker = ?,
                       digest_rows = ?, digest_sum = ?, digest_mixed = ?
                WHERE run_id = ? AND table_index = ? AND partition_index = ?""")) {
            update.setLong(1, partition.rows());
            update.setLong(2, partition.bytes());
            update.setLong(3, partition.millis());
            update.setInt(4, partition.worker());
            boolean digest = partition.digest() != null;
            update.setObject(5, digest ? partition.digest().rows() : null, Types.BIGINT);
            update.setObject(6, digest ? partition.digest().sum() : null, Types.BIGINT);
            update.setObject(7, digest ? partition.digest().mixedSum() : null, Types.BIGINT);
            update.setLong(8, runId);
            update.setInt(9, partition.tableIndex());
            update.setInt(10, partition.index());
            update.executeUpdate();
        }
    }

    static void result(Connection connection, long runId, RunResult result, Instant now) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE run SET status = ?, ended_at = ?, row_count = ?, byte_count = ?, seconds = ?,
                       verify_seconds = ?, workers = ?, read_ms = ?, acquire_ms = ?, queue_wait_ms = ?, write_ms = ?,
                       commit_ms = ?, health = ?, health_reasons = ?, error = ?
                WHERE id = ?""")) {
            var time = result.timeBreakdown();
            int i = 0;
            update.setString(++i, result.status().id());
            update.setObject(++i, Runs.utc(now));
            update.setLong(++i, result.rows());
            update.setLong(++i, result.bytes());
            update.setDouble(++i, result.seconds());
            update.setDouble(++i, result.verifySeconds());
            update.setInt(++i, result.workers());
            update.setLong(++i, time.readMs());
            update.setLong(++i, time.acquireMs());
            update.setLong(++i, time.queueWaitMs());
            update.setLong(++i, time.writeMs());
            update.setLong(++i, time.commitMs());
            update.setString(++i, result.health().id());
            update.setString(++i, Runs.truncate(String.join("; ", result.healthReasons()), 4000));
            update.setString(++i, Runs.truncate(result.error(), 4000));
            update.setLong(++i, runId);
            update.executeUpdate();
        }
        for (Side side : Side.values()) {
            pool(connection, runId, side, result.pools().get(side));
        }
        tables(connection, runId, result);
        WaitRecords.result(connection, runId, result.waits());
    }

    private static void pool(Connection connection, long runId, Side side, RunResult.PoolSummary pool)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE run_pool SET maximum_pool_size = ?, minimum_idle = ?, peak_active = ?, peak_pending = ?,
                       peak_total = ?, peak_utilization = ?, created = ?, borrows = ?, timeouts = ?, errors = ?,
                       acquire_p50_ms = ?, acquire_p95_ms = ?, acquire_p99_ms = ?, acquire_max_ms = ?,
                       acquire_mean_ms = ?, usage_p50_ms = ?, usage_p95_ms = ?, usage_mean_ms = ?,
                       peak_db_sessions = ?, creation_mean_ms = ?, creation_p95_ms = ?
                WHERE run_id = ? AND side = ?""")) {
            LatencyStats acquire = pool.acquire();
            LatencyStats usage = pool.usage();
            int i = 0;
            update.setInt(++i, pool.settings().maximumPoolSize());
            update.setInt(++i, pool.settings().minimumIdle());
            update.setInt(++i, pool.peakActive());
            update.setInt(++i, pool.peakPending());
            update.setInt(++i, pool.peakTotal());
            update.setObject(++i, Double.isNaN(pool.peakUtilization()) ? null : pool.peakUtilization(), Types.DOUBLE);
            update.setLong(++i, pool.created());
            update.setLong(++i, pool.borrows());
            update.setLong(++i, pool.timeouts());
            update.setLong(++i, pool.errors());
            update.setDouble(++i, acquire.p50Ms());
            update.setDouble(++i, acquire.p95Ms());
            update.setDouble(++i, acquire.p99Ms());
            update.setDouble(++i, acquire.maxMs());
            update.setDouble(++i, acquire.meanMs());
            update.setDouble(++i, usage.p50Ms());
            update.setDouble(++i, usage.p95Ms());
            update.setDouble(++i, usage.meanMs());
            update.setObject(++i, pool.peakDbSessions() < 0 ? null : pool.peakDbSessions(), Types.INTEGER);
            update.setDouble(++i, pool.creation().meanMs());
            update.setDouble(++i, pool.creation().p95Ms());
            update.setLong(++i, runId);
            update.setString(++i, side.id());
            update.executeUpdate();
        }
    }

    private static void tables(Connection connection, long runId, RunResult result) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                UPDATE run_table SET row_count = ?, verified = ?, source_checksum = ?, target_checksum = ?
                WHERE run_id = ? AND table_index = ?""")) {
            for (int t = 0; t < result.tables().size(); t++) {
                RunResult.TableResult table = result.tables().get(t);
                update.setLong(1, table.rows());
                update.setObject(2, table.verified(), Types.BOOLEAN);
                update.setString(3, table.sourceChecksum());
                update.setString(4, table.targetChecksum());
                update.setLong(5, runId);
                update.setInt(6, t);
                update.addBatch();
            }
            update.executeBatch();
        }
    }
}
