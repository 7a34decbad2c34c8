package io.poollab.ui.history;

import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.text.Units;
import java.util.LinkedHashMap;
import java.util.Map;

/** The words and numbers shown beside a replayed run: its outcome line and its settings, in the user's units. */
final class ReplayText {

    private ReplayText() {
    }

    static String outcome(RunDetail d) {
        RunSummary s = d.summary();
        StringBuilder line = new StringBuilder();
        if (s.rows() != null && s.seconds() != null) {
            line.append(Units.count(s.rows())).append(" rows in ").append(Units.duration(s.seconds()))
                    .append(" (").append(String.format(java.util.Locale.ROOT, "%.2f s", s.seconds())).append(") · ")
                    .append(Units.rate(s.rowsPerSecond()));
        }
        String verified = verification(d);
        if (!verified.isEmpty()) {
            line.append(line.length() > 0 ? " · " : "").append(verified);
        }
        if (s.health() != null) {
            line.append(" · health ").append(s.health());
            if (d.healthReasons() != null && !d.healthReasons().isBlank()) {
                line.append(" (").append(d.healthReasons()).append(')');
            }
        }
        if (d.error() != null) {
            line.append(line.length() > 0 ? " · " : "").append("error: ").append(d.error());
        }
        return line.toString();
    }

    private static String verification(RunDetail d) {
        if (d.tables().isEmpty() || d.tables().stream().allMatch(t -> t.verified() == null)) {
            return d.verify() == null || d.verify().equals("none") ? "not verified" : "";
        }
        boolean ok = d.tables().stream().allMatch(t -> Boolean.TRUE.equals(t.verified()));
        return ok ? "verified (" + d.verify() + ")" : "verification MISMATCH";
    }

    static Map<String, String> settings(RunDetail d) {
        RunSummary s = d.summary();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("source", d.sourceUrl());
        rows.put("target", d.targetUrl());
        rows.put("tables", d.tables().stream().map(t -> t.source() + " → " + t.target() + " (key "
                + (t.key() == null ? "none" : t.key()) + ", " + t.partitions() + " partitions, " + t.transfer() + ")")
                .reduce((a, b) -> a + "\n" + b).orElse("–"));
        rows.put("workers", s.workers() + ", pool mode " + s.poolMode() + ", hold " + d.holdConnections());
        rows.put("batch", Units.count(d.batchRows()) + " rows, verify " + d.verify() + ", sample every "
                + d.sampleIntervalMs() + " ms");
        d.pools().forEach((side, p) -> {
            rows.put(side + " pool", "max " + p.maximumPoolSize() + ", minIdle " + p.minimumIdle()
                    + ", connectionTimeout " + ms(p.connectionTimeoutMs()) + ", idleTimeout " + ms(p.idleTimeoutMs())
                    + ", maxLifetime " + ms(p.maxLifetimeMs()) + ", keepalive " + ms(p.keepaliveTimeMs()));
            if (p.peakActive() != null) {
                rows.put(side + " measured", "peak " + p.peakActive() + " active, " + p.peakPending() + " waiting; "
                        + p.created() + " created, " + p.borrows() + " borrows, " + p.timeouts() + " timeouts; "
                        + "wait p50 " + latency(p.acquireP50Ms()) + ", p95 " + latency(p.acquireP95Ms()) + ", p99 "
                        + latency(p.acquireP99Ms()) + (p.peakDbSessions() == null || p.peakDbSessions() < 0 ? ""
                        : "; peak DB sessions " + p.peakDbSessions()));
            }
        });
        Map<String, Long> time = d.timeBreakdownMs();
        if (time.get("read") != null) {
            long total = Math.max(1, time.values().stream().mapToLong(v -> v == null ? 0 : v).sum());
            StringBuilder line = new StringBuilder();
            time.forEach((k, v) -> line.append(line.length() > 0 ? ", " : "").append(k).append(' ')
                    .append(Units.percent((double) (v == null ? 0 : v) / total)));
            rows.put("worker time", line.toString());
        }
        d.environment().forEach((side, e) -> rows.put(side + " server", e.product() + " " + e.version()
                + (e.maxConnections() == null || e.maxConnections() < 0 ? "" : ", max_connections " + e.maxConnections())));
        rows.put("recorded", d.host() + ", PoolLab " + d.poollabVersion());
        return rows;
    }

    private static String ms(long millis) {
        return millis == 0 ? "0 (off)" : Units.latency(millis);
    }

    private static String latency(Double ms) {
        return ms == null ? "–" : Units.latency(ms);
    }
}
