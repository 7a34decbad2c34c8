package io.poollab.history;

import io.poollab.config.Side;
import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.Run;
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
    /** The error of the write that failed last, while the history cannot be written; null when it can. */
    private volatile SQLException outage;
    private volatile Run run;
    // After the run ends, a history that still cannot be written is given up on after this long.
    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(10);
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
    public void starting(Run started) {
        run = started;
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

    /**
     * Until the run's result is written: drains what arrived, turns samples into stored rows (once, so that a batch
     * written again after a failure is not counted twice), and writes it all in one transaction. A failed write
     * (disk full, a read-only or damaged store) keeps everything in memory, warns in the run's events once per
     * outage, and tries again on a new connection; the copy never waits for it.
     */
    private void writeLoop() {
        List<Object> pending = new ArrayList<>();
        boolean finished = false;
        long giveUpAt = 0;
        Connection connection = null;
        try {
            while (true) {
                Object first = queue.poll(FLUSH_EVERY_MS, TimeUnit.MILLISECONDS);
                if (first != null) {
                    List<Object> fresh = new ArrayList<>();
                    fresh.add(first);
                    queue.drainTo(fresh);
                    finished |= fresh.contains(FINISHED);
                    prepare(fresh, pending);
                }
                if (pending.isEmpty() && !finished) {
                    continue;
                }
                int seqBefore = eventSeq;
                try {
                    if (connection == null) {
                        connection = open();
                    }
                    write(connection, pending);
                    connection.commit();
                    pending.clear();
                    if (outage != null) {
                        LOG.info("run {}: the history is written again", runId);
                        outage = null;
                    }
                    if (finished) {
                        return;
                    }
                } catch (SQLException e) {
                    eventSeq = seqBefore;
                    connection = closeQuietly(connection);
                    if (outage == null) {
                        outage = e;
                        LOG.warn("run {}: the history could not be written", runId, e);
                        Run watched = run;
                        if (watched != null) {
                            watched.warn("history: cannot write to " + store.file() + ": " + firstLine(e)
                                    + "; the run goes on, and its samples and events are kept in memory and written "
                                    + "when the history works again");
                        }
                    }
                    if (finished) {
                        giveUpAt = giveUpAt == 0 ? System.nanoTime() + GIVE_UP_NANOS : giveUpAt;
                        if (System.nanoTime() - giveUpAt > 0) {
                            failure = e;
                            return;
                        }
                    }
                    Thread.sleep(FLUSH_EVERY_MS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeQuietly(connection);
            writerCpuNanos = java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        }
    }

    private Connection open() throws SQLException {
        Connection connection = store.connect();
        try {
            connection.setAutoCommit(false);
            sampleInsert = connection.prepareStatement("INSERT INTO sample VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                    + "?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            waitInsert = connection.prepareStatement(WaitRecords.INSERT_SAMPLE);
            eventInsert = connection.prepareStatement(
                    "INSERT INTO run_event (run_id, seq, elapsed_ms, type, message) VALUES (?, ?, ?, ?, ?)");
            return connection;
        } catch (SQLException e) {
            closeQuietly(connection);
            throw e;
        }
    }

    /** Samples become the rows the store keeps (buckets after the first hour); everything else stays as it came. */
    private void prepare(List<Object> fresh, List<Object> pending) {
        for (Object item : fresh) {
            if (item instanceof RunSample sample) {
                pending.addAll(buckets.accept(sample));
            } else if (item instanceof RunResult) {
                pending.addAll(buckets.flush());
                pending.add(item);
            } else if (item != FINISHED) {
                pending.add(item);
            }
        }
    }

    private static Connection closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.rollback();
                connection.close();
            } catch (SQLException ignored) {
                // The connection is already broken; the write's own error is the one reported.
            }
        }
        return null;
    }

    private static String firstLine(SQLException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message).trim();
    }

    /** CPU time the writer thread used, once closed (-1 before, or where the JVM cannot measure it): its cost. */
    public long writerCpuNanos() {
        return writerCpuNanos;
    }

    private void write(Connection connection, List<Object> batch) throws SQLException {
        List<SampleBuckets.Stored> samples = new ArrayList<>();
        for (Object item : batch) {
            if (item instanceof SampleBuckets.Stored stored) {
                samples.add(stored);
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
