package io.poollab.migrate;

import io.poollab.config.HoldConnections;
import io.poollab.config.Side;
import io.poollab.config.VerifyMode;
import io.poollab.db.ByteChunk;
import io.poollab.db.Chunk;
import io.poollab.db.KeyRange;
import io.poollab.db.ReadResult;
import io.poollab.db.RowChunk;
import io.poollab.db.RowDigest;
import io.poollab.db.UnitWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * One worker: takes partitions until none are left (or it is told to stop), and copies each with a reader on a
 * companion thread and the writer on its own thread, joined by a {@link ChunkQueue}. In per-worker pool mode the
 * worker's own pools open when it starts and close when it stops.
 */
final class Worker implements Runnable {

    private final int index;
    private final MigrationRun run;
    private final ExecutorService readerThread;
    private final Map<TableState, ChunkQueue> queues = new HashMap<>();
    private Attempt attempt = new Attempt();

    Worker(int index, MigrationRun run) {
        this.index = index;
        this.run = run;
        this.readerThread = Executors.newSingleThreadExecutor(
                r -> new Thread(r, run.threadName("worker-" + index + "-reader")));
    }

    @Override
    public void run() {
        try {
            run.pool(Side.SOURCE).workerStarted(index);
            run.pool(Side.TARGET).workerStarted(index);
            CopyTask task;
            while ((task = run.nextTask(index)) != null) {
                copyWithRetries(task);
            }
        } catch (RuntimeException poolFailure) {
            run.workerFailed(index, poolFailure);
        } finally {
            readerThread.shutdownNow();
            awaitReader();
            run.pool(Side.SOURCE).workerStopped(index);
            run.pool(Side.TARGET).workerStopped(index);
            run.workerExited(index);
        }
    }

    /** Copies a partition; a transient failure redoes it within the run's retry budget ({@link PartitionRetry}). */
    private void copyWithRetries(CopyTask task) {
        PartitionRetry retry = new PartitionRetry(run, task);
        while (true) {
            attempt = new Attempt();
            try {
                if (retry.retried()) {
                    clearTarget(retry);
                }
                copy(task);
                return;
            } catch (Throwable failure) {
                Throwable cause = rootCause(failure);
                PartitionRetry.Decision decision = retry.afterFailure(cause, attempt.failedSide,
                        attempt.commitStarted || run.spec().holdConnections() == HoldConnections.PER_BATCH);
                if (decision == PartitionRetry.Decision.FAIL) {
                    run.taskFailed(task, index, cause, retry.reason());
                    return;
                }
                if (decision == PartitionRetry.Decision.STOPPED) {
                    return;
                }
                // The rows of the failed attempt are copied again: count them once.
                task.table().rowsWritten.add(-attempt.rowsWritten);
                run.progress().rowsCommitted(-attempt.rowsCommitted);
            }
        }
    }

    private void clearTarget(PartitionRetry retry) throws SQLException {
        attempt.failedSide = Side.TARGET;
        try (Connection connection = borrowTarget()) {
            retry.clearTarget(connection);
        }
        attempt.failedSide = null;
    }

    /** What one attempt at a partition did, so that a retry can take it back out of the counts. */
    private static final class Attempt {
        volatile Side failedSide;
        volatile boolean commitStarted;
        long rowsWritten;
        long rowsCommitted;

        synchronized void failed(Side side) {
            if (failedSide == null) {
                failedSide = side;
            }
        }
    }

    private void copy(CopyTask task) throws Exception {
        long started = System.nanoTime();
        TableState table = task.table();
        ChunkQueue queue = queues.computeIfAbsent(table, this::newQueue);
        queue.reset();
        run.activate(queue);
        try {
            copyThrough(task, queue, started);
        } finally {
            run.deactivate(queue);
        }
    }

    private void copyThrough(CopyTask task, ChunkQueue queue, long started) throws Exception {
        TableState table = task.table();
        RowDigest digest = run.spec().verify() == VerifyMode.CHECKSUM ? new RowDigest() : null;
        Future<ReadResult> reading = readerThread.submit(() -> read(task, queue, digest));
        long written;
        try {
            written = write(task, queue);
        } catch (Throwable failure) {
            queue.fail(failure);
            awaitQuietly(reading);
            throw failure;
        }
        ReadResult read = get(reading);
        if (read.rows() != written) {
            throw new IllegalStateException(task.describe() + ": read " + read.rows() + " rows but wrote " + written);
        }
        table.completed(task.partition(), written, digest);
        run.partitionCompleted(new PartitionResult(table.plan.label(), table.plan.index(), task.partition(),
                task.range(), written, read.bytes(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), index,
                digest == null ? null : digest.value()));
    }

