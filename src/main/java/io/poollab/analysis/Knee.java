package io.poollab.analysis;

import io.poollab.text.Units;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The knee of a sweep: the cell with the fewest connections whose throughput is within a tolerance of the best
 * cell's. More connections than the knee buy at most that tolerance.
 *
 * <p>With repeats, "within" also uses their spread: a cell whose mean reaches the best cell's own slowest repeat
 * cannot be told apart from it, so the threshold is the lower of {@code best mean × (1 − tolerance)} and that
 * slowest repeat.
 */
public final class Knee {

    public static final double DEFAULT_TOLERANCE = 0.05;

    /**
     * One measured cell.
     *
     * @param connections the connections the cell's settings allow on both sides together
     * @param rates       rows/s of each repeat that succeeded
     */
    public record Cell(int workers, int poolSize, int connections, List<Double> rates) {

        public double mean() {
            return rates.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }

        public double slowest() {
            return rates.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        }

        /** "2 workers × pool 4". */
        public String position() {
            return workers + (workers == 1 ? " worker" : " workers") + " × pool " + poolSize;
        }

        /** "2 workers × pool 4 (8 connections)". */
        public String describe() {
            return position() + " (" + connections + (connections == 1 ? " connection)" : " connections)");
        }
    }

    /** The knee and the best cell, with the threshold that separated them. */
    public record Result(Cell knee, Cell best, double threshold, double tolerance) {

        /** The knee against the best cell, in numbers: one sentence for the CLI, the GUI and the report. */
        public String describe() {
            String at = knee.describe() + ": " + Units.rate(knee.mean());
            if (knee == best) {
                return "knee: " + at + ", the best cell; no cell with fewer connections came within "
                        + Units.percent(tolerance) + " of it";
            }
            int more = best.connections() - knee.connections();
            String bought = more > 0 ? "the " + more + " more connections bought "
                    : "the best cell's " + (best.workers() - knee.workers()) + " more workers on the same connections "
                    + "bought ";
            return "knee: " + at + ", within " + Units.percent(tolerance) + " of the best cell, " + best.describe()
                    + ": " + Units.rate(best.mean()) + " (threshold " + Units.rate(threshold) + "); " + bought
                    + Units.percent(best.mean() / knee.mean() - 1);
        }
    }

    private Knee() {
    }

    /** Empty when no cell has a measured rate. */
    public static Optional<Result> of(List<Cell> cells, double tolerance) {
        List<Cell> measured = cells.stream().filter(c -> !c.rates().isEmpty()).toList();
        Optional<Cell> best = measured.stream().max(Comparator.comparingDouble(Cell::mean));
        if (best.isEmpty()) {
            return Optional.empty();
        }
        Cell top = best.get();
        double threshold = top.mean() * (1 - tolerance);
        if (top.rates().size() > 1) {
            threshold = Math.min(threshold, top.slowest());
        }
        double limit = threshold;
        // Fewest connections first; among equals, fewer workers, then the faster cell.
        Cell knee = measured.stream().filter(c -> c.mean() >= limit)
                .min(Comparator.comparingInt(Cell::connections).thenComparingInt(Cell::workers)
                        .thenComparing(Comparator.comparingDouble(Cell::mean).reversed()))
                .orElse(top);
        return Optional.of(new Result(knee, top, threshold, tolerance));
    }
}
