package io.poollab.cli;

import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.text.Units;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code history list} and {@code history show} as text for people, and the list's JSON shape. */
final class HistoryText {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private HistoryText() {
    }

    static void list(List<RunSummary> runs, PrintStream out) {
        if (runs.isEmpty()) {
            out.println("No runs yet. Start one: poollab run --config sample-configs/h2-demo.yaml");
            return;
        }
        out.printf("%5s  %-19s  %-18s  %-11s  %-22s  %11s  %14s  %7s  %-17s  %9s  %-9s%n", "id", "started", "label",
                "status", "tables", "rows", "rows/s", "workers", "pool src/tgt", "p95 wait", "health");
        for (RunSummary run : runs) {
            out.printf("%5d  %-19s  %-18s  %-11s  %-22s  %11s  %14s  %7d  %-17s  %9s  %-9s%n", run.id(),
                    WHEN.format(run.startedAt()), clip(run.label(), 18), run.status(), clip(run.tables(), 22),
                    run.rows() == null ? "-" : Units.count(run.rows()),
                    run.rowsPerSecond() == null ? "-" : Units.rate(run.rowsPerSecond()), run.workers(), pools(run),
                    run.p95WaitMs() == null ? "-" : Units.latency(run.p95WaitMs()),
                    run.health() == null ? "-" : run.health());
        }
    }

    static Map<String, Object> json(RunSummary run) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("runId", run.id());
        map.put("startedAt", run.startedAt().toString());
        map.put("label", run.label());
        map.put("status", run.status());
        map.put("tables", run.tables());
        map.put("rows", run.rows());
        map.put("seconds", run.seconds());
        map.put("rowsPerSecond", run.rowsPerSecond());
        map.put("workers", run.workers());
        map.put("poolMode", run.poolMode());
        map.put("sourceMaximumPoolSize", run.sourcePoolMax());
        map.put("targetMaximumPoolSize", run.targetPoolMax());
        map.put("p95WaitMs", run.p95WaitMs());
        map.put("health", run.health());
        map.put("resumedFrom", run.resumedFrom());
        map.put("originHost", run.originHost());
        map.put("originId", run.originId());
        return map;
    }

    static void show(RunDetail run, PrintStream out) {
        RunSummary s = run.summary();
        out.printf("run %d%s: %s%s%n", s.id(), s.label() == null ? "" : " \"" + s.label() + "\"", s.status(),
                s.resumedFrom() == null ? "" : " (resumes run " + s.resumedFrom() + ")");
        out.printf("started %s, ended %s, on %s (pid %d), PoolLab %s%n", WHEN.format(s.startedAt()),
                run.endedAt() == null ? "-" : WHEN.format(run.endedAt()), run.host(), run.pid(), run.poollabVersion());
        if (s.originHost() != null) {
            out.printf("imported: run %d of %s%n", s.originId(), s.originHost());
        }
        out.printf("source %s%ntarget %s%n", run.sourceUrl(), run.targetUrl());
        if (s.rows() != null) {
            out.printf("%s rows in %s (%.2f s), %s; verification %.2f s; health %s%n", Units.count(s.rows()),
                    Units.duration(s.seconds()), s.seconds(), Units.rate(s.rowsPerSecond()),
                    run.verifySeconds() == null ? 0 : run.verifySeconds(), s.health());
        }
        if (run.healthReasons() != null && !run.healthReasons().isEmpty()) {
            out.println("  health: " + run.healthReasons());
        }
        if (run.error() != null) {
            out.println("error: " + run.error());
        }
        out.printf("%nsettings: %d workers, pool mode %s, holdConnections %s, batchRows %d, verify %s, sampling every "
                + "%d ms%n", s.workers(), s.poolMode(), run.holdConnections(), run.batchRows(), run.verify(),
                run.sampleIntervalMs());
        out.printf("%-7s %5s %7s %11s %11s %11s %11s %9s %9s %7s %8s %8s %9s %9s %9s %8s%n", "pool", "max", "minIdle",
                "connTimeout", "idleTimeout", "maxLifetime", "keepalive", "peak act", "peak wait", "created",
                "borrows", "timeouts", "p50 wait", "p95 wait", "p99 wait", "sessions");
        run.pools().forEach((side, p) -> out.printf("%-7s %5d %7d %11s %11s %11s %11s %9s %9s %7s %8s %8s %9s %9s "
                        + "%9s %8s%n", side, p.maximumPoolSize(), p.minimumIdle(), ms(p.connectionTimeoutMs()),
                ms(p.idleTimeoutMs()), ms(p.maxLifetimeMs()), ms(p.keepaliveTimeMs()), value(p.peakActive()),
                value(p.peakPending()), value(p.created()), value(p.borrows()), value(p.timeouts()),
                latency(p.acquireP50Ms()), latency(p.acquireP95Ms()), latency(p.acquireP99Ms()),
                value(p.peakDbSessions())));
        Map<String, Long> time = run.timeBreakdownMs();
        if (time.get("read") != null) {
            long total = Math.max(1, time.values().stream().mapToLong(v -> v == null ? 0 : v).sum());
            StringBuilder line = new StringBuilder("thread time:");
            time.forEach((k, v) -> line.append(' ').append(k).append(' ').append(Units.percent((double) v / total)));
            out.println(line);
        }
        out.println();
        for (RunDetail.Table t : run.tables()) {
            String verified = t.verified() == null ? "not verified" : t.verified() ? "verified" : "MISMATCH";
            out.printf("table %s → %s: key %s, %s, %d/%d partitions done, %s rows, %s%n", t.source(), t.target(),
                    t.key() == null ? "(none)" : t.key(), t.transfer(), t.partitionsDone(), t.partitions(),
                    t.rows() == null ? "-" : Units.count(t.rows()), verified);
        }
        run.environment().forEach((side, e) -> out.printf("%s server: %s %s, max_connections %s; client %d cores, "
                + "%s, %s%n", side, e.product(), e.version(), value(e.maxConnections()), e.clientCores(), e.clientOs(),
                e.javaVersion()));
        if (!run.events().isEmpty()) {
            out.println();
            out.println("events:");
            run.events().forEach(e -> out.printf("  %8s  %-8s %s%n", Units.duration(e.elapsedMs() / 1000.0),
                    e.type(), e.message()));
        }
    }

    private static String pools(RunSummary run) {
        if (run.poolMode().equals("unpooled")) {
            return "unpooled";
        }
        return run.sourcePoolMax() + "/" + run.targetPoolMax() + (run.poolMode().equals("per-worker") ? " per wkr"
                : " shared");
    }

    private static String ms(long millis) {
        return millis == 0 ? "0" : Units.latency(millis);
    }

    private static String latency(Double ms) {
        return ms == null ? "-" : Units.latency(ms);
    }

    private static String value(Object value) {
        return value == null ? "-" : value.toString();
    }

    /** At most {@code width} characters, an ellipsis marking what was cut. */
    static String clip(String text, int width) {
        if (text == null) {
            return "";
        }
        return text.length() <= width ? text : text.substring(0, width - 1) + "…";
    }
}
