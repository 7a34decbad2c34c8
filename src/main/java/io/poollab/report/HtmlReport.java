package io.poollab.report;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Compare;
import io.poollab.analysis.WaitSummary;
import io.poollab.analysis.Comparison;
import io.poollab.analysis.Metric;
import io.poollab.history.RunDetail;
import io.poollab.text.Units;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The tuning report as one XHTML document: well-formed XML (so the PDF renderer can read it too), no external
 * request of any kind, readable on a phone and printable. Charts are either inline SVG (the HTML file) or
 * {@code <object>} placeholders that the PDF renderer draws as vectors ({@link PdfReport}).
 */
final class HtmlReport {

    /** How charts go into the page. */
    enum Charts { INLINE_SVG, PDF_OBJECTS }

    static final String CHART_OBJECT_TYPE = "application/x-poollab-chart";
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final String CSS = css();

    private final ReportContent content;
    private final List<ReportCharts.Chart> charts;
    private final Charts mode;
    private final StringBuilder out = new StringBuilder(64 * 1024);

    private HtmlReport(ReportContent content, List<ReportCharts.Chart> charts, Charts mode) {
        this.content = content;
        this.charts = charts;
        this.mode = mode;
    }

    static String render(ReportContent content, List<ReportCharts.Chart> charts, Charts mode) {
        return new HtmlReport(content, charts, mode).document();
    }

