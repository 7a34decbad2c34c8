package io.poollab.cli;

import io.poollab.analysis.Knee;
import io.poollab.migrate.RunResult;
import io.poollab.runner.SweepRunner;
import io.poollab.text.Units;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A sweep's cells as a table and as JSON, and its knee in words. */
final class SweepText {

    private SweepText() {
    }

    static void print(SweepRunner.Outcome outcome, SweepRunner.Grid grid, PrintStream out) {
        out.printf("sweep %d: %d runs, knee tolerance %s%n%n", outcome.sweepId(), outcome.cells().size(),
                percent(grid.tolerance()));
        out.printf("%7s %5s %6s %8s %14s %10s  %s%n", "workers", "pool", "conns", "repeat", "rows/s", "p95 wait",
                "outcome");
        for (SweepRunner.Cell cell : outcome.cells()) {
            SweepRunner.Planned p = cell.planned();
            RunResult r = cell.result();
            out.printf("%7d %5d %6d %8d %14s %10s  %s%n", p.workers(), p.poolSize(), p.connections(), p.repeat(),
                    r == null || r.seconds() <= 0 ? "–" : Units.rate(r.rows() / r.seconds()),
                    r == null ? "–" : Units.latency(worseP95(r)),
                    r == null ? "skipped: " + cell.skipped() : r.status().id() + " (run " + r.runId() + ")");
        }
        out.println();
        out.println(outcome.knee().map(SweepText::knee).orElse("knee: none, no cell succeeded"));
    }

    /** The knee against the best cell, in numbers. */
    static String knee(Knee.Result k) {
        Knee.Cell knee = k.knee();
        Knee.Cell best = k.best();
        String at = cell(knee) + ": " + Units.rate(knee.mean());
        if (knee == best) {
            return "knee: " + at + ", the best cell; no cell with fewer connections came within "
                    + percent(k.tolerance()) + " of it";
        }
        return "knee: " + at + ", within " + percent(k.tolerance()) + " of the best cell, " + cell(best) + ": "
                + Units.rate(best.mean()) + " (threshold " + Units.rate(k.threshold()) + "); the "
                + (best.connections() - knee.connections()) + " more connections bought "
                + percent(best.mean() / knee.mean() - 1);
    }

    static String outcome(SweepRunner.Cell cell) {
        RunResult r = cell.result();
        if (r == null) {
            return "skipped: " + cell.skipped();
        }
        return r.status().id() + (r.seconds() > 0 ? ", " + Units.rate(r.rows() / r.seconds()) : "")
                + ", p95 acquire wait " + Units.latency(worseP95(r)) + " (run " + r.runId() + ")"
                + (r.error() == null ? "" : ": " + r.error());
    }

    static Map<String, Object> json(SweepRunner.Outcome outcome, SweepRunner.Grid grid) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweepId", outcome.sweepId());
        root.put("grid", Map.of("workers", grid.workers(), "maximumPoolSize", grid.poolSizes(), "repeat",
                grid.repeat(), "tolerance", grid.tolerance()));
        root.put("cells", outcome.cells().stream().map(SweepText::cellJson).toList());
        root.put("knee", outcome.knee().map(k -> {
            Map<String, Object> knee = cellJson(k.knee());
            knee.put("thresholdRowsPerSecond", k.threshold());
            knee.put("best", cellJson(k.best()));
            return knee;
        }).orElse(null));
        return root;
    }

    private static Map<String, Object> cellJson(SweepRunner.Cell cell) {
        Map<String, Object> map = new LinkedHashMap<>();
        RunResult r = cell.result();
        map.put("runId", r == null ? null : r.runId());
        map.put("workers", cell.planned().workers());
        map.put("maximumPoolSize", cell.planned().poolSize());
        map.put("connections", cell.planned().connections());
        map.put("repeat", cell.planned().repeat());
        map.put("rowsPerSecond", r == null || r.seconds() <= 0 ? null : r.rows() / r.seconds());
        map.put("acquireMs", r == null ? null : Map.of("p95", worseP95(r)));
        map.put("status", r == null ? "skipped" : r.status().id());
        map.put("skipped", cell.skipped());
        return map;
    }

    private static Map<String, Object> cellJson(Knee.Cell cell) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("workers", cell.workers());
        map.put("maximumPoolSize", cell.poolSize());
        map.put("connections", cell.connections());
        map.put("rowsPerSecond", cell.mean());
        map.put("repeats", cell.rates());
        return map;
    }

    private static String cell(Knee.Cell c) {
        return c.workers() + (c.workers() == 1 ? " worker" : " workers") + " × pool " + c.poolSize() + " ("
                + c.connections() + " connections)";
    }

    private static double worseP95(RunResult r) {
        return r.pools().values().stream().mapToDouble(p -> p.acquire().p95Ms()).max().orElse(0);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, fraction * 100 >= 10 ? "%.0f%%" : "%.1f%%", fraction * 100);
    }
}
