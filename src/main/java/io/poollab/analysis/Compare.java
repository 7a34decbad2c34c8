package io.poollab.analysis;

import io.poollab.analysis.Comparison.Delta;
import io.poollab.analysis.Comparison.Outcome;
import io.poollab.analysis.Comparison.ResultRow;
import io.poollab.analysis.Comparison.SettingRow;
import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import io.poollab.history.RunDetail;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Builds a {@link Comparison} from stored runs: the settings diff, the deltas and the verdict. */
public final class Compare {

    public static final int MAX_RUNS = 4;
    /** A change smaller than this is "the same" in the results table (the metric's own resolution is finer). */
    static final double SAME_WITHIN = 0.005;

    private Compare() {
    }

    /** @param runs the baseline first, then up to three more */
    public static Comparison of(List<RunDetail> runs) throws ConfigException {
        if (runs.size() < 2 || runs.size() > MAX_RUNS) {
            throw new ConfigException(Problem.error("", "RUN", "compare takes 2 to " + MAX_RUNS + " runs, got "
                    + runs.size()));
        }
        List<SettingRow> settings = settings(runs);
        List<ResultRow> results = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            List<Double> values = runs.stream().map(metric::of).toList();
            List<Delta> deltas = new ArrayList<>();
            deltas.add(null);
            for (int i = 1; i < runs.size(); i++) {
                deltas.add(delta(metric, values.get(0), values.get(i)));
            }
            results.add(new ResultRow(metric, values, deltas));
        }
        return new Comparison(List.copyOf(runs), settings, results, Verdict.of(runs, settings));
    }

    static Delta delta(Metric metric, Double base, Double value) {
        if (base == null || value == null) {
            return null;
        }
        double absolute = value - base;
        Double percent = base == 0 || metric.categorical() ? null : absolute / Math.abs(base);
        Outcome outcome;
        boolean same = percent != null ? Math.abs(percent) < SAME_WITHIN : absolute == 0;
        if (metric.better() == Metric.Direction.NEUTRAL) {
            outcome = same ? Outcome.SAME : Outcome.NEUTRAL;
        } else if (same) {
            outcome = Outcome.SAME;
        } else {
            boolean up = absolute > 0;
            outcome = up == (metric.better() == Metric.Direction.HIGHER) ? Outcome.BETTER : Outcome.WORSE;
        }
        String change = metric.format(base) + " → " + metric.format(value);
        String sign = percent != null ? signedPercent(percent) : absolute > 0 ? "+" : absolute < 0 ? "−" : "±";
        String text = metric.categorical() ? change : sign + " (" + change + ")";
        return new Delta(absolute, percent, outcome, text);
    }

    /** {@code −23%}, {@code +4.1%}, {@code ±0%}: a real minus sign, as in the rest of the app. */
    public static String signedPercent(double fraction) {
        double p = fraction * 100;
        double magnitude = Math.abs(p);
        // Whole percents from 10%, except near 100%: a 99.9% fall is not a fall to nothing.
        String digits = magnitude >= 10 && (magnitude < 99 || magnitude == 100)
                ? String.format(Locale.ROOT, "%.0f", magnitude)
                : String.format(Locale.ROOT, "%.1f", Math.min(magnitude, 99.9));
        if (digits.equals("0") || digits.equals("0.0")) {
            return "±0%";
        }
        return (p > 0 ? "+" : "−") + digits + "%";
    }

    /** Every compared setting of {@code runs}, with {@code differs} set where they disagree (one run: never). */
    public static List<SettingRow> settings(List<RunDetail> runs) {
        Map<String, Function<RunDetail, String>> fields = new LinkedHashMap<>();
        fields.put("tables", d -> d.summary().tables());
        fields.put("source", RunDetail::sourceUrl);
        fields.put("target", RunDetail::targetUrl);
        fields.put("workers", d -> String.valueOf(d.summary().workers()));
        fields.put("pool mode", d -> d.summary().poolMode());
        fields.put("holdConnections", RunDetail::holdConnections);
        fields.put("batchRows", d -> Units.count(d.batchRows()));
        fields.put("verify", RunDetail::verify);
        for (String side : List.of("source", "target")) {
            fields.put(side + " maximumPoolSize", pool(side, p -> String.valueOf(p.maximumPoolSize())));
            fields.put(side + " minimumIdle", pool(side, p -> String.valueOf(p.minimumIdle())));
            fields.put(side + " connectionTimeout", pool(side, p -> ms(p.connectionTimeoutMs())));
            fields.put(side + " idleTimeout", pool(side, p -> ms(p.idleTimeoutMs())));
            fields.put(side + " maxLifetime", pool(side, p -> ms(p.maxLifetimeMs())));
            fields.put(side + " keepaliveTime", pool(side, p -> ms(p.keepaliveTimeMs())));
            fields.put(side + " validationTimeout", pool(side, p -> ms(p.validationTimeoutMs())));
            fields.put(side + " leakDetectionThreshold", pool(side, p -> ms(p.leakDetectionThresholdMs())));
        }
        List<SettingRow> rows = new ArrayList<>();
        fields.forEach((name, f) -> {
            List<String> values = runs.stream().map(r -> Objects.toString(f.apply(r), "–")).toList();
            rows.add(new SettingRow(name, values, values.stream().distinct().count() > 1));
        });
        return rows;
    }

    private static Function<RunDetail, String> pool(String side, Function<RunDetail.Pool, String> f) {
        return d -> d.pools().get(side) == null ? null : f.apply(d.pools().get(side));
    }

    private static String ms(long millis) {
        return millis == 0 ? "0 (off)" : millis + " ms";
    }
}
