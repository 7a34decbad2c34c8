package io.poollab.runner;

import io.poollab.config.ConfigException;
import io.poollab.config.PoolMode;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigWriter;
import io.poollab.config.RunSpec;
import io.poollab.config.RunSpecValidator;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

/**
 * Runs a diagnosis: the configuration as given and the variants that each change one thing (no pool, one worker,
 * a shared pool sized to the workers, the other pool mode), all on the same data (every run recreates or truncates
 * the target), each repeated, recorded under one diagnosis id. The repeats are interleaved (given, unpooled, …,
 * given, unpooled, …) so that a drift of the machine falls on every experiment alike, after one warm-up run of
 * the configuration as given (experiment {@value #WARM_UP}, recorded but never measured: the first run on a cold
 * server and a cold JVM is the slowest, as the demo found). The verdict is read back from the history by
 * {@code io.poollab.analysis.Diagnosis}.
 */
public final class DiagnoseRunner {

    public static final int MIN_REPEAT = 2;
    /** The experiment id of the warm-up run, which the verdict leaves out. */
    public static final String WARM_UP = io.poollab.analysis.Diagnosis.WARM_UP;

    /** One experiment: its id and the spec that measures it. */
    public record Planned(String experiment, RunSpec spec) {
    }

    /** What a front end hears. */
    public interface Listener {
        default void diagnosisCreated(long diagnosisId) {
        }

        default void runStarting(Planned planned, int repeat, int index, int total) {
        }

        default List<RunListener> runListeners() {
            return List.of();
        }

        default void runEnded(Planned planned, int repeat, RunResult result) {
        }
    }

    /** @param cancelled true when a cancel stopped it before its last run */
    public record Outcome(long diagnosisId, int runs, boolean cancelled) {
    }

    private final RunLauncher launcher;
    private final HistoryStore history;
    private final AtomicReference<Run> current = new AtomicReference<>();
    private volatile boolean cancelled;

    public DiagnoseRunner(RunLauncher launcher, HistoryStore history) {
        this.launcher = launcher;
        this.history = history;
    }

    /**
     * The experiments for {@code base}, each validated; an experiment that would repeat an earlier one's settings
     * (unpooled as given) is left out, so that no two measure the same thing under two names.
     */
    public static List<Planned> plan(RunSpec base) throws ConfigException {
        RunSpec given = SweepCells.resettingTarget(base);
        int workers = given.workers();
        List<Planned> plan = new ArrayList<>();
        add(plan, "given", given);
        add(plan, "unpooled", given.withPoolMode(PoolMode.UNPOOLED));
        add(plan, "single-worker", given.withWorkers(1));
        add(plan, "shared-sized", given.withPoolMode(PoolMode.SHARED)
                .withPools(given.sourcePool().resizedTo(workers), given.targetPool().resizedTo(workers)));
        if (given.poolMode() == PoolMode.SHARED) {
            add(plan, "per-worker", given.withPoolMode(PoolMode.PER_WORKER));
        } else if (given.poolMode() == PoolMode.PER_WORKER) {
            add(plan, "shared", given.withPoolMode(PoolMode.SHARED));
        }
        return plan;
    }

    private static void add(List<Planned> plan, String experiment, RunSpec spec) throws ConfigException {
        List<Problem> errors = RunSpecValidator.validate(spec).stream().filter(Problem::isError).toList();
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        boolean repeats = plan.stream().anyMatch(p -> same(p.spec(), spec));
        if (!repeats) {
            String name = (spec.name() == null || spec.name().isBlank() ? "" : spec.name() + ", ") + "diagnose "
                    + experiment;
            plan.add(new Planned(experiment, spec.withName(name).withConfigText(RunConfigWriter.toYaml(spec))));
        }
    }

    private static boolean same(RunSpec a, RunSpec b) {
        boolean pooled = a.poolMode() != PoolMode.UNPOOLED;
        return a.workers() == b.workers() && a.poolMode() == b.poolMode()
                && (!pooled || a.sourcePool().equals(b.sourcePool()) && a.targetPool().equals(b.targetPool()));
    }

    /** Stops the diagnosis: the run in progress is cancelled and none starts after it. */
    public void cancel() {
        cancelled = true;
        Run run = current.get();
        if (run != null) {
            run.cancel();
        }
    }

    public Outcome run(String label, List<Planned> plan, int repeat, Listener listener,
                       UnaryOperator<ConfigException> explain)
            throws ConfigException, RunStartException, InterruptedException {
        if (repeat < MIN_REPEAT) {
            throw new ConfigException(Problem.error("", "--repeat", "a diagnosis repeats each experiment at least "
                    + MIN_REPEAT + " times to measure the noise, got " + repeat));
        }
        long diagnosisId = history.createDiagnosis(label, repeat);
        listener.diagnosisCreated(diagnosisId);
        List<Planned> order = new ArrayList<>();
        List<Integer> repeats = new ArrayList<>();
        Planned given = plan.get(0);
        order.add(new Planned(WARM_UP, given.spec().withName(given.spec().name() + " (warm-up)")));
        repeats.add(0);
        for (int r = 1; r <= repeat; r++) {
            for (Planned planned : plan) {
                order.add(planned);
                repeats.add(r);
            }
        }
        int total = order.size();
        int ran = 0;
        for (int i = 0; i < order.size() && !cancelled; i++) {
            Planned planned = order.get(i);
            listener.runStarting(planned, repeats.get(i), ran, total);
            LaunchedRun launched = launcher.startInDiagnosis(planned.spec(),
                    new RunLauncher.DiagnosisTag(diagnosisId, planned.experiment()), listener.runListeners(), explain);
            current.set(launched.run());
            if (cancelled) {
                launched.run().cancel();
            }
            RunResult result = launched.await().result();
            current.set(null);
            ran++;
            listener.runEnded(planned, repeats.get(i), result);
            if (result.status() == RunStatus.CANCELLED) {
                cancelled = true;
            }
        }
        history.endDiagnosis(diagnosisId, cancelled ? "cancelled after " + ran + " of " + total + " runs" : null);
        return new Outcome(diagnosisId, ran, cancelled);
    }
}