    private String document() {
        out.append("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n")
                .append("<meta charset=\"utf-8\"/>\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
                .append("<title>").append(esc(content.title())).append("</title>\n<style>\n").append(CSS)
                .append(mode == Charts.PDF_OBJECTS ? PDF_CSS : "").append("</style>\n</head>\n<body>\n<main>\n");
        header();
        verdict();
        recommendation();
        waits();
        results();
        charts();
        findings();
        snippets();
        settings();
        environment();
        tables();
        out.append("<footer><p>Every figure was measured by PoolLab ").append(esc(content.poollabVersion()))
                .append(" and read from its run history. Passwords are never stored, so none can appear here."
                        + "</p></footer>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private void header() {
        List<Long> ids = content.runIds();
        out.append("<header>\n<h1>").append(esc(content.title())).append("</h1>\n<p class=\"meta\">Generated ")
                .append(WHEN.format(content.generatedAt())).append(" · PoolLab ").append(esc(content.poollabVersion()))
                .append(" · ").append(ids.size() == 1 ? "run " + ids.get(0)
                        : "runs " + join(ids) + " (baseline: run " + ids.get(0) + ")").append("</p>\n</header>\n");
    }

    private void verdict() {
        if (content.comparison() == null) {
            return;
        }
        section("verdict", "Verdict");
        list("verdict", content.comparison().verdict());
        out.append("</section>\n");
    }

    /** Where each run's time went: its server sessions' states, PoolLab's CPU and the acquire share. */
    private void waits() {
        if (content.waits().isEmpty()) {
            return;
        }
        section("waits", "Where the time went");
        for (RunDetail run : content.runs()) {
            WaitSummary w = content.waits().get(run.summary().id());
            if (w != null) {
                out.append("<h3>").append(esc(ReportCharts.label(run, false))).append("</h3>\n");
                list("waits", w.sentences());
            }
        }
        out.append("</section>\n");
    }

    private void recommendation() {
        section("recommendation", "Recommendation");
        list(null, content.recommendation());
        content.advice().ifPresent(this::advice);
        out.append("</section>\n");
    }

    /** The advisor's settings, each with its reasoning in numbers, then the rules of thumb beside. */
    private void advice(Advisor.Advice advice) {
        out.append("<p class=\"note\">").append(advice.sweepId() == null
                ? "The advisor's settings, from the measurements of run " + advice.basedOnRun() + "."
                : "The advisor's settings, from sweep " + advice.sweepId() + " and the measurements of its knee run, "
                + advice.basedOnRun() + ".").append("</p>\n");
        out.append("<div class=\"scroll\"><table class=\"advice\">\n<thead><tr><th>setting</th><th>value</th>"
                + "<th>because</th></tr></thead>\n<tbody>\n");
        for (Advisor.Reason r : advice.reasons()) {
            out.append("<tr><td>").append(esc((r.side() == null ? "" : r.side() + " ") + r.setting()))
                    .append("</td><td class=\"num\">").append(esc(advice.valueOf(r.setting(), r.side())))
                    .append("</td><td>")
                    .append(esc(r.because())).append("</td></tr>\n");
        }
        out.append("</tbody></table></div>\n");
        advice.warnings().forEach(w -> out.append("<p class=\"warning-line\">").append(esc(w)).append("</p>\n"));
        out.append("<p class=\"note\">Rules of thumb, for comparison only (not measured):</p>\n");
        list(null, advice.rulesOfThumb().stream().map(r -> r.because().replaceFirst("^rule of thumb: ", ""))
                .toList());
    }

    private void results() {
        section("results", "Results");
        Comparison c = content.comparison();
        out.append("<div class=\"scroll\"><table class=\"results\">\n<thead><tr><th>measured</th>");
        content.runs().forEach(r -> out.append("<th>").append(esc(ReportCharts.label(r, c != null
                && r == content.runs().get(0)))).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (Metric metric : Metric.values()) {
            out.append("<tr><th>").append(esc(metric.label())).append("</th>");
            for (int i = 0; i < content.runs().size(); i++) {
                Double value = metric.of(content.runs().get(i));
                out.append("<td>").append(esc(metric.format(value)));
                // The change against the baseline in percent and in the metric's unit: "−23% (41 ms → 32 ms)".
                Comparison.Delta delta = c == null ? null : c.results().get(metric.ordinal()).deltas().get(i);
                if (delta != null && delta.outcome() != Comparison.Outcome.SAME) {
                    out.append(" <span class=\"delta ").append(delta.outcome().name().toLowerCase(Locale.ROOT))
                            .append("\">").append(esc(deltaText(delta, metric))).append("</span>");
                }
                out.append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n<p class=\"note\">Changes are against the baseline: green is better,"
                + " red is worse for that metric. Worker time is summed over all workers.</p>\n</section>\n");
    }

    /**
     * Beside the run's own value: the change in percent and in the unit ({@code −23% (−9 ms)}); a state, or a change
     * from zero, as before → after.
     */
    private static String deltaText(Comparison.Delta delta, Metric metric) {
        if (delta.percent() == null) {
            return delta.text();
        }
        return Compare.signedPercent(delta.percent()) + " (" + (delta.absolute() > 0 ? "+" : "−")
                + metric.format(Math.abs(delta.absolute())) + ")";
    }

    private void charts() {
        section("charts", "Charts");
        for (int i = 0; i < charts.size(); i++) {
            ReportCharts.Chart chart = charts.get(i);
            out.append("<figure>");
            if (mode == Charts.INLINE_SVG) {
                out.append(chart.svg());
            } else {
                out.append("<object type=\"").append(CHART_OBJECT_TYPE).append("\" data=\"").append(i)
                        .append("\" style=\"width: 180mm; height: ")
                        .append(String.format(Locale.ROOT, "%.0f", 180.0 * chart.height() / chart.width()))
                        .append("mm;\"></object>");
            }
            out.append("<figcaption>").append(esc(chart.caption())).append("</figcaption></figure>\n");
        }
        out.append("</section>\n");
    }

    private void findings() {
        section("findings", "Health findings");
        out.append("<p class=\"note\">Healthy: peak utilization (active ÷ maximumPoolSize) under 80%. Degraded:"
                + " 80–95%. Unhealthy: over 95% sustained with workers waiting, or more than 10 connection errors."
                + "</p>\n<ul class=\"findings\">\n");
        for (Findings.Finding f : content.findings()) {
            out.append("<li class=\"").append(f.severity().name().toLowerCase(Locale.ROOT)).append("\">")
                    .append(esc(f.text())).append("</li>\n");
        }
        out.append("</ul>\n</section>\n");
    }

    private void snippets() {
        if (!content.recommendedSnippets().isEmpty()) {
            section("recommended-snippets", "Config for the recommended settings");
            out.append("<p class=\"note\">The advisor's settings above, ready to paste. The password is a "
                    + "placeholder: take it from your secret store.</p>\n");
            content.recommendedSnippets().forEach((side, s) -> {
                out.append("<h3>").append(side).append(" pool</h3>\n");
                snippet("hikari.properties", s.properties());
                snippet("Spring Boot application.yml", s.springYaml());
                snippet("Java HikariConfig", s.java());
            });
            out.append("</section>\n");
        }
        section("snippets", "Config for the winning settings");
        if (content.winner().isEmpty()) {
            out.append("<p>No run succeeded: there are no measured settings to paste.</p>\n</section>\n");
            return;
        }
        out.append("<p class=\"note\">The pools of run ").append(content.winner().get().summary().id())
                .append(", ready to paste. The password is a placeholder: take it from your secret store.</p>\n");
        content.snippets().forEach((side, s) -> {
            out.append("<h3>").append(side).append(" pool</h3>\n");
            snippet("hikari.properties", s.properties());
            snippet("Spring Boot application.yml", s.springYaml());
            snippet("Java HikariConfig", s.java());
        });
        out.append("</section>\n");
    }

    private void snippet(String caption, String code) {
        out.append("<p class=\"code-caption\">").append(esc(caption)).append("</p>\n<pre>").append(esc(code))
                .append("</pre>\n");
    }

    private void settings() {
        section("settings", "Settings");
        List<Comparison.SettingRow> rows = content.comparison() != null ? content.comparison().settings()
                : Compare.settings(content.runs());
        out.append("<div class=\"scroll\"><table class=\"settings\">\n<thead><tr><th>setting</th>");
        content.runs().forEach(r -> out.append("<th>run ").append(r.summary().id()).append("</th>"));
        out.append("</tr></thead>\n<tbody>\n");
        for (Comparison.SettingRow row : rows) {
            out.append(row.differs() ? "<tr class=\"differs\">" : "<tr>").append("<th>").append(esc(row.name()))
                    .append(row.differs() ? " ●" : "").append("</th>");
            row.values().forEach(v -> out.append("<td>").append(esc(v)).append("</td>"));
            out.append("</tr>\n");
        }
        out.append("</tbody></table></div>\n");
        if (content.runs().size() > 1) {
            out.append("<p class=\"note\">● marks the settings that differ between the runs.</p>\n");
        }
        out.append("</section>\n");
    }

    private void environment() {
        section("environment", "Environment");
        out.append("<div class=\"scroll\"><table>\n<thead><tr><th>run</th><th>side</th><th>server</th>"
                + "<th>max_connections</th><th>sessions at start</th><th>client</th></tr></thead>\n<tbody>\n");
        for (RunDetail run : content.runs()) {
            for (Map.Entry<String, RunDetail.Environment> e : run.environment().entrySet()) {
                RunDetail.Environment env = e.getValue();
                out.append("<tr><td>").append(run.summary().id()).append("</td><td>").append(esc(e.getKey()))
                        .append("</td><td>").append(esc(env.product() + " " + env.version())).append("</td><td>")
                        .append(env.maxConnections() == null ? "–" : env.maxConnections()).append("</td><td>")
                        .append(env.sessions() == null ? "–" : env.sessions()).append("</td><td>")
                        .append(env.clientCores()).append(" cores · ").append(esc(env.clientOs())).append(" · Java ")
                        .append(esc(env.javaVersion())).append("</td></tr>\n");
            }
        }
        out.append("</tbody></table></div>\n</section>\n");
    }

    private void tables() {
        section("tables", "Tables copied");
        out.append("<div class=\"scroll\"><table>\n<thead><tr><th>run</th><th>source → target</th><th>rows</th>"
                + "<th>partitions</th><th>verified</th><th>checksum</th></tr></thead>\n<tbody>\n");
        for (RunDetail run : content.runs()) {
            for (RunDetail.Table t : run.tables()) {
                out.append("<tr><td>").append(run.summary().id()).append("</td><td>")
                        .append(esc(t.source() + " → " + t.target())).append("</td><td>")
                        .append(t.rows() == null ? "–" : Units.count(t.rows())).append("</td><td>")
                        .append(t.partitionsDone()).append(" of ").append(t.partitions()).append("</td><td>")
                        .append(t.verified() == null ? "not checked" : t.verified() ? "yes" : "MISMATCH")
                        .append("</td><td class=\"mono\">").append(esc(t.sourceChecksum() == null ? "–"
                                : t.sourceChecksum())).append("</td></tr>\n");
            }
        }
        out.append("</tbody></table></div>\n</section>\n");
    }

    private void section(String id, String heading) {
        out.append("<section id=\"").append(id).append("\">\n<h2>").append(esc(heading)).append("</h2>\n");
    }

    private void list(String cssClass, List<String> items) {
        out.append(cssClass == null ? "<ul>\n" : "<ul class=\"" + cssClass + "\">\n");
        items.forEach(i -> out.append("<li>").append(esc(i)).append("</li>\n"));
        out.append("</ul>\n");
    }

    private static String join(List<Long> ids) {
        return String.join(", ", ids.stream().map(String::valueOf).toList());
    }

    /** XML text and attribute escaping; drops the control characters XML 1.0 cannot hold. */
    static String esc(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\t' || c == '\r') {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    private static final String PDF_CSS = """
            body { font-family: "DejaVu Sans", sans-serif; font-size: 9pt; background: #fff; }
            main { max-width: none; padding: 0; }
            .scroll { overflow: visible; }
            pre { white-space: pre-wrap; font-size: 7.5pt; }
            """;

    private static String css() {
        try (InputStream in = HtmlReport.class.getResourceAsStream("/styles/report.css")) {
            if (in == null) {
                throw new IllegalStateException("/styles/report.css is missing from the classpath (the pom packages styles/)");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
