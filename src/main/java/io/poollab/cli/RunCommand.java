package io.poollab.cli;

import io.poollab.config.ConfigException;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PoolLabHome;
import io.poollab.config.PoolMode;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigLoader;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.ResumePoint;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.runner.LaunchedRun;
import io.poollab.runner.RunLauncher;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code poollab run}: one migration, with live progress on stderr and a summary (or JSON) on stdout. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Migrate the configured tables and measure the pools.")
final class RunCommand implements Callable<Integer> {

    @ParentCommand
    PoolLabCli parent;

    @Option(names = "--config", paramLabel = "FILE", description = "Run config (YAML); not with --resume")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN_ID",
            description = "Continue an interrupted run from its checkpoints, with its stored config")
    Long resume;

    @Option(names = "--workers", paramLabel = "N", description = "Worker count (overrides the config)")
    Integer workers;

    @Option(names = "--pool-size", paramLabel = "N", description = "maximumPoolSize of both pools (overrides the config)")
    Integer poolSize;

    @Option(names = "--pool-mode", paramLabel = "MODE", converter = PoolModeConverter.class,
            description = "shared, per-worker or unpooled (overrides the config)")
    PoolMode poolMode;

    @Option(names = "--label", paramLabel = "TEXT", description = "A label for this run")
    String label;

    @Option(names = "--json", description = "Print one JSON summary object on stdout")
    boolean json;

    @picocli.CommandLine.Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        Path home = PoolLabHome.ensure(context.home());
        try (HistoryStore history = HistoryStore.open(home)) {
            return run(context, home, history);
        }
    }

    private int run(CliContext context, Path home, HistoryStore history) throws Exception {
        Overrides overrides = new Overrides(workers, poolSize, poolMode,
                label != null || resume == null ? label : "resume of run " + resume);
        LoadedConfig loaded;
        ResumePoint point = null;
        if (resume != null) {
            if (config != null) {
                throw new ConfigException(Problem.error("", "--config", "--resume uses the run's stored config; "
                        + "give one or the other"));
            }
            HistoryStore.Resumable resumable = history.resumable(resume);
            loaded = RunConfigLoader.parse("run " + resume + " (stored config)", resumable.configText(), overrides,
                    context.environment(), home);
            point = resumable.point();
        } else if (config == null) {
            throw new ConfigException(Problem.error("", "--config", "is required (or --resume RUN_ID)"));
        } else {
            loaded = RunConfigLoader.load(config, overrides, context.environment(), home);
        }
        loaded.warnings().forEach(w -> context.err().println("warning: " + w.oneLine()));
        ProgressPrinter progress = new ProgressPrinter(context.err(), System.console() != null);
        RunLauncher launcher = new RunLauncher(new Engine(context.environment()), history);
        LoadedConfig config = loaded;
        LaunchedRun.Finished finished;
        try (MetricsOptions.Endpoint endpoint = metrics.open(context.err()).orElse(null)) {
            List<RunListener> listeners = new ArrayList<>(List.of(progress));
            if (endpoint != null) {
                listeners.addAll(endpoint.listeners());
            }
            LaunchedRun launched = point == null
                    ? launcher.start(loaded.spec(), listeners, e -> located(e, config))
                    : launcher.resume(loaded.spec(), resume, point, listeners, e -> located(e, config));
            try (Interrupts ctrlC = Interrupts.cancelling(launched.run()::cancel, context.err())) {
                finished = launched.await();
            }
        }
        progress.finish();
        finished.historyWarning().ifPresent(w -> context.err().println("warning: " + w));
        RunResult result = finished.result();
        if (json) {
            context.out().println(SummaryJson.write(result));
        } else {
            SummaryTable.print(result, context.out());
        }
        if (result.error() != null) {
            context.err().println("error: " + result.error());
        }
        return ExitCode.of(result);
    }

    /** Gives engine problems (which know fields, not files) the file:line:col of those fields. */
    static ConfigException located(ConfigException e, LoadedConfig loaded) {
        return new ConfigException(loaded.located(e.problems()));
    }

    static final class PoolModeConverter implements picocli.CommandLine.ITypeConverter<PoolMode> {
        @Override
        public PoolMode convert(String value) {
            return io.poollab.config.ConfigValue.fromId(PoolMode.class, value).orElseThrow(() ->
                    new picocli.CommandLine.TypeConversionException("\"" + value
                            + "\" is not one of shared, per-worker, unpooled"));
        }
    }
}
