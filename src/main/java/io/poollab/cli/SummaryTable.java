package io.poollab.cli;

import io.poollab.analysis.WaitSummary;
import io.poollab.config.Side;
import io.poollab.migrate.RunResult;
import io.poollab.text.Units;
import java.io.PrintStream;

/** The human summary printed after a run. */
final class SummaryTable {

    private SummaryTable() {
    }

    static void print(RunResult result, PrintStream out) {
        out.printf("run %d %s: %s rows in %s (%.2f s), %s, %d workers, pool mode %s, health %s%n", result.runId(),
                result.status(), Units.count(result.rows()), Units.duration(result.seconds()), result.seconds(),
                Units.rate(result.rowsPerSecond()), result.workers(), result.spec().poolMode().id(), result.health());
        result.healthReasons().forEach(reason -> out.println("  health: " + reason));
        out.println();
        out.printf("%-7s %5s %6s %7s %8s %8s %9s %9s %9s %9s %8s%n", "pool", "max", "peak", "waiting", "created",
                "timeouts", "p50 wait", "p95 wait", "p99 wait", "max wait", "sessions");
        for (Side side : Side.values()) {
            RunResult.PoolSummary pool = result.pools().get(side);
            out.printf("%-7s %5s %6d %7d %8d %8d %9s %9s %9s %9s %8s%n", side.id(),
                    result.spec().poolMode().id().equals("unpooled") ? "-" : pool.settings().maximumPoolSize(),
                    pool.peakActive(), pool.peakPending(), pool.created(), pool.timeouts(),
                    Units.latency(pool.acquire().p50Ms()), Units.latency(pool.acquire().p95Ms()),
                    Units.latency(pool.acquire().p99Ms()), Units.latency(pool.acquire().maxMs()),
                    pool.peakDbSessions() < 0 ? "n/a" : Integer.toString(pool.peakDbSessions()));
        }
        out.println();
        var time = result.timeBreakdown();
        long total = Math.max(1, time.totalMs());
        out.printf("thread time: read %s, acquire %s, queue wait %s, write %s, commit %s%n",
                share(time.readMs(), total), share(time.acquireMs(), total), share(time.queueWaitMs(), total),
                share(time.writeMs(), total), share(time.commitMs(), total));
        WaitSummary.of(result.waits(), time).sentences().forEach(line -> out.println("waits: " + line));
        for (RunResult.TableResult table : result.tables()) {
            String verified = table.verified() == null ? "not verified"
                    : table.verified() ? "verified (" + result.spec().verify().id() + ")" : "MISMATCH";
            out.printf("table %s → %s: %s rows, %d partitions, %s%n", table.source(), table.target(),
                    Units.count(table.rows()), table.partitions(), verified);
        }
        if (result.verifySeconds() > 0) {
            out.printf("verification took %.2f s%n", result.verifySeconds());
        }
        if (!result.incomplete().isEmpty()) {
            out.println("incomplete partitions: " + String.join(", ", result.incomplete()));
        }
    }

    private static String share(long ms, long total) {
        return Units.percent((double) ms / total) + " (" + Units.duration(ms / 1000.0) + ")";
    }
}
