package io.poollab.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.poollab.analysis.Advisor;
import io.poollab.analysis.Compare;
import io.poollab.analysis.WaitSummary;
import io.poollab.migrate.TimeBreakdown;
import io.poollab.analysis.Comparison;
import io.poollab.analysis.SweepAnalysis;
import io.poollab.config.ConfigException;
import io.poollab.config.PoolLabVersion;
import io.poollab.config.Problem;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.RunSample;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a tuning report shows, read from the history once: the runs, their samples, the comparison (from two
 * runs on), the health findings, and the config snippets of the winning run. Every format renders this one object,
 * so the HTML, the PDF and the CSV files can never disagree.
 *
 * @param comparison null for a report of one run
 * @param winner     the succeeded run with the highest rows/s; empty when no run succeeded
 * @param snippets   the winner's pools as pasteable config, by side
 * @param advice     the advisor's settings: from the winner's sweep when it was a sweep's cell, else from the
 *                   winner alone; empty when no run succeeded
 * @param recommendedSnippets the advice as pasteable config, by side
 * @param sweep      the winner's sweep, when it was a sweep's cell: its charts go into the report
 * @param waits      each run's server waits, client CPU and acquire share, by run id
 */
public record ReportContent(String title, Instant generatedAt, String poollabVersion, List<RunDetail> runs,
                            Map<Long, List<RunSample>> samples, Comparison comparison, Optional<RunDetail> winner,
                            List<Findings.Finding> findings, List<String> recommendation,
                            Map<String, ConfigSnippets.Snippets> snippets, Optional<Advisor.Advice> advice,
                            Map<String, ConfigSnippets.Snippets> recommendedSnippets,
                            Optional<SweepAnalysis> sweep, Map<Long, WaitSummary> waits) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** Reads {@code runIds} (1 to 4, the first the baseline) from the history: the caller's thread, never FX's. */
    public static ReportContent load(HistoryStore history, List<Long> runIds, String title, Instant now)
            throws ConfigException {
        if (runIds.isEmpty() || runIds.size() > Compare.MAX_RUNS) {
            throw new ConfigException(Problem.error("", "--runs", "a report takes 1 to " + Compare.MAX_RUNS
                    + " runs, got " + runIds.size()));
        }
        List<RunDetail> runs = new ArrayList<>();
        Map<Long, List<RunSample>> samples = new LinkedHashMap<>();
        for (long id : runIds) {
            RunDetail run = history.detail(id).orElseThrow(() -> new ConfigException(Problem.error("", "--runs",
                    "run " + id + " is not in the history " + history.file())));
            if (run.summary().status().equals("running")) {
                throw new ConfigException(Problem.error("", "--runs", "run " + id
                        + " is still running: report on it once it has ended"));
            }
            runs.add(run);
            samples.put(id, history.samples(id));
        }
        Optional<RunDetail> winner = winner(runs);
        Optional<Advisor.Advice> advice = Optional.empty();
        Optional<SweepAnalysis> sweep = Optional.empty();
        if (winner.isPresent()) {
            Long sweepId = winner.get().summary().sweepId();
            sweep = sweepId == null ? Optional.empty() : SweepAnalysis.load(history, sweepId, Advisor.Fleet.SINGLE);
            advice = sweep.flatMap(SweepAnalysis::advice);
            if (advice.isEmpty()) {
                advice = Optional.of(Advisor.forRun(winner.get(), samples.get(winner.get().summary().id()),
                        Advisor.Fleet.SINGLE));
            }
        }
        Map<Long, WaitSummary> waits = new LinkedHashMap<>();
        for (RunDetail run : runs) {
            long id = run.summary().id();
            history.waits(id).ifPresent(w -> waits.put(id, WaitSummary.of(w, breakdown(run))));
        }
        return of(runs, samples, title, now, advice, sweep, waits);
    }

    private static Optional<RunDetail> winner(List<RunDetail> runs) {
        return runs.stream()
                .filter(r -> r.summary().status().equals("succeeded") && r.summary().rowsPerSecond() != null)
                .max(Comparator.comparingDouble(r -> r.summary().rowsPerSecond()));
    }

    static ReportContent of(List<RunDetail> runs, Map<Long, List<RunSample>> samples, String title, Instant now,
                            Optional<Advisor.Advice> advice, Optional<SweepAnalysis> sweep,
                            Map<Long, WaitSummary> waits) throws ConfigException {
        Comparison comparison = runs.size() >= 2 ? Compare.of(runs) : null;
        Optional<RunDetail> winner = winner(runs);
        Map<String, ConfigSnippets.Snippets> snippets = new LinkedHashMap<>();
        winner.ifPresent(w -> w.pools().keySet().forEach(side ->
                snippets.put(side, ConfigSnippets.of(w, side, username(w, side)))));
        String heading = title == null || title.isBlank() ? defaultTitle(runs) : title.strip();
        return new ReportContent(heading, now, PoolLabVersion.get(), List.copyOf(runs), samples, comparison, winner,
                Findings.of(runs), Findings.recommendation(runs, winner, comparison), snippets, advice,
                recommended(winner, advice), sweep, Map.copyOf(waits));
    }

    /** The stored time breakdown in the engine's type, for the acquire share. */
    static TimeBreakdown.Snapshot breakdown(RunDetail run) {
        Map<String, Long> t = run.timeBreakdownMs();
        return new TimeBreakdown.Snapshot(ms(t, "read"), ms(t, "acquire"), ms(t, "queueWait"), ms(t, "write"),
                ms(t, "commit"));
    }

    private static long ms(Map<String, Long> t, String key) {
        Long v = t == null ? null : t.get(key);
        return v == null ? 0 : v;
    }

    /** The advice as config, on the connections of the run whose pools it was measured on. */
    private static Map<String, ConfigSnippets.Snippets> recommended(Optional<RunDetail> winner,
                                                                    Optional<Advisor.Advice> advice) {
        Map<String, ConfigSnippets.Snippets> snippets = new LinkedHashMap<>();
        if (winner.isPresent() && advice.isPresent()) {
            RunDetail w = winner.get();
            advice.get().pools().forEach((side, settings) ->
                    snippets.put(side, ConfigSnippets.recommended(w, side, username(w, side), settings)));
        }
        return snippets;
    }

    /** The run ids, in the order given. */
    public List<Long> runIds() {
        return runs.stream().map(r -> r.summary().id()).toList();
    }

    private static String defaultTitle(List<RunDetail> runs) {
        return runs.size() == 1 ? "Pool tuning report: run " + runs.get(0).summary().id()
                : "Pool tuning report: runs " + String.join(", ", runs.stream()
                .map(r -> String.valueOf(r.summary().id())).toList());
    }

    /** The user name in the run's stored config (it is no secret), or null for a placeholder. */
    private static String username(RunDetail run, String side) {
        if (run.configYaml() == null) {
            return null;
        }
        try {
            JsonNode name = YAML.readTree(run.configYaml()).path(side).path("username");
            return name.isTextual() && !name.asText().contains("${") ? name.asText() : null;
        } catch (IOException unreadable) {
            // A stored config that does not parse still gets its snippets, with a placeholder user.
            return null;
        }
    }
}
