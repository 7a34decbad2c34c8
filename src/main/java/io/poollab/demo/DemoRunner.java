package io.poollab.demo;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Compare;
import io.poollab.analysis.Comparison;
import io.poollab.analysis.SweepAnalysis;
import io.poollab.config.ConfigException;
import io.poollab.config.PoolMode;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunStatus;
import io.poollab.runner.LaunchedRun;
import io.poollab.runner.RunLauncher;
import io.poollab.runner.RunStartException;
import io.poollab.runner.SweepCells;
import io.poollab.runner.SweepRunner;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a scenario on the demo's databases with the real engine: every run started through {@link RunLauncher} (so
 * it is recorded in the history like any other, labelled {@code demo <scenario>: <variant>, repeat <n>}), right-size
 * through {@link SweepRunner}, and the conclusion computed by {@link Conclusions} from what was measured.
 *
 * <p>{@link #run} blocks until the scenario ends; {@link #cancel} may be called from any thread (Ctrl-C, a Stop
 * button): the current run is cancelled, no further run starts, and the result says it was cancelled.
 */
public final class DemoRunner {

    private final RunLauncher launcher;
    private final HistoryStore history;
    private final DemoDatabases databases;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private volatile boolean cancelled;

    public DemoRunner(Engine engine, HistoryStore history, DemoDatabases databases) {
        this.launcher = new RunLauncher(engine, history);
        this.history = history;
        this.databases = databases;
    }

    /** Stops the scenario: the run in progress is cancelled and none starts after it. */
    public void cancel() {
        cancelled = true;
        Run run = current.get();
        if (run != null) {
            run.cancel();
        }
    }

    /**
     * @throws ConfigException   bad options, or a spec the validator refuses; nothing was started
     * @throws RunStartException the demo target could not be prepared
     * @throws SQLException      the source rows could not be generated
     */
    public DemoResult run(Scenario scenario, DemoOptions options, DemoListener listener)
            throws ConfigException, RunStartException, InterruptedException, SQLException {
        options.validate();
        String table = databases.ensurePosts(options.rows(), listener::progress);
        ScenarioPlans plans = new ScenarioPlans(databases, table, options);
        return scenario == Scenario.RIGHT_SIZE ? sweep(plans, options, table, listener)
                : steps(scenario, plans.steps(scenario), options, table, listener);
    }

    private DemoResult steps(Scenario scenario, List<Step> steps, DemoOptions options, String table,
                             DemoListener listener) throws ConfigException, RunStartException, InterruptedException {
        Step warmUp = ScenarioPlans.warmUp(scenario, steps.get(0).spec());
        List<Step> all = new ArrayList<>(List.of(warmUp));
        all.addAll(steps);
        listener.planned(scenario, all);
        MeasuredStep warm = cancelled ? null : runStep(warmUp, 0, all.size(), listener);
        List<MeasuredStep> measured = new ArrayList<>();
        for (int i = 0; i < steps.size() && !cancelled; i++) {
            measured.add(runStep(steps.get(i), i + 1, all.size(), listener));
        }
        List<VariantStats> variants = group(measured, steps.stream().map(Step::variant).distinct().toList());
        Conclusion conclusion = cancelled ? cancelledConclusion(measured.size(), steps.size(), variants)
                : Conclusions.of(scenario, variants);
        return new DemoResult(scenario, options, table, Optional.ofNullable(warm), variants, conclusion,
                compare(variants), Optional.empty(), cancelled);
    }

    private MeasuredStep runStep(Step step, int index, int total, DemoListener listener)
            throws ConfigException, RunStartException, InterruptedException {
        listener.stepStarting(step, index, total);
        long start = System.nanoTime();
        LaunchedRun launched = launcher.start(step.spec(), listener.runListeners(), e -> e);
        follow(launched.run(), listener);
        LaunchedRun.Finished finished = launched.await();
        current.set(null);
        finished.historyWarning().ifPresent(w -> listener.progress("warning: " + w));
        MeasuredStep m = MeasuredStep.of(step, finished.result(), (System.nanoTime() - start) / 1e9);
        listener.stepEnded(m);
        if (m.status() == RunStatus.CANCELLED) {
            // Only ever set to true: a compound |= could undo a cancel() that came in between.
            cancelled = true;
        }
        return m;
    }

