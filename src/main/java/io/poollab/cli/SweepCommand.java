package io.poollab.cli;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.SweepAnalysis;
import io.poollab.config.ConfigException;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PoolLabHome;
import io.poollab.config.PoolMode;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigLoader;
import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.runner.RunLauncher;
import io.poollab.runner.SweepCells;
import io.poollab.runner.SweepRunner;
import io.poollab.text.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code poollab sweep}: a grid of workers × pool sizes, each cell a full verified run, and the knee. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = "Run a grid of workers × pool sizes (each cell a full, verified run) and find the knee.")
final class SweepCommand implements Callable<Integer> {

    @ParentCommand
    PoolLabCli parent;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Run config (YAML)")
    Path config;

    @Option(names = "--workers", required = true, split = ",", paramLabel = "LIST", description = "Worker counts, e.g. 1,2,4")
    List<Integer> workers;

    @Option(names = "--pool-size", required = true, split = ",", paramLabel = "LIST",
            description = "maximumPoolSize of both pools, e.g. 2,4,8")
    List<Integer> poolSizes;

    @Option(names = "--pool-mode", paramLabel = "MODE", converter = RunCommand.PoolModeConverter.class,
            description = "shared, per-worker or unpooled (overrides the config)")
    PoolMode poolMode;

    @Option(names = "--repeat", defaultValue = "1", paramLabel = "N", description = "Runs per cell (default 1)")
    int repeat;

    @Option(names = "--tolerance", defaultValue = "5", paramLabel = "PERCENT",
            description = "The knee: the fewest connections within this much of the best rows/s (default 5)")
    double tolerancePercent;

    @Option(names = "--instances", defaultValue = "1", paramLabel = "N",
            description = "App instances that will each open these pools, for the fleet budget (default 1)")
    int instances;

    @Option(names = "--reserved", defaultValue = "3", paramLabel = "N",
            description = "Server connections reserved for others, for the fleet budget (default 3, PostgreSQL's "
                    + "superuser_reserved_connections)")
    int reserved;

    @Option(names = "--label", paramLabel = "TEXT", description = "A label for the sweep and its runs")
    String label;

