package io.poollab.analysis;

import io.poollab.config.ConfigException;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.history.SweepRecord;
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

    /** The position of a knee cell. */
    public Optional<Position> position(Knee.Cell cell) {
        return positions.stream().filter(p -> p.is(cell)).findFirst();
    }
}