    private DemoResult sweep(ScenarioPlans plans, DemoOptions options, String table, DemoListener listener)
            throws ConfigException, RunStartException, InterruptedException {
        SweepRunner.Grid grid = plans.grid();
        List<SweepRunner.Planned> plan = SweepRunner.plan(grid, SweepCells.fromSpec(plans.sweepBase(),
                PoolMode.SHARED, ScenarioPlans.label(Scenario.RIGHT_SIZE)));
        List<Step> steps = plan.stream().map(p -> new Step(SweepCells.position(p.workers(), p.poolSize()),
                p.repeat(), p.spec())).toList();
        Step warmUp = ScenarioPlans.warmUp(Scenario.RIGHT_SIZE, plans.sweepBase());
        List<Step> all = new ArrayList<>(List.of(warmUp));
        all.addAll(steps);
        listener.planned(Scenario.RIGHT_SIZE, all);
        MeasuredStep warm = cancelled ? null : runStep(warmUp, 0, all.size(), listener);
        if (cancelled) {
            return new DemoResult(Scenario.RIGHT_SIZE, options, table, Optional.ofNullable(warm), List.of(),
                    cancelledConclusion(0, steps.size(), List.of()), Optional.empty(), Optional.empty(), true);
        }
        List<MeasuredStep> measured = new ArrayList<>();
        SweepRunner.Outcome outcome = new SweepRunner(launcher, history).run(ScenarioPlans.label(Scenario.RIGHT_SIZE),
                grid, plan, new SweepRunner.Listener() {
                    @Override
                    public void cellStarting(SweepRunner.Planned cell, int index, int total, Double eta) {
                        listener.stepStarting(steps.get(index), index + 1, total + 1);
                    }

                    @Override
                    public List<RunListener> runListeners() {
                        return listener.runListeners();
                    }

                    @Override
                    public void started(Run run) {
                        follow(run, listener);
                    }

                    @Override
                    public void cellEnded(SweepRunner.Cell cell) {
                        current.set(null);
                        if (cell.result() == null) {
                            listener.progress("skipped " + SweepCells.position(cell.planned().workers(),
                                    cell.planned().poolSize()) + ": " + cell.skipped());
                            return;
                        }
                        MeasuredStep m = MeasuredStep.of(new Step(SweepCells.position(cell.planned().workers(),
                                cell.planned().poolSize()), cell.planned().repeat(), cell.planned().spec()),
                                cell.result(), cell.wallSeconds());
                        measured.add(m);
                        listener.stepEnded(m);
                        if (m.status() == RunStatus.CANCELLED) {
            // Only ever set to true: a compound |= could undo a cancel() that came in between.
            cancelled = true;
        }
                    }
                }, e -> e);
        SweepAnalysis analysis = SweepAnalysis.load(history, outcome.sweepId(), Advisor.Fleet.SINGLE).orElseThrow();
        List<VariantStats> variants = group(measured, steps.stream().map(Step::variant).distinct().toList());
        Conclusion conclusion;
        if (cancelled) {
            conclusion = cancelledConclusion(measured.size(), steps.size(), variants);
        } else {
            List<String> details = new ArrayList<>(variants.stream().map(Conclusions::detail).toList());
            analysis.caveats().forEach(c -> details.add("caveat: " + c));
            int most = analysis.positions().stream().mapToInt(SweepAnalysis.Position::connections).max().orElse(0);
            conclusion = Conclusions.rightSize(analysis.knee(), most, analysis.advice().orElse(null), details);
        }
        return new DemoResult(Scenario.RIGHT_SIZE, options, table, Optional.ofNullable(warm), variants, conclusion,
                Optional.empty(),
                Optional.of(analysis), cancelled);
    }

    /** Makes {@code run} the one {@link #cancel} stops; a cancel that came while it was being planned stops it now. */
    private void follow(Run run, DemoListener listener) {
        current.set(run);
        if (cancelled) {
            run.cancel();
        }
        listener.started(run);
    }

    private static Conclusion cancelledConclusion(int ran, int planned, List<VariantStats> variants) {
        return new Conclusion(Conclusion.Finding.INCOMPLETE, "Cancelled after " + ran + " of " + planned + " runs: "
                + "no conclusion.", variants.stream().map(Conclusions::detail).toList());
    }

    private static List<VariantStats> group(List<MeasuredStep> measured, List<String> order) {
        Map<String, List<MeasuredStep>> byVariant = new LinkedHashMap<>();
        order.forEach(v -> byVariant.put(v, new ArrayList<>()));
        measured.forEach(m -> byVariant.get(m.variant()).add(m));
        return byVariant.entrySet().stream().map(e -> new VariantStats(e.getKey(), e.getValue())).toList();
    }

    /** The variants' typical runs compared from the history, as {@code poollab compare} does. */
    private Optional<Comparison> compare(List<VariantStats> variants) throws ConfigException {
        if (variants.size() < 2 || variants.size() > Compare.MAX_RUNS
                || !variants.stream().allMatch(VariantStats::measured)) {
            return Optional.empty();
        }
        List<RunDetail> runs = new ArrayList<>();
        for (VariantStats v : variants) {
            double mean = v.meanRowsPerSecond();
            MeasuredStep typical = v.succeeded().stream()
                    .min(Comparator.comparingDouble(s -> Math.abs(s.rowsPerSecond() - mean))).orElseThrow();
            Optional<RunDetail> detail = history.detail(typical.runId());
            if (detail.isEmpty()) {
                return Optional.empty();
            }
            runs.add(detail.get());
        }
        return Optional.of(Compare.of(runs));
    }
}
