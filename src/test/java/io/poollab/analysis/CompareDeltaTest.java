package io.poollab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Which change is better depends on the metric: lower wait is better, higher throughput is. */
class CompareDeltaTest {

    @Test
    void fasterIsBetterAndLessWaitIsBetter() {
        Comparison.Delta rate = Compare.delta(Metric.ROWS_PER_SECOND, 40_000.0, 50_000.0);
        Comparison.Delta wait = Compare.delta(Metric.SOURCE_P95, 41.0, 0.3);

        assertThat(rate.outcome()).isEqualTo(Comparison.Outcome.BETTER);
        assertThat(rate.text()).isEqualTo("+25% (40k rows/s → 50k rows/s)");
        assertThat(wait.outcome()).isEqualTo(Comparison.Outcome.BETTER);
        assertThat(wait.text()).isEqualTo("−99.3% (41 ms → 0.3 ms)");
    }

    @Test
    void moreTimeoutsAreWorseAndATinyChangeIsTheSame() {
        assertThat(Compare.delta(Metric.TIMEOUTS, 0.0, 7.0).outcome()).isEqualTo(Comparison.Outcome.WORSE);
        assertThat(Compare.delta(Metric.TIMEOUTS, 0.0, 7.0).text()).isEqualTo("+ (0 → 7)");
        assertThat(Compare.delta(Metric.ROWS_PER_SECOND, 40_000.0, 40_100.0).outcome())
                .isEqualTo(Comparison.Outcome.SAME);
        assertThat(Compare.delta(Metric.PEAK_ACTIVE, 4.0, 8.0).outcome()).isEqualTo(Comparison.Outcome.NEUTRAL);
        assertThat(Compare.delta(Metric.SOURCE_P95, null, 3.0)).isNull();
    }

    @Test
    void healthIsAStateThatGetsWorseWithoutAPercent() {
        Comparison.Delta delta = Compare.delta(Metric.HEALTH, 1.0, 2.0);

        assertThat(delta.outcome()).isEqualTo(Comparison.Outcome.WORSE);
        assertThat(delta.percent()).isNull();
        assertThat(delta.text()).isEqualTo("degraded → unhealthy");
        assertThat(Compare.delta(Metric.HEALTH, 1.0, 0.0).outcome()).isEqualTo(Comparison.Outcome.BETTER);
    }

    @Test
    void workerTimeIsShownInSecondsAndLessIsBetter() {
        Comparison.Delta acquire = Compare.delta(Metric.TIME_ACQUIRE, 4_000.0, 1_000.0);

        assertThat(acquire.outcome()).isEqualTo(Comparison.Outcome.BETTER);
        assertThat(acquire.text()).isEqualTo("−75% (4 s → 1 s)");
    }

    @Test
    void percentagesCarryARealMinusSign() {
        assertThat(Compare.signedPercent(-0.234)).isEqualTo("−23%");
        assertThat(Compare.signedPercent(0.041)).isEqualTo("+4.1%");
        assertThat(Compare.signedPercent(0.0)).isEqualTo("±0%");
        assertThat(Compare.signedPercent(-0.9992)).isEqualTo("−99.9%");
        assertThat(Compare.signedPercent(-1.0)).isEqualTo("−100%");
    }
}
