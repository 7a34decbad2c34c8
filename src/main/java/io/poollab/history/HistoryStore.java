package io.poollab.history;

import io.poollab.config.ConfigException;
import io.poollab.config.PoolLabHome;
import io.poollab.config.Problem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import io.poollab.config.RunSpec;
import io.poollab.migrate.ResumePoint;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.RunWaits;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/**
 * PoolLab's run history: one H2 file, {@code $POOLLAB_HOME/history.mv.db}, opened with {@code AUTO_SERVER=TRUE} so
 * that the GUI and CLI commands can use it at the same time (the first process serves it to the others over
 * loopback). Opening it migrates the schema (Flyway, {@code db/history}) and marks runs whose process died as
 * interrupted. Every failure to open names the file and never falls back to a second, empty store.
 */
public final class HistoryStore implements AutoCloseable {

    static final String FILE_NAME = "history";
    /** The newest migration in {@code db/history}; a test keeps the two in step. */
    static final String SCHEMA_VERSION = "5";
    private static final long OPEN_RETRY_NANOS = 10_000_000_000L;

    private final Path file;
    private final String url;
    /**
     * Held open for the store's lifetime: H2 closes a database with its last connection, and reopening the file
     * costs far more than any query, so without it every call would pay for an open.
     */
    private Connection keeper;

    private HistoryStore(Path file, String url) {
        this.file = file;
        this.url = url;
    }

    /** Opens (creating on first use) the history of a PoolLab home. */
    public static HistoryStore open(Path home) throws ConfigException {
        Path base = PoolLabHome.ensure(home).resolve(FILE_NAME);
        Path file = base.resolveSibling(FILE_NAME + ".mv.db");
        if (Files.exists(file) && !Files.isReadable(file)) {
            throw new ConfigException(Problem.error(file.toString(), "", "the history store is not readable by "
                    + "this user"));
        }
        // H2 writes a commit to the file within WRITE_DELAY (500 ms by default); with the recorder's 500 ms flushes
        // a crash loses at most a second. WRITE_DELAY=0 would make every commit write at once, for twice the CPU.
        String url = "jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE";
        HistoryStore store = new HistoryStore(file, url);
        // Held while migrating, so that Flyway's own connections find the database already open (or served).
        try {
            Connection held = store.connect();
            store.keeper = held;
            try {
                if (!isCurrent(held)) {
                    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/history")
                            .failOnMissingLocations(true).load().migrate();
                }
            } catch (FlywayException e) {
                throw new ConfigException(Problem.error(file.toString(), "", "the history store's schema could not "
                        + "be brought up to date: " + firstLine(e.getMessage())));
            }
            Runs.markInterrupted(held, Host.name(), Instant.now());
        } catch (SQLException e) {
            store.close();
            throw store.cannotOpen(e);
        } catch (ConfigException e) {
            store.close();
            throw e;
        }
        return store;
    }