    private ReadResult read(CopyTask task, ChunkQueue queue, RowDigest digest) throws Exception {
        TableState table = task.table();
        boolean batches = run.spec().holdConnections() == HoldConnections.PER_BATCH && table.plan.key() != null;
        int batchRows = run.spec().batchRows();
        long start = System.nanoTime();
        long acquire = 0;
        long rows = 0;
        long bytes = 0;
        try {
            KeyRange range = task.range();
            while (true) {
                long borrowStart = System.nanoTime();
                ReadResult unit;
                try (Connection connection = run.pool(Side.SOURCE).borrow(index)) {
                    acquire += System.nanoTime() - borrowStart;
                    unit = table.reader.read(connection, range, batches ? batchRows : 0, queue, digest);
                    // Ends the read transaction (and its snapshot) before the connection goes back.
                    connection.rollback();
                }
                rows += unit.rows();
                bytes += unit.bytes();
                if (!batches || unit.rows() < batchRows || unit.lastKey() == null) {
                    break;
                }
                range = range.after(unit.lastKey());
            }
            queue.end();
            return new ReadResult(rows, bytes, null);
        } catch (Throwable failure) {
            if (!(failure instanceof ChunkQueue.PartitionAbortedException)) {
                attempt.failed(Side.SOURCE);
            }
            queue.fail(failure);
            throw failure;
        } finally {
            run.progress().time().addAcquire(acquire);
            run.progress().time().addRead(System.nanoTime() - start - acquire - queue.readerWaitNanos());
        }
    }

    /** Writes until the reader's end marker; returns the rows committed. */
    private long write(CopyTask task, ChunkQueue queue) throws Exception {
        TableState table = task.table();
        boolean perPartition = run.spec().holdConnections() == HoldConnections.PER_PARTITION;
        Connection connection = null;
        UnitWriter writer = null;
        long unitRows = 0;
        long committed = 0;
        try {
            // The target connection is borrowed at the first chunk, never before: the reader then already holds
            // its source connection, so a worker holding a target connection always makes progress. Borrowing it
            // up front deadlocks a pool smaller than the workers (writer waits on its reader, which waits for a
            // source connection held by a reader whose full queue waits for this writer's target connection).
            while (true) {
                Chunk chunk = queue.take();
                if (chunk == ChunkQueue.END) {
                    break;
                }
                if (writer == null) {
                    connection = borrowTarget();
                    writer = open(table, connection);
                }
                int rows = chunk.rows();
                long bytes = chunk.bytes();
                boolean endOfUnit = chunk.endOfUnit();
                long writeStart = System.nanoTime();
                writer.write(chunk);
                run.progress().time().addWrite(System.nanoTime() - writeStart);
                queue.recycle(chunk);
                unitRows += rows;
                run.progress().rowsWritten(rows);
                table.rowsWritten.add(rows);
                attempt.rowsWritten += rows;
                run.progress().bytesWritten(bytes);
                if (endOfUnit && !perPartition) {
                    committed += commit(connection, writer, unitRows);
                    connection.close();
                    connection = null;
                    writer = null;
                    unitRows = 0;
                }
            }
            if (perPartition && writer != null) {
                committed += commit(connection, writer, unitRows);
                connection.close();
                connection = null;
            }
            return committed;
        } catch (Throwable failure) {
            if (!(failure instanceof ChunkQueue.PartitionAbortedException)) {
                attempt.failed(Side.TARGET);
            }
            if (writer != null) {
                writer.abort();
            }
            if (connection != null) {
                rollbackAndClose(connection, failure);
            }
            throw failure;
        }
    }

    private UnitWriter open(TableState table, Connection connection) throws SQLException {
        long start = System.nanoTime();
        try {
            return table.writer.open(connection);
        } finally {
            run.progress().time().addWrite(System.nanoTime() - start);
        }
    }

    private long commit(Connection connection, UnitWriter writer, long rows) throws SQLException {
        long start = System.nanoTime();
        writer.finish();
        long committing = System.nanoTime();
        run.progress().time().addWrite(committing - start);
        // From here the outcome is unknown if the connection is lost: a retry must clear the partition first.
        attempt.commitStarted = true;
        connection.commit();
        run.progress().time().addCommit(System.nanoTime() - committing);
        run.progress().rowsCommitted(rows);
        attempt.rowsCommitted += rows;
        return rows;
    }

    private Connection borrowTarget() throws SQLException {
        long start = System.nanoTime();
        try {
            return run.pool(Side.TARGET).borrow(index);
        } finally {
            run.progress().time().addAcquire(System.nanoTime() - start);
        }
    }

    private ChunkQueue newQueue(TableState table) {
        int columns = table.plan.sourceColumns().size();
        return new ChunkQueue(ChunkQueue.CAPACITY, table.plan.passThrough()
                ? () -> new ByteChunk(ChunkQueue.BYTE_CHUNK_SIZE)
                : () -> new RowChunk(ChunkQueue.ROW_CHUNK_ROWS, columns), run.progress().time());
    }

    private static void rollbackAndClose(Connection connection, Throwable failure) {
        try (connection) {
            connection.rollback();
        } catch (SQLException rollbackFailure) {
            failure.addSuppressed(rollbackFailure);
        }
    }

    private static ReadResult get(Future<ReadResult> reading) throws Exception {
        try {
            return reading.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private static void awaitQuietly(Future<ReadResult> reading) {
        try {
            reading.get();
        } catch (ExecutionException | InterruptedException expected) {
            // The writer's failure is the one reported; the reader was aborted because of it.
            if (expected instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReader() {
        try {
            if (!readerThread.awaitTermination(30, TimeUnit.SECONDS)) {
                run.warn("worker " + index + "'s reader did not stop within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first cause that is not PoolLab's own abort wrapper. */
    static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof ChunkQueue.PartitionAbortedException || cause instanceof ExecutionException) {
            if (cause.getCause() == null) {
                break;
            }
            cause = cause.getCause();
        }
        return cause;
    }
}
