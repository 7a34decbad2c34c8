package io.poollab.cli;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Knee;
import io.poollab.analysis.SweepAnalysis;
import io.poollab.config.PoolSettings;
import io.poollab.history.RunSummary;
import io.poollab.runner.SweepRunner;
import io.poollab.text.Units;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A stored sweep as a table and as JSON: its cells, its knee in words, and the advisor's recommendation. */
final class SweepText {

    /** The recommendation's settings, in the order they print. */
    static final List<String> SETTINGS = List.of("workers", "poolMode", "maximumPoolSize", "minimumIdle",
            "connectionTimeout", "idleTimeout", "maxLifetime", "keepaliveTime");

    private SweepText() {
    }

    static void print(SweepAnalysis sweep, PrintStream out) {
        int runs = sweep.positions().stream().mapToInt(p -> p.runs().size()).sum();
        out.printf("sweep %d: %d of %d runs, %s pools, knee tolerance %s%n%n", sweep.sweep().id(), runs,
                sweep.sweep().plannedRuns(), sweep.sweep().poolMode(), Units.percent(sweep.sweep().tolerance()));
        out.printf("%7s %5s %6s %6s %14s %10s  %s%n", "workers", "pool", "conns", "repeat", "rows/s", "p95 wait",
                "outcome");
        for (SweepAnalysis.Position p : sweep.positions()) {
            for (int i = 0; i < p.runs().size(); i++) {
                RunSummary r = p.runs().get(i);
                out.printf("%7d %5d %6d %6d %14s %10s  %s%n", p.workers(), p.poolSize(), p.connections(), i + 1,
                        r.rowsPerSecond() == null ? "–" : Units.rate(r.rowsPerSecond()),
                        r.p95WaitMs() == null ? "–" : Units.latency(r.p95WaitMs()),
                        r.status() + " (run " + r.id() + ")" + mark(sweep, p));
            }
            if (p.skipped() != null) {
                out.printf("%7d %5d %6d %6s %14s %10s  %s%n", p.workers(), p.poolSize(), p.connections(), "–", "–",
                        "–", "skipped: " + p.skipped());
            }
        }
        out.println();
        out.println(sweep.knee().map(Knee.Result::describe).orElse("knee: none, no cell succeeded"));
        sweep.caveats().forEach(c -> out.println("caveat: " + c));
        sweep.advice().ifPresent(advice -> printAdvice(advice, out));
    }

    private static String mark(SweepAnalysis sweep, SweepAnalysis.Position p) {
        return sweep.knee().map(k -> p.is(k.knee()) ? "  ← knee" : p.is(k.best()) ? "  ← best" : "").orElse("");
    }

    static void printAdvice(Advisor.Advice advice, PrintStream out) {
        out.println();
        out.println("recommendation (from the measurements of run " + advice.basedOnRun() + "):");
        for (String setting : SETTINGS) {
            for (Advisor.Reason reason : advice.reasonsFor(setting)) {
                String value = advice.valueOf(setting, reason.side());
                out.printf("  %-24s %9s  %s%n", (reason.side() == null ? "" : reason.side() + " ") + setting, value,
                        reason.because());
            }
        }
        for (Advisor.Reason reason : advice.reasonsFor("fleetBudget")) {
            out.printf("  %-24s %9s  %s%n", reason.side() + " fleet budget", "", reason.because());
        }
        out.println();
        out.println("rules of thumb (for comparison; not measured):");
        advice.rulesOfThumb().forEach(r -> out.println("  " + r.setting() + ": " + r.because()));
        advice.warnings().forEach(w -> out.println("warning: " + w));
    }

    /** A cell's line on stderr as the sweep goes. */
    static String outcome(SweepRunner.Cell cell) {
        var r = cell.result();
        if (r == null) {
            return "skipped: " + cell.skipped();
        }
        double p95 = r.pools().values().stream().mapToDouble(p -> p.acquire().p95Ms()).max().orElse(0);
        return r.status().id() + (r.seconds() > 0 ? ", " + Units.rate(r.rows() / r.seconds()) : "")
                + ", p95 acquire wait " + Units.latency(p95) + " (run " + r.runId() + ")"
                + (r.error() == null ? "" : ": " + r.error());
    }

