package io.poollab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The knee: fewest connections within the tolerance of the best cell, with the repeats' spread when there are some. */
class KneeTest {

    private static Knee.Cell cell(int workers, int pool, Double... rates) {
        return new Knee.Cell(workers, pool, 2 * pool, List.of(rates));
    }

    @Test
    void theSmallestPoolWithinFivePercentOfTheBestIsTheKnee() {
        List<Knee.Cell> cells = List.of(cell(2, 1, 60_000.0), cell(2, 2, 97_000.0), cell(2, 4, 100_000.0),
                cell(2, 8, 99_000.0));

        Knee.Result result = Knee.of(cells, Knee.DEFAULT_TOLERANCE).orElseThrow();

        assertThat(result.best().poolSize()).isEqualTo(4);
        assertThat(result.knee().poolSize()).isEqualTo(2);
        assertThat(result.threshold()).isEqualTo(95_000.0);
    }

    @Test
    void aCellJustOutsideTheToleranceIsNotTheKnee() {
        List<Knee.Cell> cells = List.of(cell(2, 2, 94_900.0), cell(2, 4, 100_000.0));

        assertThat(Knee.of(cells, 0.05).orElseThrow().knee().poolSize()).isEqualTo(4);
    }

    @Test
    void repeatsWidenTheThresholdToTheBestCellsSlowestRepeat() {
        // The best cell's repeats span 88k–112k: a 91k cell cannot be told apart from it.
        List<Knee.Cell> cells = List.of(cell(2, 2, 90_000.0, 92_000.0), cell(2, 4, 88_000.0, 112_000.0));

        Knee.Result result = Knee.of(cells, 0.05).orElseThrow();

        assertThat(result.threshold()).isEqualTo(88_000.0);
        assertThat(result.knee().poolSize()).isEqualTo(2);
    }

    @Test
    void amongEqualConnectionCountsFewerWorkersWin() {
        List<Knee.Cell> cells = List.of(cell(4, 2, 100_000.0), cell(1, 2, 99_000.0));

        assertThat(Knee.of(cells, 0.05).orElseThrow().knee().workers()).isEqualTo(1);
    }

    @Test
    void cellsWithoutAMeasuredRateAreLeftOutAndNoneGivesNoKnee() {
        assertThat(Knee.of(List.of(cell(2, 1), cell(2, 2, 50_000.0)), 0.05).orElseThrow().knee().poolSize())
                .isEqualTo(2);
        assertThat(Knee.of(List.of(cell(2, 1)), 0.05)).isEmpty();
    }

    @Test
    void theKneeSaysWhatTheBestCellsExtraConnectionsOrWorkersBought() {
        Knee.Result pools = Knee.of(List.of(cell(2, 2, 96_000.0), cell(2, 4, 100_000.0)), 0.05).orElseThrow();
        Knee.Result workers = Knee.of(List.of(cell(2, 2, 192_000.0), cell(4, 2, 200_000.0)), 0.05).orElseThrow();

        assertThat(pools.describe()).isEqualTo("knee: 2 workers × pool 2 (4 connections): 96k rows/s, within 5% of the "
                + "best cell, 2 workers × pool 4 (8 connections): 100k rows/s (threshold 95k rows/s); the 4 more "
                + "connections bought 4.2%");
        assertThat(workers.describe()).endsWith("(threshold 190k rows/s); the best cell's 2 more workers on the same "
                + "connections bought 4.2%");
    }
}
