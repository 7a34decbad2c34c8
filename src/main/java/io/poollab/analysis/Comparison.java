package io.poollab.analysis;

import io.poollab.history.RunDetail;
import java.util.List;

/**
 * Two to four stored runs side by side, the first one the baseline: which settings differ, every measured figure
 * with its change against the baseline, and a verdict in words computed from those figures.
 */
public record Comparison(List<RunDetail> runs, List<SettingRow> settings, List<ResultRow> results,
                         List<String> verdict) {

    /** One setting across the runs; {@code differs} when not every run has the same value. */
    public record SettingRow(String name, List<String> values, boolean differs) {
    }

    /**
     * One metric across the runs.
     *
     * @param deltas the change of each run against the baseline; the baseline's own entry is null
     */
    public record ResultRow(Metric metric, List<Double> values, List<Delta> deltas) {
    }

    /**
     * A change against the baseline.
     *
     * @param percent null when the baseline's value is 0
     */
    public record Delta(double absolute, Double percent, Outcome outcome, String text) {
    }

    public enum Outcome { BETTER, WORSE, SAME, NEUTRAL }

    /** Why the difference cannot be attributed to one cause, when it cannot ({@link ConfoundGuard}). */
    public java.util.Optional<String> confoundWarning() {
        return ConfoundGuard.warning(runs, settings);
    }

    public RunDetail baseline() {
        return runs.get(0);
    }
}
