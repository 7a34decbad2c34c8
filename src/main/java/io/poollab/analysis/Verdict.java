package io.poollab.analysis;

import io.poollab.analysis.Comparison.SettingRow;
import io.poollab.history.RunDetail;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison in plain words, computed from the figures and never pre-written: which run moved its rows faster
 * and by how much, with how many connections, what happened to the wait, whether the runs are comparable at all
 * (same data size), and whether the difference can be told from noise.
 */
final class Verdict {

    /** Runs whose row counts differ by more than this did not move the same data. */
    static final double SAME_DATA = 0.01;

    private Verdict() {
    }

    static List<String> of(List<RunDetail> runs, List<SettingRow> settings) {
        List<String> lines = new ArrayList<>();
        ConfoundGuard.warning(runs, settings).ifPresent(w -> lines.add("Warning: " + w));
        RunDetail base = runs.get(0);
        for (RunDetail run : runs) {
            if (!"succeeded".equals(run.summary().status())) {
                lines.add("Run " + id(run) + " " + run.summary().status() + ": its figures cover only what it did "
                        + "before it stopped.");
            }
        }
        for (RunDetail run : runs.subList(1, runs.size())) {
            confound(base, run).ifPresent(lines::add);
            headline(base, run).ifPresent(lines::add);
        }
        List<String> differing = settings.stream().filter(SettingRow::differs).map(SettingRow::name).toList();
        lines.add(differing.isEmpty() ? "The runs have the same settings."
                : "Settings that differ: " + String.join(", ", differing) + ".");
        lines.add(noise(runs, settings));
        return lines;
    }

    private static java.util.Optional<String> confound(RunDetail base, RunDetail run) {
        Long a = base.summary().rows();
        Long b = run.summary().rows();
        if (a == null || b == null || a == 0 || Math.abs(b - a) <= SAME_DATA * a) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of("Run " + id(run) + " moved " + Units.count(b) + " rows and run " + id(base) + " "
                + Units.count(a) + ": different amounts of data, so their rates are not a like-for-like comparison.");
    }

    private static java.util.Optional<String> headline(RunDetail base, RunDetail run) {
        Double before = Metric.ROWS_PER_SECOND.of(base);
        Double after = Metric.ROWS_PER_SECOND.of(run);
        if (before == null || after == null || before == 0) {
            return java.util.Optional.empty();
        }
        double change = (after - before) / before;
        StringBuilder line = new StringBuilder("Run ").append(id(run)).append(" moved ")
                .append(rows(run.summary().rows())).append(" rows ");
        if (Math.abs(change) < Compare.SAME_WITHIN) {
            line.append("at the same rate as run ").append(id(base));
        } else {
            line.append(percent(Math.abs(change))).append(change > 0 ? " faster" : " slower")
                    .append(" than run ").append(id(base));
        }
        line.append(" (").append(Units.rate(before)).append(" → ").append(Units.rate(after)).append(')');
        Double openBefore = Metric.PEAK_OPEN.of(base);
        Double openAfter = Metric.PEAK_OPEN.of(run);
        if (openBefore != null && openAfter != null) {
            long diff = Math.round(openAfter - openBefore);
            line.append(diff == 0 ? " with the same number of connections open at peak (" + Math.round(openAfter) + ")"
                    : " with " + Math.abs(diff) + (diff < 0 ? " fewer" : " more") + " connection"
                    + (Math.abs(diff) == 1 ? "" : "s") + " open at peak (" + Math.round(openBefore) + " → "
                    + Math.round(openAfter) + ")");
        }
        Double waitBefore = worseP95(base);
        Double waitAfter = worseP95(run);
        if (waitBefore != null && waitAfter != null) {
            String verb = waitAfter < waitBefore ? "fell" : waitAfter > waitBefore ? "rose" : "stayed";
            line.append("; p95 acquire wait (worse pool) ").append(verb).append(verb.equals("stayed") ? " at "
                    + Units.latency(waitAfter) : " from " + Units.latency(waitBefore) + " to " + Units.latency(waitAfter));
        }
        return java.util.Optional.of(line.append('.').toString());
    }

    /**
     * Repeats of the same settings give the spread; without repeats the verdict says it cannot tell. Runs are the
     * same configuration when every compared setting is equal.
     */
    private static String noise(List<RunDetail> runs, List<SettingRow> settings) {
        Map<String, List<Double>> groups = new LinkedHashMap<>();
        for (int i = 0; i < runs.size(); i++) {
            StringBuilder key = new StringBuilder();
            for (SettingRow row : settings) {
                key.append(row.values().get(i)).append('\u0000');
            }
            Double rate = Metric.ROWS_PER_SECOND.of(runs.get(i));
            if (rate != null) {
                groups.computeIfAbsent(key.toString(), k -> new ArrayList<>()).add(rate);
            }
        }
        boolean repeated = !groups.isEmpty() && groups.values().stream().allMatch(g -> g.size() >= 2);
        double spread = groups.values().stream().filter(g -> g.size() >= 2).mapToDouble(Verdict::spread).max()
                .orElse(0);
        if (groups.size() == 1 && repeated) {
            return "All runs have the same settings: their rows/s vary by " + percent(spread)
                    + " (max − min over the mean), which is the noise of this setup.";
        }
        if (!repeated) {
            return "With one run per configuration PoolLab cannot tell a difference from noise: run each "
                    + "configuration at least twice and compare all the runs to measure the spread.";
        }
        List<List<Double>> list = new ArrayList<>(groups.values());
        double baseMean = mean(list.get(0));
        StringBuilder line = new StringBuilder();
        for (List<Double> group : list.subList(1, list.size())) {
            double diff = Math.abs(mean(group) - baseMean) / baseMean;
            line.append(line.length() > 0 ? " " : "").append("Mean rows/s differ by ").append(percent(diff))
                    .append(diff <= spread ? ", within" : ", beyond").append(" the ").append(percent(spread))
                    .append(" spread of repeated runs").append(diff <= spread ? ": not a measurable difference."
                            : ": a real difference.");
        }
        return line.toString();
    }

    private static double spread(List<Double> rates) {
        double max = rates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double min = rates.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double mean = mean(rates);
        return mean == 0 ? 0 : (max - min) / mean;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    private static Double worseP95(RunDetail run) {
        Double s = Metric.SOURCE_P95.of(run);
        Double t = Metric.TARGET_P95.of(run);
        return s == null ? t : t == null ? s : Math.max(s, t);
    }

    private static String rows(Long rows) {
        return rows == null ? "?" : rows < 10_000 ? Units.count(rows) : Units.compact(rows);
    }

    private static String percent(double fraction) {
        double p = fraction * 100;
        return (p >= 10 ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%.1f", p)) + "%";
    }

    private static long id(RunDetail run) {
        return run.summary().id();
    }
}
