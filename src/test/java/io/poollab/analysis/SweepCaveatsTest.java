package io.poollab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.history.RunSummary;
import io.poollab.history.SweepRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a sweep's knee can be trusted for: the caveats come from the runs' own spread and length. */
class SweepCaveatsTest {

    private static long nextId = 1;

    private static RunSummary run(int workers, int pool, double seconds) {
        return new RunSummary(nextId++, Instant.EPOCH, null, "succeeded", "public.posts", 1_000_000L, seconds, workers,
                "shared", pool, pool, 1.0, "healthy", null, 1L, null, null);
    }

    private static SweepAnalysis sweep(int repeat, double tolerance, List<List<RunSummary>> cells) {
        List<SweepAnalysis.Position> positions = new ArrayList<>();
        for (List<RunSummary> runs : cells) {
            RunSummary first = runs.get(0);
            positions.add(new SweepAnalysis.Position(first.workers(), first.sourcePoolMax(),
                    2 * first.sourcePoolMax(), runs, null));
        }
        SweepRecord record = new SweepRecord(1, null, Instant.EPOCH, Instant.EPOCH, List.of(2),
                cells.stream().map(c -> c.get(0).sourcePoolMax()).toList(), repeat, tolerance, "shared", null);
        return new SweepAnalysis(record, positions, Optional.empty(), Optional.empty());
    }

    @Test
    void repeatsThatSpreadWiderThanTheToleranceAreNamedWithTheirSpread() {
        // 1,000,000 rows in 20 s and 25 s: 50k and 40k rows/s, a spread of 10k over a mean of 45k = 22%.
        SweepAnalysis s = sweep(2, 0.05, List.of(List.of(run(2, 1, 30), run(2, 1, 30)),
                List.of(run(2, 2, 20), run(2, 2, 25))));

        assertThat(s.caveats()).containsExactly("the repeats of 2 workers × pool 2 differed by 22% of their mean, "
                + "more than the 5% tolerance: differences smaller than that are noise on this machine");
    }

    @Test
    void oneRunPerCellAndShortRunsAreSaidWithTheMedianLength() {
        SweepAnalysis s = sweep(1, 0.05, List.of(List.of(run(2, 1, 1.4)), List.of(run(2, 2, 1.2)),
                List.of(run(2, 4, 2.5))));

        assertThat(s.caveats()).containsExactly(
                "each cell ran once, so its noise is unmeasured: a difference of a few percent may be chance "
                        + "(Repeat 3 measures the spread)",
                "the runs took 1.4 s (median): a run this short is dominated by its start (pool warm-up, "
                        + "planning, JIT); copy more rows for a steadier knee");
    }

    @Test
    void steadyRepeatedLongRunsHaveNoCaveat() {
        SweepAnalysis s = sweep(2, 0.05, List.of(List.of(run(2, 1, 30), run(2, 1, 30.5)),
                List.of(run(2, 2, 20), run(2, 2, 20.4))));

        assertThat(s.caveats()).isEmpty();
    }
}
