package io.poollab.migrate;

import io.poollab.config.ConfigException;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.Problem;
import io.poollab.config.RunSpec;
import io.poollab.config.RunSpecValidator;
import io.poollab.config.Side;
import io.poollab.pool.PoolMetrics;
import io.poollab.pool.SidePool;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running migration: owns the pools, the workers, the sampler and the coordinator thread that verifies,
 * closes everything and completes the result. Workers pull {@link CopyTask}s; a failure or a cancel stops every
 * worker at its next queue operation.
 */
final class MigrationRun implements Run {

    private static final Logger LOG = LoggerFactory.getLogger(MigrationRun.class);

    private final long runId;
    private final RunSpec spec;
    private final RunInfo info;
    private final Map<Side, SidePool> pools;
    private final Map<Side, Connection> monitors;
    private final List<TableState> tables;
    private final Verifier verifier;
    private final Listeners listeners;
    private final Sampler sampler;
    private final Queue<CopyTask> tasks = new ConcurrentLinkedQueue<>();
    private final RunProgress progress = new RunProgress();
    private final ClientClock clientClock = new ClientClock();
    private volatile RunWaits.ClientUsage clientUsage = RunWaits.ClientUsage.NONE;
    private final List<RunEvent> events = new ArrayList<>();
    private final List<PartitionResult> completed = new ArrayList<>();
    private final Set<Integer> alive = new TreeSet<>();
    private final Set<ChunkQueue> activeQueues = ConcurrentHashMap.newKeySet();
    private final CompletableFuture<RunResult> completion = new CompletableFuture<>();
    private final ScheduledExecutorService samplerThread;
    private final Map<Side, io.poollab.db.Dialect> dialects;
    // Released once by stop(), so that workers waiting out a retry's backoff wake at a cancel or a failure.
    private final java.util.concurrent.CountDownLatch stopped = new java.util.concurrent.CountDownLatch(1);
    private volatile int desiredWorkers;
    private volatile Throwable stopCause;
    private volatile String failure;