    @Option(names = "--json", description = "Print one JSON object on stdout")
    boolean json;

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        if (repeat < 1) {
            throw new ConfigException(Problem.error("", "--repeat", repeat + " is less than 1"));
        }
        if (tolerancePercent < 0 || tolerancePercent >= 100) {
            throw new ConfigException(Problem.error("", "--tolerance", tolerancePercent + " is not a percent from 0 to"
                    + " under 100"));
        }
        if (instances < 1) {
            throw new ConfigException(Problem.error("", "--instances", instances + " is less than 1"));
        }
        if (reserved < 0) {
            throw new ConfigException(Problem.error("", "--reserved", reserved + " is negative"));
        }
        Advisor.Fleet fleet = new Advisor.Fleet(instances, reserved, 1);
        Path home = PoolLabHome.ensure(context.home());
        SweepRunner.Grid grid = new SweepRunner.Grid(List.copyOf(workers), List.copyOf(poolSizes), repeat,
                tolerancePercent / 100);
        List<LoadedConfig> loaded = new ArrayList<>();
        List<SweepRunner.Planned> plan = SweepRunner.plan(grid, (w, p) -> {
            LoadedConfig cell = RunConfigLoader.load(config, new Overrides(w, p, poolMode, cellLabel(w, p)),
                    context.environment(), home);
            loaded.add(cell);
            return resettingTarget(cell);
        });
        loaded.get(0).warnings().forEach(w -> context.err().println("warning: " + w.oneLine()));
        // Bound before the first word about the sweep: a port in use is its only line.
        MetricsOptions.Endpoint opened = metrics.open(context.err()).orElse(null);
        context.err().printf("sweep: %d worker count%s × %d pool size%s × %d repeat%s = %d runs%n", workers.size(),
                workers.size() == 1 ? "" : "s", poolSizes.size(), poolSizes.size() == 1 ? "" : "s", repeat,
                repeat == 1 ? "" : "s", plan.size());
        AtomicReference<Run> current = new AtomicReference<>();
        try (MetricsOptions.Endpoint endpoint = opened;
             HistoryStore history = HistoryStore.open(home);
             Interrupts ctrlC = Interrupts.cancelling(() -> {
                 Run run = current.get();
                 if (run != null) {
                     run.cancel();
                 }
             }, context.err())) {
            SweepRunner runner = new SweepRunner(new RunLauncher(new Engine(context.environment()), history), history);
            context.err().println(runner.estimate(plan).map(e -> String.format(Locale.ROOT,
                    "sweep: estimate %s (%d runs × %s, the mean of %d earlier run%s of these tables)",
                    Units.duration(e.totalSeconds()), plan.size(), Units.duration(e.secondsPerCell()), e.basedOn(),
                    e.basedOn() == 1 ? "" : "s")).orElse("sweep: no estimate yet (no earlier run of these tables in "
                    + "the history); the ETA follows the first cell"));
            SweepRunner.Outcome outcome = runner.run(label, grid, plan, new Progress(context, current,
                            endpoint == null ? List.of() : endpoint.listeners()),
                    e -> RunCommand.located(e, loaded.get(0)));
            SweepAnalysis analysis = SweepAnalysis.load(history, outcome.sweepId(), fleet).orElseThrow();
            if (json) {
                context.out().println(HistoryCommand.JSON.writeValueAsString(SweepText.json(analysis)));
            } else {
                SweepText.print(analysis, context.out());
            }
            return exitCode(outcome);
        }
    }

    private String cellLabel(int w, int p) {
        return (label == null ? "" : label + ", ") + SweepCells.position(w, p);
    }

    private static RunSpec resettingTarget(LoadedConfig cell) throws ConfigException {
        try {
            return SweepCells.resettingTarget(cell.spec());
        } catch (ConfigException e) {
            throw new ConfigException(cell.located(e.problems()));
        }
    }

    private static int exitCode(SweepRunner.Outcome outcome) {
        int worst = ExitCode.OK;
        for (SweepRunner.Cell cell : outcome.cells()) {
            if (cell.result() != null) {
                int code = ExitCode.of(cell.result());
                if (code == ExitCode.CANCELLED) {
                    return code;
                }
                worst = Math.max(worst, code);
            }
        }
        return worst;
    }

    /** One line per cell on stderr: which, the ETA from the cells so far, and what it measured. */
    private static final class Progress implements SweepRunner.Listener {
        private final CliContext context;
        private final AtomicReference<Run> current;
        private final List<io.poollab.migrate.RunListener> runListeners;

        Progress(CliContext context, AtomicReference<Run> current, List<io.poollab.migrate.RunListener> runListeners) {
            this.context = context;
            this.current = current;
            this.runListeners = runListeners;
        }

        /** The metrics endpoint's listener, when there is one: it follows each cell's run in turn. */
        @Override
        public List<io.poollab.migrate.RunListener> runListeners() {
            return runListeners;
        }

        @Override
        public void cellStarting(SweepRunner.Planned cell, int index, int total, Double etaSeconds) {
            context.err().printf("[%d/%d] %d worker%s × pool %d (%d connections)%s%s%n", index + 1, total,
                    cell.workers(), cell.workers() == 1 ? "" : "s", cell.poolSize(), cell.connections(),
                    cell.repeat() > 1 ? ", repeat " + cell.repeat() : "",
                    etaSeconds == null ? "" : ", sweep ETA " + Units.duration(etaSeconds));
        }

        @Override
        public void started(Run run) {
            current.set(run);
        }

        @Override
        public void cellEnded(SweepRunner.Cell cell) {
            current.set(null);
            context.err().println("       " + SweepText.outcome(cell) + (cell.result() == null ? ""
                    : String.format(Locale.ROOT, "; %.2f s besides the copy and verification",
                    cell.overheadSeconds())));
        }
    }
}
