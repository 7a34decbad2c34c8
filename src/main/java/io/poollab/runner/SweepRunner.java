package io.poollab.runner;

import io.poollab.analysis.PoolFootprint;
import io.poollab.config.ConfigException;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Runs a sweep: every cell of workers × pool sizes, each repeated, as a full verified run recorded under one sweep
 * id, the target recreated by each run. Every cell's spec is built (and so validated) before the first run starts.
 * The sweep stops at the first cell with connection timeouts, connection errors or a failure: the cells after it
 * are reported as skipped, with that reason.
 */
public final class SweepRunner {

    /** The grid. {@code tolerance} is the knee's (a fraction: 0.05 is 5%). */
    public record Grid(List<Integer> workers, List<Integer> poolSizes, int repeat, double tolerance) {
    }

    /** A cell's spec from its workers and pool size (the config with those overrides, validated like any config). */
    public interface CellSpecs {
        RunSpec spec(int workers, int poolSize) throws ConfigException;
    }

    /** What a front end hears while the sweep goes on. */
    public interface Listener {
        /** The sweep is recorded under {@code sweepId}; its cells follow. */
        default void sweepCreated(long sweepId) {
        }

        /** Before cell {@code index} (0-based) of {@code total}; {@code etaSeconds} is null until a cell ended. */
        default void cellStarting(Planned cell, int index, int total, Double etaSeconds) {
        }

        /** Each cell's run, for live progress and cancelling. */
        default List<RunListener> runListeners() {
            return List.of();
        }

        default void started(Run run) {
        }

        default void cellEnded(Cell cell) {
        }
    }

    /** A cell to run: its grid position, which repeat, and its spec. */
    public record Planned(int workers, int poolSize, int repeat, RunSpec spec) {

        /** The connections these settings allow, both sides together. */
        public int connections() {
            return PoolFootprint.connections(spec.poolMode(), spec.workers(),
                    spec.pool(Side.SOURCE).maximumPoolSize(), spec.pool(Side.TARGET).maximumPoolSize());
        }
    }

    /**
     * A cell as it ended: its result, or why it was skipped.
     *
     * @param wallSeconds     from launching the cell to its result (0 when skipped)
     * @param overheadSeconds the wall time that was neither the copy nor the verification: planning, resetting the
     *                        target, opening and warming the pools, recording, closing
     */
    public record Cell(Planned planned, RunResult result, String skipped, double wallSeconds,
                       double overheadSeconds) {

        static Cell skipped(Planned planned, String why) {
            return new Cell(planned, null, why, 0, 0);
        }
    }

    /**
     * The sweep's expected length before it starts, from earlier runs of the same tables from the same source.
     *
     * @param basedOn how many earlier runs the per-cell figure averages
     */
    public record Estimate(double secondsPerCell, double totalSeconds, int basedOn) {
    }

    /** The cells as they ran; the knee and the advice are read back from the history by {@code SweepAnalysis}. */
    public record Outcome(long sweepId, List<Cell> cells, String stopReason) {
    }

    private final RunLauncher launcher;
    private final HistoryStore history;

    public SweepRunner(RunLauncher launcher, HistoryStore history) {
        this.launcher = launcher;
        this.history = history;
    }

    /** Builds every cell's spec first, so a bad value in any cell is refused before anything is written. */
    public static List<Planned> plan(Grid grid, CellSpecs specs) throws ConfigException {
        List<Planned> cells = new ArrayList<>();
        for (int workers : grid.workers()) {
            for (int poolSize : grid.poolSizes()) {
                RunSpec spec = specs.spec(workers, poolSize);
                for (int repeat = 1; repeat <= grid.repeat(); repeat++) {
                    cells.add(new Planned(workers, poolSize, repeat, spec));
                }
            }
        }
        return cells;
    }

    /** Empty when the history has no earlier succeeded run of the same tables from the same source. */
    public Optional<Estimate> estimate(List<Planned> plan) throws ConfigException {
        List<Double> earlier = history.similarRunSeconds(plan.get(0).spec(), 5);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        double perCell = earlier.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return Optional.of(new Estimate(perCell, perCell * plan.size(), earlier.size()));
    }

    public Outcome run(String label, Grid grid, List<Planned> plan, Listener listener,
                       UnaryOperator<ConfigException> explain)
            throws ConfigException, RunStartException, InterruptedException {
        long sweepId = history.createSweep(label, grid.workers(), grid.poolSizes(), grid.repeat(), grid.tolerance(),
                plan.get(0).spec().poolMode().id());
        listener.sweepCreated(sweepId);
        List<Cell> cells = new ArrayList<>();
        String stop = null;
        double secondsSoFar = 0;
        for (int i = 0; i < plan.size(); i++) {
            Planned planned = plan.get(i);
            if (stop != null) {
                Cell skipped = Cell.skipped(planned, stop);
                cells.add(skipped);
                listener.cellEnded(skipped);
                continue;
            }
            Double eta = i == 0 ? null : secondsSoFar / i * (plan.size() - i);
            listener.cellStarting(planned, i, plan.size(), eta);
            long start = System.nanoTime();
            LaunchedRun launched = launcher.startInSweep(planned.spec(), sweepId, listener.runListeners(), explain);
            listener.started(launched.run());
            RunResult result = launched.await().result();
            double wall = (System.nanoTime() - start) / 1e9;
            secondsSoFar += wall;
            Cell cell = new Cell(planned, result, null, wall,
                    Math.max(0, wall - result.seconds() - result.verifySeconds()));
            cells.add(cell);
            listener.cellEnded(cell);
            stop = stopReason(planned, result);
        }
        history.endSweep(sweepId, stop);
        return new Outcome(sweepId, cells, stop);
    }

    /** Why the cells after this one are not worth running, or null. */
    static String stopReason(Planned cell, RunResult result) {
        String where = cell.workers() + " workers × pool " + cell.poolSize();
        if (result.status() != RunStatus.SUCCEEDED) {
            return "stopped after " + where + " " + result.status().id() + (result.error() == null ? ""
                    : ": " + result.error());
        }
        long timeouts = result.pools().values().stream().mapToLong(RunResult.PoolSummary::timeouts).sum();
        long errors = result.pools().values().stream().mapToLong(RunResult.PoolSummary::errors).sum();
        if (timeouts > 0 || errors > 0) {
            return "stopped after " + where + " had " + timeouts + " connection timeout" + (timeouts == 1 ? "" : "s")
                    + " and " + errors + " connection error" + (errors == 1 ? "" : "s");
        }
        return null;
    }
}
