package io.poollab.cli;

import io.poollab.config.ConfigException;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PoolLabHome;
import io.poollab.config.PoolMode;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigLoader;
import io.poollab.db.Connections;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunRecorder;
import io.poollab.migrate.ResumePoint;
import io.poollab.migrate.RunListener;
import java.sql.SQLException;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunResult;
import java.nio.file.Path;
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
        long runId = history.createRun(loaded.spec(), resume);
        RunRecorder recorder = history.recorder(runId);
        ProgressPrinter progress = new ProgressPrinter(context.err(), System.console() != null);
        Run run;
        try {
            Engine engine = new Engine(context.environment());
            List<RunListener> listeners = List.of(progress, recorder);
            run = point == null ? engine.start(loaded.spec(), runId, listeners)
                    : engine.resume(loaded.spec(), runId, point, listeners);
        } catch (ConfigException e) {
            ConfigException located = located(e, loaded);
            history.fail(runId, located.getMessage());
            recorder.close();
            throw located;
        } catch (SQLException e) {
            history.fail(runId, Connections.firstLine(e));
            recorder.close();
            throw e;
        }
        if (resume != null) {
            history.addEvent(resume, "info", "resumed as run " + runId);
        }
        RunResult result;
        try (Interrupts ctrlC = Interrupts.cancelling(run::cancel, context.err())) {
            result = run.await();
        }
        progress.finish();
        try {
            recorder.close();
        } catch (SQLException e) {
            context.err().println("warning: run " + runId + " could not be fully written to the history "
                    + history.file() + ": " + Connections.firstLine(e));
        }
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
