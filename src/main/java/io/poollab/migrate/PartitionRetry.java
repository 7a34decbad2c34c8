package io.poollab.migrate;

import io.poollab.config.HoldConnections;
import io.poollab.config.RetrySettings;
import io.poollab.config.Side;
import io.poollab.config.TargetMode;
import io.poollab.db.Dialect;
import io.poollab.db.TransientErrors;
import io.poollab.text.Units;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * The retry budget of one partition: which failures are redone, how long to wait before each attempt, and how the
 * partition is made empty again on the target before it is copied anew (its key range deleted, as a resume does),
 * so that a redone partition lands exactly once. Every retry is a {@link RunEvent.Type#RETRY} event.
 */
final class PartitionRetry {

    /** What a failed attempt tells the worker to do. */
    enum Decision { RETRY, FAIL, STOPPED }

    private final MigrationRun run;
    private final CopyTask task;
    private final RetrySettings settings;
    private int retries;
    private String lastReason;

    PartitionRetry(MigrationRun run, CopyTask task) {
        this.run = run;
        this.task = task;
        this.settings = run.spec().retry();
    }

    /**
     * Decides about a failed attempt and, for a retry, records the event and waits out the backoff.
     *
     * @param side          the side whose operation failed first, or null when unknown
     * @param mayHaveCommitted whether any of the attempt's rows may be committed on the target
     */
    Decision afterFailure(Throwable cause, Side side, boolean mayHaveCommitted) {
        if (cause instanceof CancellationException || run.stopping()) {
            return Decision.STOPPED;
        }
        Optional<TransientErrors.Kind> kind = TransientErrors.classify(cause);
        lastReason = reason(cause, side, kind.orElse(null));
        if (kind.isEmpty() || settings.failFast()) {
            return Decision.FAIL;
        }
        if (retries >= settings.attempts()) {
            lastReason = lastReason + "; gave up after " + retries + " retr" + (retries == 1 ? "y" : "ies")
                    + " (retry.attempts " + settings.attempts() + "): poollab run --resume continues the run";
            return Decision.FAIL;
        }
        if (mayHaveCommitted && appendsToExistingRows()) {
            lastReason = lastReason + "; not retried: some rows may be committed and deleting the partition's key "
                    + "range would also delete rows the target held before (mode append)";
            return Decision.FAIL;
        }
        retries++;
        long backoffMs = settings.backoffMs(retries);
        run.event(RunEvent.Type.RETRY, "retry " + retries + " of " + settings.attempts() + " for " + task.describe()
                + " in " + Units.latency(backoffMs) + ": " + lastReason);
        return run.sleepUnlessStopped(backoffMs) ? Decision.RETRY : Decision.STOPPED;
    }

    /** The one-line reason of the last failure, for the run's error when it is not retried. */
    String reason() {
        return lastReason;
    }

    boolean retried() {
        return retries > 0;
    }

    /**
     * Deletes whatever an earlier attempt may have committed of this partition (perBatch commits each batch, and a
     * connection lost during COMMIT leaves its outcome unknown), in a transaction of its own.
     */
    void clearTarget(Connection target) throws SQLException {
        if (appendsToExistingRows()) {
            return;
        }
        TablePlan plan = task.table().plan;
        Dialect dialect = run.dialect(Side.TARGET);
        String where = plan.key() == null ? ""
                : task.range().predicate(dialect.quote(plan.targetKeyName()), dialect, plan.key().type().kind());
        try (Statement statement = target.createStatement()) {
            int deleted = statement.executeUpdate("DELETE FROM " + dialect.qualified(plan.targetRef())
                    + (where.isEmpty() ? "" : " WHERE " + where));
            target.commit();
            if (deleted > 0) {
                run.event(RunEvent.Type.RETRY, "deleted " + String.format("%,d", deleted) + " rows of "
                        + task.describe() + " that an earlier attempt had committed, before copying it again");
            }
        } catch (SQLException e) {
            target.rollback();
            throw e;
        }
    }

    private boolean appendsToExistingRows() {
        TableState table = task.table();
        return table.plan.spec().mode() == TargetMode.APPEND && table.plan.targetRowsBefore() > 0;
    }

    private String reason(Throwable cause, Side side, TransientErrors.Kind kind) {
        String detail = RunOutcome.describe(cause);
        if (kind == TransientErrors.Kind.POOL_TIMEOUT && side != null) {
            return exhaustion(side) + " (" + detail + ")";
        }
        String where = side == null ? "" : side.id() + " ";
        return kind == null ? where + detail : where + kind.words() + ": " + detail;
    }

    /** The plain-language cause of a pool timeout: who waited for how many connections, and why they were held. */
    private String exhaustion(Side side) {
        int max = run.pool(side).settings().maximumPoolSize();
        int workers = run.workers();
        boolean perPartition = run.spec().holdConnections() == HoldConnections.PER_PARTITION;
        return workers + " worker" + (workers == 1 ? "" : "s") + " waited for " + max + " " + side.id()
                + " connection" + (max == 1 ? "" : "s") + (perPartition ? " held for a whole partition each" : "")
                + ": none was free within connectionTimeout " + run.pool(side).settings().connectionTimeoutMs()
                + " ms" + (workers > max ? "; give the pool as many connections as workers, or hold them per batch"
                : "");
    }
}
