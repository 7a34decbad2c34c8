package io.poollab.demo;

import io.poollab.analysis.Comparison;
import io.poollab.analysis.SweepAnalysis;
import java.util.List;
import java.util.Optional;

/**
 * A scenario as it ran: every measured run grouped by variant, the conclusion computed from them, and what the
 * analysis made of the same runs in the history.
 *
 * @param sourceTable the H2 demo source's table the runs copied
 * @param warmUp      the run made first and not counted (JIT and class loading), recorded in the history too
 * @param variants    in the order they ran; each holds its repeats
 * @param comparison  the variants' typical runs (the repeat closest to the variant's mean rows/s) compared, as
 *                    {@code poollab compare} would; empty for right-size, and when a variant has no successful run
 * @param sweep       right-size's sweep, with its knee, caveats and the advisor's recommendation
 * @param cancelled   stopped by {@link DemoRunner#cancel}: the conclusion then says there is none
 */
public record DemoResult(Scenario scenario, DemoOptions options, String sourceTable, Optional<MeasuredStep> warmUp,
                         List<VariantStats> variants,
                         Conclusion conclusion, Optional<Comparison> comparison, Optional<SweepAnalysis> sweep,
                         boolean cancelled) {

    public DemoResult {
        variants = List.copyOf(variants);
    }

    /** Every counted run, in the order they ran (the warm-up is not one of them). */
    public List<MeasuredStep> steps() {
        return variants.stream().flatMap(v -> v.steps().stream())
                .sorted(java.util.Comparator.comparingLong(MeasuredStep::runId)).toList();
    }

    /** True when every run succeeded, the warm-up included. */
    public boolean succeeded() {
        return !cancelled && steps().stream().allMatch(MeasuredStep::succeeded)
                && warmUp.map(MeasuredStep::succeeded).orElse(true);
    }
}
