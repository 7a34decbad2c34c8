package io.poollab.migrate;

import io.poollab.config.ConnectSettings;
import io.poollab.config.VerifyMode;
import io.poollab.db.Connections;
import io.poollab.db.Dialect;
import io.poollab.db.KeyRange;
import io.poollab.db.RowDigest;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Reads the target back after the copy and compares it with what was read from the source: row counts, or the
 * order-independent digest of every row. It uses connections of its own, outside the measured pools, so that the
 * pool figures describe the copy alone. Partitions are checked in parallel, one connection per thread.
 */
final class Verifier {

    private final Dialect targetDialect;
    private final ConnectSettings connect;
    private final int threads;
    private final String threadPrefix;

    Verifier(Dialect targetDialect, ConnectSettings connect, int threads, String threadPrefix) {
        this.targetDialect = targetDialect;
        this.connect = connect;
        this.threads = Math.max(1, threads);
        this.threadPrefix = threadPrefix;
    }

    List<RunResult.TableResult> verify(List<TableState> tables, VerifyMode mode)
            throws SQLException, InterruptedException {
        List<RunResult.TableResult> results = new ArrayList<>();
        if (mode == VerifyMode.NONE) {
            for (TableState table : tables) {
                results.add(result(table, null, null, null, -1));
            }
            return results;
        }
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(threads);
        ExecutorService executor = Executors.newFixedThreadPool(threads, r -> new Thread(r, threadPrefix + "verify"));
        try {
            for (int i = 0; i < threads; i++) {
                Connection connection = Connections.open(connect);
                connection.setAutoCommit(false);
                connections.add(connection);
            }
            for (TableState table : tables) {
                results.add(mode == VerifyMode.COUNTS ? counts(table, connections) : checksum(table, connections, executor));
            }
            return results;
        } finally {
            executor.shutdownNow();
            for (Connection connection : connections) {
                connection.close();
            }
        }
    }

    private RunResult.TableResult counts(TableState table, BlockingQueue<Connection> connections)
            throws SQLException, InterruptedException {
        Connection connection = connections.take();
        try {
            long targetRows = targetDialect.countRows(connection, table.plan.targetRef(), "")
                    - table.plan.targetRowsBefore();
            connection.rollback();
            return result(table, targetRows == table.rows.get(), null, null, targetRows);
        } finally {
            connections.add(connection);
        }
    }

    private RunResult.TableResult checksum(TableState table, BlockingQueue<Connection> connections,
                                           ExecutorService executor) throws SQLException, InterruptedException {
        List<Future<RowDigest>> parts = new ArrayList<>();
        int columns = table.plan.sourceColumns().size();
        for (var range : coalesced(table.plan.partitions(), threads)) {
            parts.add(executor.submit(() -> {
                Connection connection = connections.take();
                try {
                    RowDigest digest = new RowDigest();
                    table.verifyReader.read(connection, range, 0, new DiscardSink(columns), digest);
                    connection.rollback();
                    return digest;
                } finally {
                    connections.add(connection);
                }
            }));
        }
        RowDigest target = new RowDigest();
        for (Future<RowDigest> part : parts) {
            try {
                target.merge(part.get());
            } catch (ExecutionException e) {
                throw e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getCause());
            }
        }
        RowDigest copied = target.minus(table.targetBefore);
        RowDigest source = table.sourceDigest();
        return result(table, copied.sameRowsAs(source), source.hex(), copied.hex(), copied.rows());
    }

    /**
     * Adjacent partitions merged into at most {@code groups} ranges: reading the target back needs parallelism,
     * not the copy's partitioning, and every range is a separate index scan on the server.
     */
    static List<KeyRange> coalesced(List<KeyRange> partitions, int groups) {
        if (partitions.size() <= groups) {
            return partitions;
        }
        List<KeyRange> merged = new ArrayList<>(groups);
        for (int g = 0; g < groups; g++) {
            KeyRange first = partitions.get(g * partitions.size() / groups);
            KeyRange last = partitions.get((g + 1) * partitions.size() / groups - 1);
            merged.add(new KeyRange(first.lower(), first.lowerInclusive(), last.upper()));
        }
        return merged;
    }

    private static RunResult.TableResult result(TableState table, Boolean verified, String sourceChecksum,
                                                String targetChecksum, long targetRows) {
        return new RunResult.TableResult(table.plan.label(), table.plan.targetRef().toString(), table.rows.get(),
                table.plan.partitions().size(), verified, sourceChecksum, targetChecksum, targetRows);
    }
}
