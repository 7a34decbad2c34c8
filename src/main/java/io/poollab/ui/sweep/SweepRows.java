package io.poollab.ui.sweep;

import io.poollab.analysis.SweepAnalysis;
import io.poollab.history.RunSummary;
import io.poollab.runner.SweepRunner;
import java.util.ArrayList;
import java.util.List;

/** The cells table: one row per run the grid asked for, from the history, with what is still to come. */
public final class SweepRows {

    /**
     * One run of a grid position.
     *
     * @param status        the stored status, or "pending", or "skipped"
     * @param rowsPerSecond null until the run succeeded
     * @param p95WaitMs     the worse pool's p95 acquire wait, null until measured
     * @param mark          "knee", "best", "knee, best" or "" (of the cells so far, while the sweep runs)
     * @param note          why a run was skipped, or the run's error
     */
    public record Row(int workers, int poolSize, int connections, int repeat, String status, Double rowsPerSecond,
               Double p95WaitMs, Long runId, String mark, String note) {
    }

    private SweepRows() {
    }

    /** {@code running}: the sweep is still going, so missing runs are pending rather than skipped. */
    static List<Row> of(SweepAnalysis sweep, boolean running, SweepRunner.Planned current) {
        List<Row> rows = new ArrayList<>();
        int repeats = sweep.sweep().repeat();
        for (SweepAnalysis.Position p : sweep.positions()) {
            String mark = mark(sweep, p);
            for (int i = 0; i < p.runs().size(); i++) {
                RunSummary r = p.runs().get(i);
                rows.add(new Row(p.workers(), p.poolSize(), p.connections(), i + 1, r.status(), r.rowsPerSecond(),
                        r.p95WaitMs(), r.id(), r.status().equals("succeeded") ? mark : "", ""));
            }
            for (int i = p.runs().size(); i < repeats; i++) {
                boolean next = current != null && current.workers() == p.workers()
                        && current.poolSize() == p.poolSize() && current.repeat() == i + 1;
                rows.add(new Row(p.workers(), p.poolSize(), p.connections(), i + 1,
                        running ? (next ? "starting" : "pending") : "skipped", null, null, null, "",
                        running ? "" : p.skipped()));
            }
        }
        return rows;
    }

    private static String mark(SweepAnalysis sweep, SweepAnalysis.Position p) {
        return sweep.knee().map(k -> {
            List<String> marks = new ArrayList<>();
            if (p.is(k.knee())) {
                marks.add("knee");
            }
            if (p.is(k.best())) {
                marks.add("best");
            }
            return String.join(", ", marks);
        }).orElse("");
    }
}
