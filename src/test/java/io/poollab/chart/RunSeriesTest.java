package io.poollab.chart;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.chart.RunSeries.Column;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import org.junit.jupiter.api.Test;

class RunSeriesTest {

    private static RunSample sample(long elapsedMs, int active, double p95Ms, double rowsPerSecond) {
        SideSample side = new SideSample(active, 4 - active, 0, 4, 4, p95Ms / 2, p95Ms, p95Ms * 2, p95Ms * 3,
                10, 0, 0, 4);
        SideSample unpooled = new SideSample(1, 0, 0, 1, 0, 0.1, 0.2, 0.3, 0.4, 0, 0, 0, -1);
        return new RunSample(elapsedMs, 0, 0, rowsPerSecond, 2, side, unpooled);
    }

    @Test
    void aLongRunKeepsItsWholeSpanInBoundedPoints() {
        RunSeries series = new RunSeries(64);
        for (int i = 1; i <= 14_400; i++) {
            series.add(sample(i * 250L, i % 5, 1.0, 1000));
        }
        assertThat(series.size()).isLessThanOrEqualTo(64).isGreaterThan(32);
        assertThat(series.samplesSeen()).isEqualTo(14_400);
        assertThat(series.x(0)).isLessThan(3600.0 / 32);
        assertThat(series.lastSeconds()).isGreaterThan(3600 - 3600.0 / 32);
    }

    @Test
    void mergingAveragesGaugesAndKeepsWaitSpikes() {
        RunSeries series = new RunSeries(4);
        series.add(sample(250, 4, 1.0, 100));
        series.add(sample(500, 2, 80.0, 300));
        series.add(sample(750, 4, 1.0, 100));
        series.add(sample(1000, 2, 1.0, 300));
        series.add(sample(1250, 4, 1.0, 100));
        series.add(sample(1500, 4, 1.0, 100));

        assertThat(series.stride()).isEqualTo(2);
        assertThat(series.y(Column.SOURCE_ACTIVE, 0)).isEqualTo(3.0);
        assertThat(series.y(Column.ROWS_PER_SECOND, 0)).isEqualTo(200.0);
        assertThat(series.y(Column.SOURCE_P95, 0)).isEqualTo(80.0);
        assertThat(series.x(0)).isEqualTo(0.5);
    }

    @Test
    void anUnpooledSideAndAnIntervalWithoutBorrowsAreGapsNotZeros() {
        RunSeries series = new RunSeries(8);
        series.add(sample(250, 1, 1.0, 100));

        assertThat(series.last(Column.TARGET_MAX)).isNaN();
        assertThat(series.last(Column.TARGET_P95)).isNaN();
        assertThat(series.last(Column.TARGET_SESSIONS)).isNaN();
        assertThat(series.last(Column.TARGET_ACTIVE)).isEqualTo(1.0);
        assertThat(series.last(Column.SOURCE_SESSIONS)).isEqualTo(4.0);
    }
}
