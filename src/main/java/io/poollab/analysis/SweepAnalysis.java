package io.poollab.analysis;

import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.history.SweepRecord;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A stored sweep read back: each grid position with its runs, the knee, and the advisor's recommendation. Only the
 * history is read, so the CLI, the GUI and the report show the same figures for the same sweep.
 *
 * @param advice empty when no cell succeeded
 */
public record SweepAnalysis(SweepRecord sweep, List<Position> positions, Optional<Knee.Result> knee,
                            Optional<Advisor.Advice> advice) {

    /**
     * One grid position.
     *
     * @param runs    its runs (one per repeat that started), oldest first
     * @param skipped why it has fewer runs than the grid asked for, or null
     */
    public record Position(int workers, int poolSize, int connections, List<RunSummary> runs, String skipped) {

        /** rows/s of each run that succeeded. */
        public List<Double> rates() {
            return runs.stream().filter(r -> r.status().equals("succeeded") && r.rowsPerSecond() != null)
                    .map(RunSummary::rowsPerSecond).toList();
        }

        /** The mean rows/s of the runs that succeeded, or NaN. */
        public double meanRate() {
            return rates().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        /** The mean of the succeeded runs' p95 acquire wait (the worse pool's), or NaN. */
        public double meanP95WaitMs() {
            return runs.stream().filter(r -> r.status().equals("succeeded") && r.p95WaitMs() != null)
                    .mapToDouble(RunSummary::p95WaitMs).average().orElse(Double.NaN);
        }

        public boolean is(Knee.Cell cell) {
            return cell != null && cell.workers() == workers && cell.poolSize() == poolSize;
        }

        Knee.Cell kneeCell() {
            return new Knee.Cell(workers, poolSize, connections, rates());
        }
    }

    /** Below this median run length, a sweep's cells mostly measure their own start. */
    static final double SHORT_RUN_SECONDS = 5;

    public static Optional<SweepAnalysis> load(HistoryStore history, long sweepId, Advisor.Fleet fleet)
            throws ConfigException {
        Optional<SweepRecord> found = history.sweep(sweepId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        SweepRecord sweep = found.get();
        List<RunSummary> runs = history.sweepRuns(sweepId);
        List<Position> positions = new ArrayList<>();
        for (int workers : sweep.workers()) {
            for (int poolSize : sweep.poolSizes()) {
                List<RunSummary> cell = runs.stream()
                        .filter(r -> r.workers() == workers && r.sourcePoolMax() == poolSize).toList();
                String mode = sweep.poolMode() == null ? "shared" : sweep.poolMode();
                positions.add(new Position(workers, poolSize,
                        PoolFootprint.connections(mode, workers, poolSize, poolSize), cell,
                        cell.size() >= sweep.repeat() ? null : skipped(sweep)));
            }
        }
        Optional<Knee.Result> knee = Knee.of(positions.stream().map(Position::kneeCell).toList(), sweep.tolerance());
        Optional<Advisor.Advice> advice = Optional.empty();
        if (knee.isPresent()) {
            Position at = positions.stream().filter(p -> p.is(knee.get().knee())).findFirst().orElseThrow();
            Optional<RunDetail> run = history.detail(typicalRun(at).id());
            if (run.isPresent()) {
                advice = Optional.of(Advisor.forSweep(new Advisor.SweepKnee(sweepId, knee.get()), run.get(),
                        history.samples(run.get().summary().id()), fleet));
            }
        }
        return Optional.of(new SweepAnalysis(sweep, List.copyOf(positions), knee, advice));
    }

    /** The repeat whose rate is closest to the position's mean: the run whose pools stand for the cell. */
    static RunSummary typicalRun(Position position) {
        double mean = position.meanRate();
        return position.runs().stream()
                .filter(r -> r.status().equals("succeeded") && r.rowsPerSecond() != null)
                .min(Comparator.comparingDouble(r -> Math.abs(r.rowsPerSecond() - mean))).orElseThrow();
    }

    private static String skipped(SweepRecord sweep) {
        if (sweep.stopReason() != null) {
            return sweep.stopReason();
        }
        return sweep.endedAt() == null ? "not run: the sweep is still running, or was killed" : "not run";
    }

    /**
     * What limits how far the knee can be trusted, in numbers: repeats that spread wider than the tolerance, no
     * repeats at all, or runs so short that their start-up dominates. Empty when nothing does.
     */
    public List<String> caveats() {
        List<String> caveats = new ArrayList<>();
        double tolerance = sweep.tolerance();
        Position widest = null;
        double widestSpread = 0;
        for (Position p : positions) {
            List<Double> rates = p.rates();
            if (rates.size() > 1) {
                double spread = (rates.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                        - rates.stream().mapToDouble(Double::doubleValue).min().orElseThrow()) / p.meanRate();
                if (spread > widestSpread) {
                    widestSpread = spread;
                    widest = p;
                }
            }
        }
        if (widest != null && widestSpread > tolerance) {
            caveats.add("the repeats of " + widest.kneeCell().position() + " differed by " + Units.percent(widestSpread)
                    + " of their mean, more than the " + Units.percent(tolerance) + " tolerance: differences "
                    + "smaller than that are noise on this machine");
        }
        long measured = positions.stream().filter(p -> !p.rates().isEmpty()).count();
        if (sweep.repeat() == 1 && measured > 1) {
            caveats.add("each cell ran once, so its noise is unmeasured: a difference of a few percent may be "
                    + "chance (Repeat 3 measures the spread)");
        }
        List<Double> seconds = positions.stream().flatMap(p -> p.runs().stream())
                .filter(r -> r.status().equals("succeeded") && r.seconds() != null).map(RunSummary::seconds)
                .sorted().toList();
        if (!seconds.isEmpty()) {
            double median = seconds.get(seconds.size() / 2);
            if (median < SHORT_RUN_SECONDS) {
                caveats.add("the runs took " + Units.length(median) + " (median): a run this short is dominated "
                        + "by its start (pool warm-up, planning, JIT); copy more rows for a steadier knee");
            }
        }
        return List.copyOf(caveats);
    }

    /** The position of a knee cell. */
    public Optional<Position> position(Knee.Cell cell) {
        return positions.stream().filter(p -> p.is(cell)).findFirst();
    }
}
