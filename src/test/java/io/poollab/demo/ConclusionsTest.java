package io.poollab.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Knee;
import io.poollab.config.PoolSettings;
import io.poollab.demo.Conclusion.Finding;
import io.poollab.migrate.RunStatus;
import io.poollab.migrate.TimeBreakdown;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The conclusion's words come from the numbers it is given: constructed results, both ways round. */
class ConclusionsTest {

    private static long nextRun = 100;

    /** A run of 100,000 rows that copied in {@code seconds}. */
    private static MeasuredStep run(String variant, double seconds, double wallSeconds, double p95Ms, long opened,
                                    int peak, long acquireMs) {
        MeasuredStep.Settings settings = new MeasuredStep.Settings(1, "shared", "perBatch", 2_000, 4, 4, 600_000,
                1_800_000, peak);
        return new MeasuredStep(nextRun++, variant, 1, settings, RunStatus.SUCCEEDED, null, 100_000, seconds,
                wallSeconds, p95Ms, opened, peak, new TimeBreakdown.Snapshot(1_000, acquireMs, 0, 2_000, 500));
    }

    private static VariantStats variant(String name, MeasuredStep... steps) {
        return new VariantStats(name, List.of(steps));
    }

    @Test
    void moreReadersSlowerBeyondTheNoiseIsTheEffectShownWithItsNumbers() {
        // 1 reader: 50k and 52.6k rows/s; 3 readers: 40k and 41.7k rows/s (2.0 and 1.9 s against 2.4 and 2.5 s).
        List<VariantStats> v = List.of(
                variant("1 reader", run("1 reader", 2.0, 3.0, 0.05, 4, 4, 0), run("1 reader", 1.9, 2.9, 0.05, 4, 4, 0)),
                variant("2 readers", run("2 readers", 2.2, 3.2, 0.06, 8, 8, 0)),
                variant("3 readers", run("3 readers", 2.5, 3.8, 12, 12, 12, 0), run("3 readers", 2.4, 3.6, 14, 12, 12,
                        0)));

        Conclusion c = Conclusions.of(Scenario.MORE_READERS, v);

        assertThat(c.finding()).isEqualTo(Finding.SHOWN);
        assertThat(c.sentence()).isEqualTo("More readers were slower here: 3 readers copied at 40.8k rows/s against "
                + "51.3k rows/s for 1 reader (−20%, beyond the 5.1% spread of the repeats); 3 readers opened 12 "
                + "connections against 4, with a p95 wait of 13 ms against 50 µs, and took 3.7 s from start to "
                + "verified end against 2.95 s.");
        assertThat(c.details()).hasSize(3);
        assertThat(c.details().get(0)).startsWith("1 reader: 51.3k rows/s (runs ");
    }

    @Test
    void moreReadersFasterBeyondTheNoiseSaysTheEffectDidNotAppear() {
        List<VariantStats> v = List.of(
                variant("1 reader", run("1 reader", 2.0, 3, 0.05, 4, 4, 0), run("1 reader", 2.05, 3, 0.05, 4, 4, 0)),
                variant("2 readers", run("2 readers", 1.4, 2, 0.05, 8, 8, 0)),
                variant("3 readers", run("3 readers", 1.0, 2, 0.05, 12, 12, 0), run("3 readers", 1.02, 2, 0.05, 12,
                        12, 0)));

        Conclusion c = Conclusions.of(Scenario.MORE_READERS, v);

        assertThat(c.finding()).isEqualTo(Finding.NOT_SHOWN);
        assertThat(c.sentence()).startsWith("More readers were not slower here: 3 readers copied at 99k rows/s "
                + "against 49.4k rows/s for 1 reader (+99.9%, beyond the 2.5% spread of the repeats)");
    }

    @Test
    void aDifferenceInsideTheRepeatsSpreadIsNoMeasurableDifference() {
        // Warm 50k and 40k rows/s (22% apart); cold 44.4k and 42.6k: +6.4% is inside the 22% spread.
        List<VariantStats> v = List.of(
                variant("warm", run("warm", 2.0, 3.0, 0.03, 8, 8, 1), run("warm", 2.5, 3.4, 0.03, 8, 8, 1)),
                variant("cold", run("cold", 2.25, 2.8, 200, 10, 8, 400), run("cold", 2.35, 2.9, 210, 10, 8, 420)));

        Conclusion c = Conclusions.of(Scenario.WARM_VS_COLD, v);

        assertThat(c.finding()).isEqualTo(Finding.NO_DIFFERENCE);
        assertThat(c.sentence()).startsWith("No measurable difference on this machine: the warm pool copied at 45k "
                        + "rows/s against 43.5k rows/s for the cold pool (+3.5%, within the 22% spread of the repeats)")
                .contains("p95 wait 205 ms against 30 µs");
    }

    @Test
    void aWarmPoolFasterBeyondTheNoiseIsMeasuredAgainstTheQuotedTenToFifteenPercent() {
        List<VariantStats> v = List.of(
                variant("warm", run("warm", 1.6, 2.9, 0.03, 8, 8, 1), run("warm", 1.62, 2.9, 0.03, 8, 8, 1)),
                variant("cold", run("cold", 1.83, 2.7, 200, 10, 8, 400), run("cold", 1.85, 2.7, 210, 10, 8, 420)));

        Conclusion c = Conclusions.of(Scenario.WARM_VS_COLD, v);

        assertThat(c.finding()).isEqualTo(Finding.SHOWN);
        assertThat(c.sentence()).startsWith("The warm pool was 14% faster here, within the 10–15% often quoted: the "
                + "warm pool copied at 62.1k rows/s against 54.3k rows/s for the cold pool (+14%, beyond the 2% floor "
                + "(the repeats spread 1.2%))");
    }