    MigrationRun(long runId, RunSpec spec, RunInfo info, Map<Side, SidePool> pools, Map<Side, Connection> monitors,
                 Map<Side, io.poollab.db.Dialect> dialects, List<TableState> tables, Verifier verifier,
                 List<RunListener> listeners) {
        this.runId = runId;
        this.spec = spec;
        this.info = info;
        this.pools = new EnumMap<>(pools);
        this.monitors = new EnumMap<>(monitors);
        this.tables = tables;
        this.verifier = verifier;
        this.listeners = new Listeners(listeners);
        this.sampler = new Sampler(this, dialects, monitors);
        this.dialects = new EnumMap<>(dialects);
        this.desiredWorkers = spec.workers();
        this.samplerThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, threadName("sampler")));
        for (TableState table : tables) {
            for (int p = 0; p < table.plan.partitions().size(); p++) {
                if (!table.isComplete(p)) {
                    tasks.add(new CopyTask(table, p, table.plan.partitions().get(p)));
                }
            }
        }
    }

    void start() {
        listeners.starting(this);
        String warmed;
        try {
            // A warm pool is measured warm: its connects are not the copy's (a cold pool pays them during it).
            warmed = SidePool.warmAll(pools.values(), spec.workers(), () -> stopCause != null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            warmed = "interrupted while filling the pools: the run stops";
            stop(new CancellationException("interrupted"));
        }
        progress.started();
        clientClock.start();
        listeners.started(info);
        info.notes().forEach(note -> event(RunEvent.Type.INFO, note));
        info.warnings().forEach(this::warn);
        if (warmed != null) {
            event(RunEvent.Type.INFO, warmed);
        }
        samplerThread.scheduleAtFixedRate(this::sampleQuietly, spec.sampleIntervalMs(), spec.sampleIntervalMs(),
                TimeUnit.MILLISECONDS);
        spawnWorkers();
        daemon(this::coordinate, threadName("coordinator")).start();
    }

    // ---- the Run API ----

    @Override
    public long id() {
        return runId;
    }

    @Override
    public RunInfo info() {
        return info;
    }

    @Override
    public void cancel() {
        if (stopCause == null) {
            event(RunEvent.Type.INFO, "cancel requested");
            stop(new CancellationException("cancelled"));
        }
    }

    @Override
    public void resize(Side side, int maximumPoolSize, int minimumIdle) throws ConfigException {
        if (spec.poolMode() == PoolMode.UNPOOLED) {
            throw new ConfigException(Problem.error("", "pool.mode", "unpooled runs have no pool size to change"));
        }
        SidePool pool = pools.get(side);
        PoolSettings before = pool.settings();
        List<Problem> problems = RunSpecValidator.validatePool(side, before.withSize(maximumPoolSize, minimumIdle));
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        pool.resize(maximumPoolSize, minimumIdle);
        event(RunEvent.Type.RESIZE, side + " pool resized: maximumPoolSize " + before.maximumPoolSize() + " → "
                + maximumPoolSize + ", minimumIdle " + before.minimumIdle() + " → " + minimumIdle);
    }

    @Override
    public void setWorkers(int workers) throws ConfigException {
        List<Problem> problems = RunSpecValidator.validateWorkers(workers);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        int before = desiredWorkers;
        desiredWorkers = workers;
        event(RunEvent.Type.WORKERS, "workers " + before + " → " + workers);
        spawnWorkers();
    }

    @Override
    public int workers() {
        return desiredWorkers;
    }

    @Override
    public CompletableFuture<RunResult> completion() {
        return completion;
    }

    // ---- for workers and the sampler ----

    RunSpec spec() {
        return spec;
    }

    SidePool pool(Side side) {
        return pools.get(side);
    }

    @Override
    public long tableRowsWritten(int tableIndex) {
        return tables.get(tableIndex).rowsWritten.sum();
    }

    @Override
    public TimeBreakdown.Snapshot timeBreakdown() {
        return progress.time().snapshot();
    }

    @Override
    public PoolSettings poolSettings(Side side) {
        return pools.get(side).settings();
    }

    @Override
    public PoolCounters poolCounters(Side side) {
        PoolMetrics metrics = pools.get(side).metrics();
        return new PoolCounters(metrics.created(), metrics.borrows(), metrics.timeouts(), metrics.errors(),
                pools.get(side).closedWithPool());
    }

    @Override
    public io.poollab.pool.HealthTracker.Assessment health(Side side) {
        return sampler.side(side).health().now();
    }

    @Override
    public io.poollab.pool.HealthTracker.Assessment worstHealth(Side side) {
        return sampler.side(side).health().worst();
    }

    @Override
    public double peakUtilization(Side side) {
        return sampler.side(side).health().peakUtilization();
    }

    RunProgress progress() {
        return progress;
    }

    String threadName(String role) {
        return "poollab-run-" + runId + "-" + role;
    }

    /** The next partition for worker {@code index}, or null when it should stop. */
    CopyTask nextTask(int index) {
        if (stopCause != null || index >= desiredWorkers) {
            return null;
        }
        return tasks.poll();
    }

    /** Registers a partition's queue so that a stop reaches it; fails it at once if the run is stopping. */
    void activate(ChunkQueue queue) {
        activeQueues.add(queue);
        Throwable cause = stopCause;
        if (cause != null) {
            queue.fail(cause);
        }
    }

    void deactivate(ChunkQueue queue) {
        activeQueues.remove(queue);
    }

    void partitionCompleted(PartitionResult result) {
        synchronized (completed) {
            completed.add(result);
        }
        listeners.partitionCompleted(result);
    }

    /** @param reason the failure in plain words, or null for the cause's own first line */
    void taskFailed(CopyTask task, int worker, Throwable cause, String reason) {
        if (!(cause instanceof CancellationException)) {
            fail("worker " + worker + " on " + task.describe(), task.describe() + ": "
                    + (reason != null ? reason : RunOutcome.describe(cause)), cause);
        }
    }

    void workerFailed(int worker, RuntimeException cause) {
        fail("worker " + worker, "worker " + worker + " could not start: " + RunOutcome.describe(cause), cause);
    }

    /** The first failure is the run's; every one is an event. */
    private void fail(String where, String message, Throwable cause) {
        LOG.debug("{} failed", where, cause);
        synchronized (this) {
            if (failure == null) {
                failure = message;
            }
        }
        event(RunEvent.Type.ERROR, message);
        stop(cause);
    }

    synchronized void workerExited(int index) {
        alive.remove(index);
        notifyAll();
    }

    boolean stopping() {
        return stopCause != null;
    }

    /** Waits {@code ms} unless the run stops first; true when the wait ran out and the run goes on. */
    boolean sleepUnlessStopped(long ms) {
        try {
            return !stopped.await(ms, TimeUnit.MILLISECONDS) && stopCause == null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    io.poollab.db.Dialect dialect(Side side) {
        return dialects.get(side);
    }

    @Override
    public void warn(String message) {
        event(RunEvent.Type.WARNING, message);
    }

    void event(RunEvent.Type type, String message) {
        RunEvent event = new RunEvent(progress.elapsedMs(), type, message);
        synchronized (events) {
            events.add(event);
        }
        listeners.event(event);
    }

    // ---- internals ----

    private synchronized void spawnWorkers() {
        for (int i = 0; i < desiredWorkers && !tasks.isEmpty() && stopCause == null; i++) {
            if (alive.add(i)) {
                daemon(new Worker(i, this), threadName("worker-" + i)).start();
            }
        }
    }

    private void stop(Throwable cause) {
        synchronized (this) {
            if (stopCause != null) {
                return;
            }
            stopCause = cause;
        }
        stopped.countDown();
        activeQueues.forEach(queue -> queue.fail(cause));
    }

    private synchronized void awaitWorkers() throws InterruptedException {
        while (!alive.isEmpty()) {
            wait();
        }
    }

    private void sampleQuietly() {
        try {
            listeners.sample(sampler.sample());
        } catch (RuntimeException e) {
            // A scheduled task that throws is never run again; log it and keep sampling.
            LOG.warn("sampling failed", e);
        }
    }

    private void coordinate() {
        RunResult result;
        double seconds = 0;
        double verifySeconds = 0;
        List<RunResult.TableResult> tableResults = List.of();
        try {
            awaitWorkers();
            seconds = progress.elapsedMs() / 1000.0;
            clientUsage = clientClock.stop();
            samplerThread.shutdown();
            samplerThread.awaitTermination(10, TimeUnit.SECONDS);
            sampleQuietly();
            boolean copied = stopCause == null && tasks.isEmpty();
            long verifyStart = System.nanoTime();
            tableResults = verifier.verify(tables, copied ? spec.verify() : io.poollab.config.VerifyMode.NONE);
            verifySeconds = (System.nanoTime() - verifyStart) / 1e9;
            String mismatch = RunOutcome.mismatch(tableResults);
            if (mismatch != null && failure == null) {
                failure = mismatch;
                event(RunEvent.Type.ERROR, failure);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while finishing the run";
        } catch (SQLException | RuntimeException e) {
            LOG.debug("verification failed", e);
            failure = "verification could not read the target: " + RunOutcome.describe(e);
            event(RunEvent.Type.ERROR, failure);
        } finally {
            samplerThread.shutdownNow();
            pools.values().forEach(SidePool::close);
            monitors.values().forEach(MigrationRun::closeQuietly);
        }
        result = result(seconds, verifySeconds, tableResults);
        listeners.finished(result);
        completion.complete(result);
    }

    private RunResult result(double seconds, double verifySeconds, List<RunResult.TableResult> tableResults) {
        List<PartitionResult> done;
        synchronized (completed) {
            done = List.copyOf(completed);
        }
        List<RunEvent> allEvents;
        synchronized (events) {
            allEvents = List.copyOf(events);
        }
        RunStatus status = failure != null ? RunStatus.FAILED
                : stopCause instanceof CancellationException ? RunStatus.CANCELLED : RunStatus.SUCCEEDED;
        return RunOutcome.assemble(runId, spec, status, failure, progress, sampler, tables, desiredWorkers,
                seconds, verifySeconds, tableResults, done, allEvents,
                new RunWaits(sampler.serverWaits(), clientUsage));
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing a monitor connection failed", e);
        }
    }

    private static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
