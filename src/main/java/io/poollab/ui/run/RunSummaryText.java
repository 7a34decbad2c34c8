package io.poollab.ui.run;

import io.poollab.analysis.WaitSummary;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.text.Units;
import java.util.Locale;

/** The end-of-run card's words: what happened, in rows, time, rate and verification. */
final class RunSummaryText {

    private RunSummaryText() {
    }

    static String title(RunResult r) {
        String outcome = switch (r.status()) {
            case SUCCEEDED -> r.verificationFailed() ? "finished, but verification found a MISMATCH" : "succeeded";
            case CANCELLED -> "stopped";
            default -> "failed";
        };
        return "Run " + r.runId() + " " + outcome;
    }

    static String line(RunResult r) {
        StringBuilder line = new StringBuilder();
        line.append(Units.count(r.rows())).append(" rows in ").append(Units.duration(r.seconds()))
                .append(String.format(Locale.ROOT, " (%.2f s)", r.seconds()))
                .append(" · ").append(Units.rate(r.rowsPerSecond()));
        line.append(" · ").append(verification(r));
        line.append(" · health ").append(r.health().id());
        if (r.error() != null) {
            line.append(" · ").append(r.error());
        }
        if (r.status() != RunStatus.SUCCEEDED && !r.incomplete().isEmpty()) {
            line.append(" · ").append(r.incomplete().size()).append(" partitions not committed: poollab run --resume ")
                    .append(r.runId()).append(" finishes them");
        }
        return line.toString();
    }

    /** Where the time went: the server sessions' waits, PoolLab's CPU, the acquire share, and the constraint. */
    static String waits(RunResult r) {
        return WaitSummary.of(r.waits(), r.timeBreakdown()).sentence();
    }

    private static String verification(RunResult r) {
        if (r.tables().stream().allMatch(t -> t.verified() == null)) {
            return "not verified";
        }
        return r.verificationFailed() ? "verification MISMATCH"
                : "verified (" + r.spec().verify().id() + ", " + String.format(Locale.ROOT, "%.2f s", r.verifySeconds())
                + ")";
    }
}
