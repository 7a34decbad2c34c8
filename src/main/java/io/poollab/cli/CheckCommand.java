package io.poollab.cli;

import io.poollab.config.ConfigException;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PoolLabHome;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigLoader;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunInfo;
import io.poollab.text.Units;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code poollab check}: validates the config and both connections, plans every table, changes nothing. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validate a config and test both connections; nothing is written.")
final class CheckCommand implements Callable<Integer> {

    @ParentCommand
    PoolLabCli parent;

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "Run config (YAML)")
    Path config;

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        PrintStream out = context.out();
        LoadedConfig loaded;
        try {
            loaded = RunConfigLoader.load(config, Overrides.NONE, context.environment(),
                    PoolLabHome.ensure(context.home()));
        } catch (ConfigException e) {
            return printAll(e, context.err());
        }
        loaded.warnings().forEach(w -> context.err().println("warning: " + w.oneLine()));
        RunInfo info;
        try {
            info = new Engine(context.environment()).check(loaded.spec());
        } catch (ConfigException e) {
            return printAll(RunCommand.located(e, loaded), context.err());
        }
        out.printf("source  %s %s (max_connections %s, %d sessions now)%n", info.sourceServer().product(),
                info.sourceServer().version(), limit(info.sourceServer().maxConnections()),
                info.sourceServer().currentSessions());
        out.printf("target  %s %s (max_connections %s, %d sessions now)%n", info.targetServer().product(),
                info.targetServer().version(), limit(info.targetServer().maxConnections()),
                info.targetServer().currentSessions());
        for (RunInfo.TablePlanInfo table : info.tables()) {
            out.printf("table   %s → %s: ~%s rows, key %s, %d partition%s, %s%n", table.source(), table.target(),
                    Units.count(table.estimatedRows()), table.key() == null ? "none" : table.key(),
                    table.partitions(), table.partitions() == 1 ? "" : "s", table.transfer());
        }
        info.warnings().forEach(w -> context.err().println("warning: " + w));
        out.println("ok: the config is valid and both databases answer");
        return ExitCode.OK;
    }

    private static int printAll(ConfigException e, PrintStream err) {
        for (Problem problem : e.problems()) {
            err.println("error: " + problem.oneLine());
        }
        return ExitCode.BAD_INPUT;
    }

    private static String limit(int maxConnections) {
        return maxConnections < 0 ? "n/a" : Integer.toString(maxConnections);
    }
}