    @Test
    void perWorkerPoolsNoSlowerThanSharedSayItAndTheCostOfNoPoolFromTheTimeBreakdown() {
        List<VariantStats> v = List.of(
                variant("per-worker", run("per-worker", 2.0, 4.5, 29, 32, 32, 10), run("per-worker", 2.02, 4.6, 29,
                        32, 32, 10)),
                variant("shared", run("shared", 2.3, 4.0, 0.1, 8, 8, 10), run("shared", 2.32, 4.0, 0.1, 8, 8, 10)),
                variant("unpooled", run("unpooled", 4.0, 4.5, 300, 112, 7, 2_000), run("unpooled", 4.1, 4.6, 300, 112,
                        7, 2_000)));

        Conclusion c = Conclusions.of(Scenario.PER_WORKER_VS_SHARED, v);

        assertThat(c.finding()).isEqualTo(Finding.NOT_SHOWN);
        assertThat(c.sentence()).isEqualTo("Per-worker pools were not slower here: 4 workers with pools of their own "
                + "copied at 49.8k rows/s against 43.3k rows/s with one shared pool (+15%, beyond the 2% floor (the "
                + "repeats spread 1%)), opening 32 connections against 8. Without a pool it was a slower "
                + "copy, 24.7k rows/s (−43%, beyond the 2.5% spread of the repeats), with 112 connections opened, one "
                + "per borrow, and 36% of the workers' time spent acquiring them against 0.3% with the shared pool.");
    }

    @Test
    void oneRunEachSaysTheNoiseIsUnmeasured() {
        List<VariantStats> v = List.of(variant("warm", run("warm", 1.6, 2.9, 0.03, 8, 8, 1)),
                variant("cold", run("cold", 2.0, 2.7, 200, 10, 8, 400)));

        assertThat(Conclusions.of(Scenario.WARM_VS_COLD, v).sentence())
                .contains("(+25%; one run each, so the noise is unmeasured and only a difference over 10% counts)");
    }

    @Test
    void oneRunEachAndASmallDifferenceIsNoMeasurableDifference() {
        List<VariantStats> v = List.of(variant("warm", run("warm", 1.6, 2.9, 0.03, 8, 8, 1)),
                variant("cold", run("cold", 1.66, 2.7, 200, 10, 8, 400)));

        assertThat(Conclusions.of(Scenario.WARM_VS_COLD, v).finding()).isEqualTo(Finding.NO_DIFFERENCE);
    }

    @Test
    void aVariantWithoutASuccessfulRunGivesNoConclusion() {
        MeasuredStep failed = new MeasuredStep(7, "cold", 1, run("cold", 1, 1, 0, 0, 0, 0).settings(),
                RunStatus.FAILED, "target: connection refused", 0, 0, 0.4, 0, 0, 0,
                new TimeBreakdown.Snapshot(0, 0, 0, 0, 0));
        List<VariantStats> v = List.of(variant("warm", run("warm", 1.6, 2.9, 0.03, 8, 8, 1)),
                variant("cold", failed));

        Conclusion c = Conclusions.of(Scenario.WARM_VS_COLD, v);

        assertThat(c.finding()).isEqualTo(Finding.INCOMPLETE);
        assertThat(c.sentence()).isEqualTo("No conclusion: cold has no successful run (failed: target: connection "
                + "refused).");
    }

    @Test
    void aKneeBelowTheBestCellIsTheRightSizeAndSaysWhatTheExtraConnectionsBought() {
        Knee.Cell knee = new Knee.Cell(2, 2, 4, List.of(120_000.0, 124_000.0));
        Knee.Cell best = new Knee.Cell(4, 4, 8, List.of(125_000.0, 127_000.0));
        Knee.Result result = new Knee.Result(knee, best, 119_700, 0.05);

        Conclusion c = Conclusions.rightSize(Optional.of(result), 8, advice(2, 2), List.of());

        assertThat(c.finding()).isEqualTo(Finding.SHOWN);
        assertThat(c.sentence()).isEqualTo("The right size here is 2 workers × pool 2 (4 connections): 122k rows/s, "
                + "within 5% of the fastest cell, 4 workers × pool 4 (8 connections) at 126k rows/s, whose 4 more "
                + "connections bought only +3.3%. The advisor recommends 2 workers, maximumPoolSize 2 and minimumIdle "
                + "2 (run 36's measurements).");
    }

    @Test
    void theLargestCellFastestSaysTheRightSizeLiesBeyondTheGrid() {
        Knee.Cell best = new Knee.Cell(4, 4, 8, List.of(155_000.0, 139_000.0));
        Knee.Result result = new Knee.Result(best, best, 139_000, 0.05);

        Conclusion c = Conclusions.rightSize(Optional.of(result), 8, null, List.of());

        assertThat(c.finding()).isEqualTo(Finding.NOT_SHOWN);
        assertThat(c.sentence()).isEqualTo("More connections kept paying here up to the largest cell tried: 4 "
                + "workers × pool 4 (8 connections) was the fastest at 147k rows/s, so the right size lies beyond this "
                + "grid.");
    }

    private static Advisor.Advice advice(int workers, int size) {
        PoolSettings pool = PoolSettings.defaultsFor(size);
        return new Advisor.Advice(9L, 36, workers, "shared", Map.of("source", pool, "target", pool),
                new ArrayList<>(), List.of(), List.of());
    }
}
