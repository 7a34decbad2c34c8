package io.poollab.cli;

import io.poollab.config.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code poollab}: the headless CLI over the same engine as the GUI. Commands are thin (parse, call, print);
 * errors become one {@code error:} line and an exit code here, in one place.
 */
@Command(name = "poollab", mixinStandardHelpOptions = true, versionProvider = PoolLabCli.Version.class,
        description = "Tune database connection pools by running real migrations and measuring the pool.",
        subcommands = {RunCommand.class, CheckCommand.class, HistoryCommand.class, CompareCommand.class,
                ReportCommand.class, SweepCommand.class, DemoCommand.class, DiagnoseCommand.class, ProxyCommand.class})
public final class PoolLabCli implements Runnable {

    @Option(names = "--home", description = "PoolLab home (default $POOLLAB_HOME or ~/.poollab)", scope = CommandLine.ScopeType.INHERIT)
    String home;

    @Option(names = "--debug", description = "Show stack traces and debug logging", scope = CommandLine.ScopeType.INHERIT)
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private CliContext context;

    @Override
    public void run() {
        spec.commandLine().usage(context.out());
    }

    CliContext context() {
        return new CliContext(context.out(), context.err(), context.environment(), home, debug);
    }

    /** Runs the CLI and returns the exit code; never calls System.exit, so tests can call it. */
    public static int execute(String[] args, PrintStream out, PrintStream err, Map<String, String> environment) {
        boolean debug = java.util.Arrays.asList(args).contains("--debug");
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        }
        PoolLabCli root = new PoolLabCli();
        root.context = new CliContext(out, err, environment, null, debug);
        CommandLine commandLine = new CommandLine(root);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        commandLine.setParameterExceptionHandler((e, a) -> {
            err.println("error: " + e.getMessage() + nearestOption(e) + " (see poollab "
                    + e.getCommandLine().getCommandName() + " --help)");
            return ExitCode.BAD_INPUT;
        });
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> handle(e, err, debug));
        return commandLine.execute(args);
    }

    /** "; did you mean --workers?" for a mistyped option, from the options of the command it was given to. */
    private static String nearestOption(picocli.CommandLine.ParameterException e) {
        if (!(e instanceof picocli.CommandLine.UnmatchedArgumentException unmatched)
                || unmatched.getUnmatched().isEmpty() || !unmatched.getUnmatched().get(0).startsWith("-")) {
            return "";
        }
        String wrong = unmatched.getUnmatched().get(0).split("=", 2)[0];
        java.util.List<String> names = e.getCommandLine().getCommandSpec().options().stream()
                .flatMap(option -> java.util.Arrays.stream(option.names())).toList();
        return io.poollab.config.Suggest.nearest(wrong, names).map(name -> "; did you mean " + name + "?").orElse("");
    }

    private static int handle(Exception e, PrintStream err, boolean debug) {
        if (e instanceof ConfigException config) {
            // One line for the first problem; `poollab check` lists them all.
            int more = config.problems().size() - 1;
            err.println("error: " + config.problems().get(0).oneLine()
                    + (more > 0 ? " (+" + more + " more; poollab check --config FILE lists all)" : ""));
            if (debug) {
                e.printStackTrace(err);
            }
            return ExitCode.BAD_INPUT;
        }
        String message = e instanceof SQLException sql ? io.poollab.db.Connections.firstLine(sql)
                : e.getMessage() == null ? e.getClass().getName() : e.getMessage();
        err.println("error: " + message);
        if (debug) {
            e.printStackTrace(err);
        } else {
            err.println("(run again with --debug for details)");
        }
        return ExitCode.RUN_FAILED;
    }

    /** The version from the pom, filtered into version.properties at build time. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            return new String[] {"PoolLab " + version()};
        }
    }

    public static String version() {
        return io.poollab.config.PoolLabVersion.get();
    }
}