    static Map<String, Object> json(SweepAnalysis sweep) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("sweepId", sweep.sweep().id());
        root.put("grid", Map.of("workers", sweep.sweep().workers(), "maximumPoolSize", sweep.sweep().poolSizes(),
                "repeat", sweep.sweep().repeat(), "tolerance", sweep.sweep().tolerance(), "poolMode",
                sweep.sweep().poolMode()));
        root.put("cells", sweep.positions().stream().flatMap(p -> cellsJson(p).stream()).toList());
        root.put("stopReason", sweep.sweep().stopReason());
        root.put("knee", sweep.knee().map(k -> {
            Map<String, Object> knee = cellJson(k.knee());
            knee.put("thresholdRowsPerSecond", k.threshold());
            knee.put("best", cellJson(k.best()));
            return knee;
        }).orElse(null));
        root.put("caveats", sweep.caveats());
        root.put("recommendation", sweep.advice().map(SweepText::adviceJson).orElse(null));
        return root;
    }

    private static List<Map<String, Object>> cellsJson(SweepAnalysis.Position p) {
        List<Map<String, Object>> cells = new java.util.ArrayList<>();
        for (int i = 0; i < p.runs().size(); i++) {
            RunSummary r = p.runs().get(i);
            Map<String, Object> map = position(p);
            map.put("runId", r.id());
            map.put("repeat", i + 1);
            map.put("rowsPerSecond", r.rowsPerSecond());
            map.put("acquireMs", r.p95WaitMs() == null ? null : Map.of("p95", r.p95WaitMs()));
            map.put("status", r.status());
            cells.add(map);
        }
        if (p.skipped() != null) {
            Map<String, Object> map = position(p);
            map.put("runId", null);
            map.put("status", "skipped");
            map.put("skipped", p.skipped());
            cells.add(map);
        }
        return cells;
    }

    private static Map<String, Object> position(SweepAnalysis.Position p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("workers", p.workers());
        map.put("maximumPoolSize", p.poolSize());
        map.put("connections", p.connections());
        return map;
    }

    static Map<String, Object> adviceJson(Advisor.Advice advice) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("basedOnRunId", advice.basedOnRun());
        map.put("workers", advice.workers());
        map.put("poolMode", advice.poolMode());
        map.put("maximumPoolSize", advice.maximumPoolSize());
        map.put("minimumIdle", advice.minimumIdle());
        map.put("connectionTimeout", advice.connectionTimeoutMs());
        PoolSettings target = advice.pools().get("target");
        map.put("idleTimeout", target.idleTimeoutMs());
        map.put("maxLifetime", target.maxLifetimeMs());
        map.put("keepaliveTime", target.keepaliveTimeMs());
        map.put("connections", advice.connections());
        Map<String, Object> pools = new LinkedHashMap<>();
        advice.pools().forEach((side, p) -> pools.put(side, poolJson(p)));
        map.put("pools", pools);
        map.put("reasons", advice.reasons().stream().map(SweepText::reasonJson).toList());
        map.put("rulesOfThumb", advice.rulesOfThumb().stream().map(SweepText::reasonJson).toList());
        map.put("warnings", advice.warnings());
        return map;
    }

    private static Map<String, Object> poolJson(PoolSettings p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("maximumPoolSize", p.maximumPoolSize());
        map.put("minimumIdle", p.minimumIdle());
        map.put("connectionTimeout", p.connectionTimeoutMs());
        map.put("idleTimeout", p.idleTimeoutMs());
        map.put("maxLifetime", p.maxLifetimeMs());
        map.put("keepaliveTime", p.keepaliveTimeMs());
        return map;
    }

    private static Map<String, Object> reasonJson(Advisor.Reason r) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("setting", r.setting());
        if (r.side() != null) {
            map.put("side", r.side());
        }
        map.put("because", r.because());
        map.put("numbers", r.numbers());
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
}
