package io.poollab.cli;

import io.poollab.analysis.Diagnosis;
import io.poollab.config.ConfigException;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PoolLabHome;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigLoader;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.runner.DiagnoseRunner;
import io.poollab.runner.RunLauncher;
import io.poollab.text.Units;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code poollab diagnose}: the guided experiment that explains a slow run, and its verdict in numbers. */
@Command(name = "diagnose", mixinStandardHelpOptions = true,
        description = "Run the config as given, unpooled, with one worker, with a shared pool sized to the workers "
                + "and in the other pool mode, each repeated on the same data, and say where the time goes.")
final class DiagnoseCommand implements Callable<Integer> {

    @ParentCommand
    PoolLabCli parent;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Run config (YAML)")
    Path config;

    @Option(names = "--repeat", defaultValue = "2", paramLabel = "N",
            description = "Runs per experiment, interleaved (default and minimum 2: the noise is their spread)")
    int repeat;

    @Option(names = "--label", paramLabel = "TEXT", description = "A label for the diagnosis")
    String label;

    @Option(names = "--json", description = "Print one JSON object on stdout")
    boolean json;

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        if (repeat < DiagnoseRunner.MIN_REPEAT) {
            throw new ConfigException(Problem.error("", "--repeat", repeat + " is less than "
                    + DiagnoseRunner.MIN_REPEAT + ": the noise needs two runs of each experiment"));
        }
        Path home = PoolLabHome.ensure(context.home());
        LoadedConfig loaded = RunConfigLoader.load(config, Overrides.NONE, context.environment(), home);
        List<DiagnoseRunner.Planned> plan;
        try {
            plan = DiagnoseRunner.plan(loaded.spec());
        } catch (ConfigException e) {
            throw RunCommand.located(e, loaded);
        }
        loaded.warnings().forEach(w -> context.err().println("warning: " + w.oneLine()));
        MetricsOptions.Endpoint opened = metrics.open(context.err()).orElse(null);
        context.err().printf("diagnose: %d experiments × %d repeats = %d runs, interleaved, after 1 warm-up run%n",
                plan.size(), repeat, plan.size() * repeat);
        AtomicInteger worst = new AtomicInteger(ExitCode.OK);
        try (MetricsOptions.Endpoint endpoint = opened;
             HistoryStore history = HistoryStore.open(home)) {
            DiagnoseRunner runner = new DiagnoseRunner(new RunLauncher(new Engine(context.environment()), history),
                    history);
            DiagnoseRunner.Outcome outcome;
            try (Interrupts ctrlC = Interrupts.cancelling(runner::cancel, context.err())) {
                List<RunListener> listeners = endpoint == null ? List.of() : endpoint.listeners();
                outcome = runner.run(label, plan, repeat, new DiagnoseRunner.Listener() {
                    @Override
                    public void runStarting(DiagnoseRunner.Planned planned, int r, int index, int total) {
                        context.err().printf("[%d/%d] %s%s%n", index + 1, total, planned.experiment(),
                                r == 0 ? " (not measured)" : ", repeat " + r);
                    }

                    @Override
                    public List<RunListener> runListeners() {
                        return listeners;
                    }

                    @Override
                    public void runEnded(DiagnoseRunner.Planned planned, int r, RunResult result) {
                        int code = ExitCode.of(result);
                        worst.set(code == ExitCode.CANCELLED ? code : Math.max(worst.get(), code));
                        context.err().println("       run " + result.runId() + " " + result.status().id() + ": "
                                + Units.rate(result.rowsPerSecond()) + (result.error() == null ? ""
                                : " (" + result.error() + ")"));
                    }
                }, e -> RunCommand.located(e, loaded));
            }
            Diagnosis diagnosis = Diagnosis.load(history, outcome.diagnosisId());
            if (json) {
                context.out().println(HistoryCommand.JSON.writeValueAsString(DiagnoseText.json(diagnosis)));
            } else {
                DiagnoseText.print(diagnosis, context.out());
            }
            return outcome.cancelled() ? ExitCode.CANCELLED : worst.get();
        }
    }
}
