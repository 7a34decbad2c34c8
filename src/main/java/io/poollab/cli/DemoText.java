package io.poollab.cli;

import io.poollab.analysis.Comparison;
import io.poollab.analysis.Knee;
import io.poollab.demo.DemoOptions;
import io.poollab.demo.DemoResult;
import io.poollab.demo.MeasuredStep;
import io.poollab.demo.Scenario;
import io.poollab.demo.VariantStats;
import io.poollab.text.Units;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A demo's scenarios as a list, and a demo's result as a table with its conclusion, or as one JSON object. */
final class DemoText {

    private DemoText() {
    }

    static void list(PrintStream out) {
        out.println("scenarios (poollab demo --scenario NAME [--rows N] [--json]):");
        for (Scenario s : Scenario.values()) {
            out.printf("  %-22s %s%n  %-22s %s%n", s.id(), s.title(), "", s.runs());
        }
        out.println();
        out.println("Each runs real, verified copies of " + Units.count(DemoOptions.DEFAULT_ROWS) + " rows (--rows) "
                + "from the H2 demo source into an embedded PostgreSQL " + DemoOptions.DEFAULT_LATENCY_MS
                + " ms away (--latency-ms), started by PoolLab; nothing has to be installed.");
    }

    static Map<String, Object> listJson() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenarios", Scenario.ids().stream().map(id -> {
            Scenario s = Scenario.byId(id).orElseThrow();
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("scenario", s.id());
            m.put("title", s.title());
            m.put("runs", s.runs());
            m.put("defaultRepeats", s.defaultRepeats());
            return m;
        }).toList());
        return root;
    }

    static void print(DemoResult result, PrintStream out) {
        Scenario s = result.scenario();
        DemoOptions o = result.options();
        out.println("demo " + s.id() + ": " + s.title());
        out.println(s.runs() + "; " + Units.count(o.rows()) + " rows from the H2 demo source into PostgreSQL "
                + (o.latencyMs() == 0 ? "directly" : "+" + o.latencyMs() + " ms each way (RTT +" + 2 * o.latencyMs()
                + " ms)"));
        out.println();
        out.printf("%-22s %6s %6s %7s %-10s %5s %14s %8s %10s %9s %6s %5s%n", "variant", "repeat", "run", "workers",
                "mode", "conns", "rows/s", "copy", "start→end", "p95 wait", "opened", "peak");
        List<MeasuredStep> rows = new java.util.ArrayList<>();
        result.warmUp().ifPresent(rows::add);
        rows.addAll(result.steps());
        for (MeasuredStep m : rows) {
            out.printf("%-22s %6d %6d %7d %-10s %5d %14s %8s %10s %9s %6d %5d%s%n", HistoryText.clip(m.variant(), 22),
                    m.repeat(), m.runId(), m.settings().workers(), m.settings().poolMode(), m.settings().connections(),
                    m.succeeded() ? Units.rate(m.rowsPerSecond()) : "–", Units.length(m.copySeconds()),
                    Units.length(m.wallSeconds()), Units.latency(m.p95WaitMs()), m.connectionsOpened(), m.peakOpen(),
                    (m.repeat() == 0 ? "  not counted" : "") + (m.succeeded() ? ""
                            : "  " + m.status().id() + (m.error() == null ? "" : ": " + m.error())));
        }
        out.println();
        result.sweep().ifPresent(sweep -> {
            out.println(sweep.knee().map(Knee.Result::describe).orElse("knee: none, no cell succeeded"));
            sweep.caveats().forEach(c -> out.println("caveat: " + c));
            sweep.advice().ifPresent(advice -> SweepText.printAdvice(advice, out));
            out.println();
        });
        out.println("conclusion: " + result.conclusion().sentence());
        out.println();
        result.conclusion().details().forEach(d -> out.println("  " + d));
    }

    static Map<String, Object> json(DemoResult result) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("scenario", result.scenario().id());
        root.put("title", result.scenario().title());
        root.put("rows", result.options().rows());
        root.put("repeats", result.options().repeatsFor(result.scenario()));
        root.put("latencyMs", result.options().latencyMs());
        root.put("sourceTable", result.sourceTable());
        root.put("warmUp", result.warmUp().map(DemoText::step).orElse(null));
        root.put("steps", result.steps().stream().map(DemoText::step).toList());
        root.put("variants", result.variants().stream().map(DemoText::variant).toList());
        root.put("finding", result.conclusion().finding().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        root.put("conclusion", result.conclusion().sentence());
        root.put("details", result.conclusion().details());
        result.comparison().ifPresent(c -> root.put("compare", compare(c)));
        result.sweep().ifPresent(sweep -> root.put("sweep", SweepText.json(sweep)));
        root.put("cancelled", result.cancelled());
        return root;
    }

    private static Map<String, Object> step(MeasuredStep m) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runId", m.runId());
        map.put("variant", m.variant());
        map.put("repeat", m.repeat());
        map.put("status", m.status().id());
        map.put("error", m.error());
        MeasuredStep.Settings s = m.settings();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("workers", s.workers());
        settings.put("poolMode", s.poolMode());
        settings.put("holdConnections", s.holdConnections());
        settings.put("batchRows", s.batchRows());
        settings.put("maximumPoolSize", s.maximumPoolSize());
        settings.put("minimumIdle", s.minimumIdle());
        settings.put("idleTimeoutMs", s.idleTimeoutMs());
        settings.put("maxLifetimeMs", s.maxLifetimeMs());
        settings.put("connections", s.connections());
        map.put("settings", settings);
        map.put("rows", m.rows());
        map.put("rowsPerSecond", round(m.rowsPerSecond(), 1));
        map.put("copySeconds", round(m.copySeconds(), 3));
        map.put("wallSeconds", round(m.wallSeconds(), 3));
        map.put("p95WaitMs", round(m.p95WaitMs(), 4));
        map.put("connectionsOpened", m.connectionsOpened());
        map.put("peakOpen", m.peakOpen());
        Map<String, Object> time = new LinkedHashMap<>();
        time.put("read", m.time().readMs());
        time.put("acquire", m.time().acquireMs());
        time.put("queueWait", m.time().queueWaitMs());
        time.put("write", m.time().writeMs());
        time.put("commit", m.time().commitMs());
        map.put("timeBreakdownMs", time);
        return map;
    }

    private static Map<String, Object> variant(VariantStats v) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("variant", v.variant());
        map.put("runIds", v.steps().stream().map(MeasuredStep::runId).toList());
        map.put("meanRowsPerSecond", round(v.meanRowsPerSecond(), 1));
        map.put("rateSpread", Double.isNaN(v.rateSpread()) ? null : round(v.rateSpread(), 4));
        map.put("meanWallSeconds", round(v.meanWallSeconds(), 3));
        map.put("meanP95WaitMs", round(v.meanP95WaitMs(), 4));
        map.put("meanConnectionsOpened", round(v.meanConnectionsOpened(), 1));
        map.put("peakOpen", v.peakOpen());
        return map;
    }

    private static Map<String, Object> compare(Comparison c) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runIds", c.runs().stream().map(r -> r.summary().id()).toList());
        map.put("verdict", c.verdict());
        return map;
    }

    private static Double round(double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
