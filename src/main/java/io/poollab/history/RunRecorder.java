package io.poollab.history;

import io.poollab.config.Side;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes one run into the history as it happens. Engine callbacks only enqueue; a thread of its own writes what
 * arrived in one transaction every half second, and H2 writes a commit to the file within another half second, so
 * the copy never waits for H2 and a crash loses at most one second of samples and checkpoints. Checkpoints (committed partitions) go through the same queue, in order.
 */
public final class RunRecorder implements RunListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RunRecorder.class);
    static final long FLUSH_EVERY_MS = 500;
    private static final Object FINISHED = new Object();

    private final HistoryStore store;
    private final long runId;
    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private final SampleBuckets buckets = new SampleBuckets();
    private final Thread writer;
    private volatile SQLException failure;
    private volatile long writerCpuNanos = -1;
    // Prepared once on the writer's connection: samples and events arrive every flush for the whole run.
    private PreparedStatement sampleInsert;
    private PreparedStatement eventInsert;
    private PreparedStatement waitInsert;
    private int eventSeq;

    RunRecorder(HistoryStore store, long runId, int firstEventSeq) {
        this.store = store;
        this.runId = runId;
        this.eventSeq = firstEventSeq;
        this.writer = new Thread(this::writeLoop, "poollab-run-" + runId + "-recorder");
        writer.setDaemon(true);
        writer.start();
    }

    public long runId() {
        return runId;
    }

    @Override
    public void started(RunInfo info) {
        queue.add(info);
    }

    @Override
    public void sample(RunSample sample) {
        queue.add(sample);
    }

    @Override
    public void event(RunEvent event) {
        queue.add(event);
    }

    @Override
    public void partitionCompleted(PartitionResult partition) {
        queue.add(partition);
    }

    @Override
    public void finished(RunResult result) {
        queue.add(result);
        queue.add(FINISHED);
    }

    /**
     * Waits until everything received has been written.
     *
     * @throws SQLException the history could not be written; the run itself is unaffected
     */
    @Override
    public void close() throws SQLException {
        if (writer.isAlive() && !queue.contains(FINISHED)) {
            queue.add(FINISHED);
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while the history of run " + runId + " was being written", e);
        }
        if (writer.isAlive()) {
            throw new SQLException("the history of run " + runId + " was not written within 30 s");
        }
        if (failure != null) {
            throw failure;
        }
    }

    private void writeLoop() {
        List<Object> batch = new ArrayList<>();
        boolean done = false;
        try (Connection connection = store.connect()) {
            connection.setAutoCommit(false);
            sampleInsert = connection.prepareStatement("INSERT INTO sample VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            waitInsert = connection.prepareStatement(WaitRecords.INSERT_SAMPLE);
            eventInsert = connection.prepareStatement(
                    "INSERT INTO run_event (run_id, seq, elapsed_ms, type, message) VALUES (?, ?, ?, ?, ?)");
            while (!done) {
                Object first = queue.poll(FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                done = batch.contains(FINISHED);
                write(connection, batch);
                connection.commit();
                batch.clear();
            }
        } catch (SQLException e) {
            LOG.warn("run {}: the history could not be written", runId, e);
            failure = e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            writerCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    /** CPU time the writer thread used, once closed (-1 before, or where the JVM cannot measure it): its cost. */
    public long writerCpuNanos() {
        return writerCpuNanos;
    }

    private void write(Connection connection, List<Object> batch) throws SQLException {
        List<SampleBuckets.Stored> samples = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof RunSample sample) {
                samples.addAll(buckets.accept(sample));
            } else if (item instanceof RunResult) {
                samples.addAll(buckets.flush());
            }
        }
        insertSamples(samples);
        for (Object item : batch) {
            if (item instanceof RunInfo info) {
                RunWrites.plan(connection, runId, info);
                RunWrites.environment(connection, runId, Side.SOURCE, info.sourceServer());
                RunWrites.environment(connection, runId, Side.TARGET, info.targetServer());
            } else if (item instanceof RunEvent event) {
                insertEvent(event);
            } else if (item instanceof PartitionResult partition) {
                RunWrites.checkpoint(connection, runId, partition);
            } else if (item instanceof RunResult result) {
                RunWrites.result(connection, runId, result, Instant.now());
            }
        }
    }

    private void insertEvent(RunEvent event) throws SQLException {
        eventInsert.setLong(1, runId);
        eventInsert.setInt(2, ++eventSeq);
        eventInsert.setLong(3, event.elapsedMs());
        eventInsert.setString(4, event.type().id());
        eventInsert.setString(5, Runs.truncate(event.message(), 4000));
        eventInsert.executeUpdate();
    }

    private void insertSamples(List<SampleBuckets.Stored> samples) throws SQLException {
        if (samples.isEmpty()) {
            return;
        }
        PreparedStatement insert = sampleInsert;
        for (SampleBuckets.Stored stored : samples) {
            RunSample s = stored.sample();
            int i = 0;
            insert.setLong(++i, runId);
            insert.setLong(++i, s.elapsedMs());
            insert.setInt(++i, stored.bucketMs());
            insert.setLong(++i, s.rows());
            insert.setLong(++i, s.bytes());
            insert.setDouble(++i, s.rowsPerSecond());
            insert.setInt(++i, s.workers());
            i = bindSide(insert, i, s.source());
            bindSide(insert, i, s.target());
            insert.addBatch();
            WaitRecords.bindSample(waitInsert, runId, s.elapsedMs(), Side.SOURCE, s.source().waits());
            WaitRecords.bindSample(waitInsert, runId, s.elapsedMs(), Side.TARGET, s.target().waits());
        }
        insert.executeBatch();
        waitInsert.executeBatch();
    }

    private static int bindSide(PreparedStatement insert, int i, SideSample side) throws SQLException {
        insert.setInt(++i, side.active());
        insert.setInt(++i, side.idle());
        insert.setInt(++i, side.pending());
        insert.setInt(++i, side.total());
        insert.setInt(++i, side.max());
        insert.setDouble(++i, side.acquireP50Ms());
        insert.setDouble(++i, side.acquireP95Ms());
        insert.setDouble(++i, side.acquireP99Ms());
        insert.setDouble(++i, side.acquireMaxMs());
        insert.setLong(++i, side.borrows());
        insert.setLong(++i, side.timeouts());
        insert.setLong(++i, side.errors());
        insert.setInt(++i, side.dbSessions());
        return i;
    }
}
