package io.poollab.migrate;

import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.pool.Health;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** A finished run's {@link RunResult}, put together from what its parts counted. */
final class RunOutcome {

    private RunOutcome() {
    }

    static RunResult assemble(long runId, RunSpec spec, RunStatus status, String failure, RunProgress progress,
                              Sampler sampler, List<TableState> tables, int workers, double seconds,
                              double verifySeconds, List<RunResult.TableResult> tableResults,
                              List<PartitionResult> done, List<RunEvent> events, RunWaits waits) {
        Map<Side, RunResult.PoolSummary> summaries = new EnumMap<>(Side.class);
        Health health = Health.HEALTHY;
        List<String> reasons = new ArrayList<>();
        for (Side side : Side.values()) {
            Sampler.SideTracker tracker = sampler.side(side);
            summaries.put(side, tracker.summary());
            health = health.worse(tracker.health().worst().health());
            reasons.addAll(tracker.health().worst().reasons());
        }
        List<String> incomplete = new ArrayList<>();
        tables.forEach(table -> incomplete.addAll(table.incompletePartitions()));
        return new RunResult(runId, spec, status, failure, progress.rowsCommitted(), progress.bytesWritten(), seconds,
                verifySeconds, workers, summaries, progress.time().snapshot(), tableResults, health, reasons, done,
                incomplete, events, waits);
    }

    /** The first table whose target differs from its source, in one line; null when none does. */
    static String mismatch(List<RunResult.TableResult> tables) {
        for (RunResult.TableResult table : tables) {
            if (Boolean.FALSE.equals(table.verified())) {
                return "verification failed for " + table.source() + " → " + table.target() + ": source "
                        + table.rows() + " rows " + nullToEmpty(table.sourceChecksum()) + ", target "
                        + table.targetRows() + " rows " + nullToEmpty(table.targetChecksum());
            }
        }
        return null;
    }

    /** A failure's first line: a database error without its stack of causes. */
    static String describe(Throwable cause) {
        if (cause instanceof java.sql.SQLException sql) {
            return io.poollab.db.Connections.firstLine(sql);
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
