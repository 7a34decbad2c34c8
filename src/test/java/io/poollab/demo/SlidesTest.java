package io.poollab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.migrate.RunStatus;
import io.poollab.migrate.TimeBreakdown;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The slides' sentences come from the numbers they are given, and say when a difference is within the noise. */
class SlidesTest {

    private static long nextRun = 500;

    private static MeasuredStep run(String variant, double seconds, double p95Ms, long opened, long acquireMs) {
        MeasuredStep.Settings settings = new MeasuredStep.Settings(4, "shared", "perBatch", 2_000, 4, 4, 600_000,
                1_800_000, 8);
        return new MeasuredStep(nextRun++, variant, 1, settings, RunStatus.SUCCEEDED, null, 100_000, seconds,
                seconds + 1, p95Ms, opened, 8, new TimeBreakdown.Snapshot(1_000, acquireMs, 0, 2_000, 500));
    }

    private static DemoResult result(List<VariantStats> variants) {
        Conclusion c = Conclusions.of(Scenario.PER_WORKER_VS_SHARED, variants);
        return new DemoResult(Scenario.PER_WORKER_VS_SHARED, DemoOptions.defaults(), "demo_posts_100000",
                Optional.empty(), variants, c, Optional.empty(), Optional.empty(), false);
    }

    @Test
    void eachResultSlideNamesTheBestAndTheWorstVariantInItsUnit() {
        List<VariantStats> v = List.of(
                new VariantStats("per-worker", List.of(run("per-worker", 2.5, 0.04, 32, 10), run("per-worker", 2.55,
                        0.05, 32, 10))),
                new VariantStats("shared", List.of(run("shared", 2.0, 0.06, 8, 20), run("shared", 2.04, 0.06, 8, 20))),
                new VariantStats("unpooled", List.of(run("unpooled", 8.0, 12, 400, 2_500), run("unpooled", 8.1, 13,
                        400, 2_500))));

        List<Slides.Slide> slides = Slides.of(result(v));

        assertThat(slides).extracting(Slides.Slide::metric).containsExactly(Slides.Metric.values());
        assertThat(slides.get(0).sentence()).isEqualTo("shared was fastest at 49.5k rows/s; unpooled slowest at "
                + "12.4k rows/s (−75%), beyond the noise.");
        assertThat(slides.get(1).sentence()).isEqualTo("per-worker was lowest at 45 µs; unpooled highest at 12.5 ms "
                + "(278×).");
        assertThat(slides.get(2).sentence()).isEqualTo("per-worker opened 32, shared opened 8, unpooled opened 400 "
                + "connections per run, counted by the pools.");
        assertThat(slides.get(3).sentence()).startsWith("per-worker was lowest at 0.3%; unpooled highest at 42%");
    }

    @Test
    void aDifferenceWithinTheRepeatsSpreadIsSaidToBeNoMeasurableDifference() {
        List<VariantStats> v = List.of(
                new VariantStats("per-worker", List.of(run("per-worker", 2.0, 0.05, 32, 10), run("per-worker", 2.4,
                        0.05, 32, 10))),
                new VariantStats("shared", List.of(run("shared", 2.1, 0.05, 8, 10), run("shared", 2.3, 0.05, 8, 10))),
                new VariantStats("unpooled", List.of(run("unpooled", 2.2, 0.05, 400, 10), run("unpooled", 2.25, 0.05,
                        400, 10))));

        assertThat(Slides.of(result(v)).get(0).sentence()).endsWith("within the noise: no measurable difference.");
    }

    @Test
    void theHeadlineIsTheClaimBeforeTheNumbers() {
        assertThat(new Conclusion(Conclusion.Finding.SHOWN, "Per-worker pools were slower here: 4 workers copied …",
                List.of()).headline()).isEqualTo("Per-worker pools were slower here");
        assertThat(new Conclusion(Conclusion.Finding.INCOMPLETE, "Cancelled after 2 of 7 runs: no conclusion.",
                List.of()).headline()).isEqualTo("Cancelled after 2 of 7 runs");
        assertThat(new Conclusion(Conclusion.Finding.INCOMPLETE, "Nothing ran.", List.of()).headline())
                .isEqualTo("Nothing ran.");
    }
}