    /**
     * True when Flyway already applied {@link #SCHEMA_VERSION}: then starting Flyway (a second or so of class loading
     * and classpath scanning on every command) can be skipped. Any doubt, and Flyway decides.
     */
    private static boolean isCurrent(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" "
                     + "AND \"version\" = '" + SCHEMA_VERSION + "'")) {
            return rs.next() && rs.getInt(1) == 1;
        } catch (SQLException noHistoryYet) {
            return false;
        }
    }

    /** The history file, for messages and the status bar. */
    public Path file() {
        return file;
    }

    /** Records a new run as {@code running} and returns its id, before anything is copied. */
    public long createRun(RunSpec spec, Long resumedFrom) throws ConfigException {
        return createRun(spec, resumedFrom, null);
    }

    /** The same, for a cell of sweep {@code sweepId} (null: no sweep). */
    public long createRun(RunSpec spec, Long resumedFrom, Long sweepId) throws ConfigException {
        return inTransaction(connection -> Runs.create(connection, spec, resumedFrom, sweepId, Instant.now()));
    }

    /** Records a new sweep's grid and returns its id; its cells are then created with {@link #createRun}. */
    public long createSweep(String label, List<Integer> workers, List<Integer> poolSizes, int repeat,
                            double tolerance, String poolMode) throws ConfigException {
        return inTransaction(connection -> Runs.createSweep(connection, label, workers, poolSizes, repeat, tolerance,
                poolMode, Instant.now()));
    }

    /** Marks a sweep ended, with why it stopped before its last cell (null: it ran every cell). */
    public void endSweep(long sweepId, String stopReason) throws ConfigException {
        inTransaction(connection -> {
            Runs.endSweep(connection, sweepId, stopReason, Instant.now());
            return null;
        });
    }

    public Optional<SweepRecord> sweep(long sweepId) throws ConfigException {
        return read(connection -> RunQueries.sweep(connection, sweepId));
    }

    /** The newest {@code limit} sweeps, newest first. */
    public List<SweepRecord> sweeps(int limit) throws ConfigException {
        return read(connection -> RunQueries.sweeps(connection, limit));
    }

    /**
     * Wall times in seconds (start to end, verification included) of the newest {@code limit} succeeded runs that
     * copied the same tables from the same source as {@code spec}: what a sweep's estimate rests on before its first
     * cell.
     */
    public List<Double> similarRunSeconds(RunSpec spec, int limit) throws ConfigException {
        return read(connection -> RunQueries.similarRunSeconds(connection, Runs.redactedSource(spec),
                Runs.tableList(spec), limit));
    }

    /** The runs of sweep {@code sweepId}, oldest first. */
    public List<RunSummary> sweepRuns(long sweepId) throws ConfigException {
        return read(connection -> RunQueries.sweepRuns(connection, sweepId));
    }

    /** Records a new diagnosis and returns its id; its runs are tied to it with {@link #assignDiagnosis}. */
    public long createDiagnosis(String label, int repeat) throws ConfigException {
        return inTransaction(connection -> Diagnoses.create(connection, label, repeat, Instant.now()));
    }

    public void endDiagnosis(long diagnosisId, String stopReason) throws ConfigException {
        inTransaction(connection -> {
            Diagnoses.end(connection, diagnosisId, stopReason, Instant.now());
            return null;
        });
    }

    /** Makes run {@code runId} part of diagnosis {@code diagnosisId}, as its {@code experiment}. */
    public void assignDiagnosis(long runId, long diagnosisId, String experiment) throws ConfigException {
        inTransaction(connection -> {
            Diagnoses.assign(connection, runId, diagnosisId, experiment);
            return null;
        });
    }

    /** The runs of a diagnosis, oldest first. */
    public List<DiagnosisRun> diagnosisRuns(long diagnosisId) throws ConfigException {
        return read(connection -> Diagnoses.runs(connection, diagnosisId));
    }

    /** A stored run's server waits (summed per side) and client usage; empty when there is no such run. */
    public Optional<RunWaits> waits(long runId) throws ConfigException {
        return read(connection -> WaitRecords.waits(connection, runId));
    }

    /** A listener that writes the run's plan, samples, events, checkpoints and result as they happen. */
    public RunRecorder recorder(long runId) throws ConfigException {
        int events = read(connection -> RunQueries.events(connection, runId).size());
        return new RunRecorder(this, runId, events);
    }

    /** Marks a run that never started copying as failed, with the reason. */
    public void fail(long runId, String reason) throws ConfigException {
        inTransaction(connection -> {
            Runs.fail(connection, runId, reason, Instant.now());
            return null;
        });
    }

    public void addEvent(long runId, String type, String message) throws ConfigException {
        inTransaction(connection -> {
            Runs.addEvent(connection, runId, 0, type, message);
            return null;
        });
    }

    /** Newest first; {@code label} null for every run. */
    public List<RunSummary> list(String label, int limit) throws ConfigException {
        return read(connection -> RunQueries.list(connection, label, limit));
    }

    public Optional<RunDetail> detail(long runId) throws ConfigException {
        return read(connection -> RunQueries.detail(connection, runId));
    }

    public List<RunSample> samples(long runId) throws ConfigException {
        return read(connection -> RunQueries.samples(connection, runId));
    }

    /** @return false when there is no such run */
    public boolean label(long runId, String label) throws ConfigException {
        return inTransaction(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE run SET label = ? WHERE id = ?")) {
                update.setString(1, Runs.truncate(label, 400));
                update.setLong(2, runId);
                return update.executeUpdate() == 1;
            }
        });
    }

    /** Deletes a run and everything recorded about it; a run still going is refused. */
    public boolean delete(long runId) throws ConfigException {
        RunSummary run = read(connection -> RunQueries.summary(connection, runId)).orElse(null);
        if (run == null) {
            return false;
        }
        if (run.status().equals("running")) {
            throw new ConfigException(Problem.error("", "RUN", "run " + runId + " is still running; cancel it first"));
        }
        return inTransaction(connection -> {
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM run WHERE id = ?")) {
                delete.setLong(1, runId);
                return delete.executeUpdate() == 1;
            }
        });
    }

    /**
     * What a resume needs: the run's stored config (checked against its recorded hash) and its checkpoints.
     *
     * @throws ConfigException no such run, a run that cannot be resumed, or a config altered since it was stored
     */
    public Resumable resumable(long runId) throws ConfigException {
        String[] config = read(connection -> RunQueries.config(connection, runId)).orElseThrow(() ->
                new ConfigException(Problem.error("", "--resume", "there is no run " + runId + " in " + file)));
        String status = config[2];
        if (status.equals("succeeded") || status.equals("running")) {
            throw new ConfigException(Problem.error("", "--resume", "run " + runId + " is " + status
                    + "; only an interrupted, failed or cancelled run can be resumed"));
        }
        if (!Runs.sha256(config[0]).equals(config[1])) {
            throw new ConfigException(Problem.error("", "--resume", "run " + runId + "'s stored config no longer "
                    + "matches its recorded hash; it was altered, so the run cannot be resumed safely"));
        }
        return new Resumable(runId, config[0], read(connection -> RunQueries.resumePoint(connection, runId)));
    }

    /** Writes runs, with everything recorded about them, to one portable file. */
    public void export(List<Long> runIds, Path target) throws ConfigException {
        try (Connection connection = connect()) {
            HistoryTransfer.export(connection, runIds, target);
        } catch (SQLException e) {
            throw cannotUse(e);
        } catch (java.io.IOException e) {
            throw new ConfigException(Problem.error(target.toString(), "", "cannot write the export: "
                    + e.getMessage()));
        }
    }

    /** Adds the runs of an export file under new ids, skipping runs already here; all or nothing. */
    public ImportResult importRuns(Path source) throws ConfigException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                ImportResult result = HistoryTransfer.importFile(connection, source);
                connection.commit();
                return result;
            } catch (SQLException | ConfigException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw cannotUse(e);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new ConfigException(Problem.error(source.toString(), "", "no such file"));
        } catch (java.io.IOException e) {
            throw new ConfigException(Problem.error(source.toString(), "", "cannot read: " + e.getMessage()));
        }
    }

    /** A run's stored config text and checkpoints. */
    public record Resumable(long runId, String configText, ResumePoint point) {
    }

    @FunctionalInterface
    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    <T> T read(Work<T> work) throws ConfigException {
        try (Connection connection = connect()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw cannotUse(e);
        }
    }

    <T> T inTransaction(Work<T> work) throws ConfigException {
        try (Connection connection = connect()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw cannotUse(e);
        }
    }

    /**
     * A new connection to the store; the caller closes it. While another process is opening the file (and about to
     * serve it), H2 reports the lock as "recently modified": that is a moment, not a conflict, so it is retried.
     */
    Connection connect() throws SQLException {
        long deadline = System.nanoTime() + OPEN_RETRY_NANOS;
        while (true) {
            try {
                return DriverManager.getConnection(url, "sa", "");
            } catch (SQLException e) {
                if (e.getErrorCode() != ErrorCode.ERROR_OPENING_DATABASE_1 || System.nanoTime() > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
            }
        }
    }

    ConfigException cannotOpen(SQLException e) {
        String why = switch (e.getErrorCode()) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> "it is locked by another program that opened it without "
                    + "AUTO_SERVER; close that program (or its connection) and try again";
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.GENERAL_ERROR_1 -> "the file is damaged or not an H2 2.x "
                    + "database (" + firstLine(e.getMessage()) + "); move it away to start a new history";
            case ErrorCode.IO_EXCEPTION_1 -> "the file cannot be read as an H2 2.x database (damaged, another kind "
                    + "of file, or not readable: " + firstLine(e.getMessage()) + "); move it away to start a new "
                    + "history, or fix its permissions";
            case ErrorCode.WRONG_USER_OR_PASSWORD -> "it was created with other credentials than PoolLab's";
            default -> firstLine(e.getMessage());
        };
        return new ConfigException(Problem.error(file.toString(), "", "cannot open the history store: " + why));
    }

    ConfigException cannotUse(SQLException e) {
        return new ConfigException(Problem.error(file.toString(), "", "the history store failed: "
                + firstLine(e.getMessage())));
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("").trim();
    }

    /** Lets H2 close the file (once no recorder or other user holds a connection). */
    @Override
    public void close() {
        if (keeper != null) {
            try {
                keeper.close();
            } catch (SQLException e) {
                // Closing a connection to a store we are done with: nothing left to protect.
            }
            keeper = null;
        }
    }
}
