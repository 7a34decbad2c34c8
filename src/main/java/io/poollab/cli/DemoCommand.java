package io.poollab.cli;

import io.poollab.config.ConfigException;
import io.poollab.config.PoolLabHome;
import io.poollab.config.Problem;
import io.poollab.demo.DemoDatabases;
import io.poollab.demo.DemoListener;
import io.poollab.demo.DemoOptions;
import io.poollab.demo.DemoResult;
import io.poollab.demo.DemoRunner;
import io.poollab.demo.MeasuredStep;
import io.poollab.demo.Scenario;
import io.poollab.demo.Step;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunListener;
import io.poollab.text.Units;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code poollab demo}: a scripted scenario on PoolLab's own databases (nothing to install), its runs measured and
 * recorded, and a conclusion computed from them. Without {@code --scenario} it lists the scenarios, since running
 * all four takes several minutes and a presenter picks the one that answers the question in the room.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run a scripted demo on PoolLab's own embedded PostgreSQL and H2 (nothing to install): "
                + "measured runs and a conclusion computed from them. Without --scenario, list the scenarios.")
final class DemoCommand implements Callable<Integer> {

    @ParentCommand
    PoolLabCli parent;

    @Option(names = "--scenario", paramLabel = "NAME",
            description = "more-readers, per-worker-vs-shared, warm-vs-cold or right-size")
    String scenario;

    @Option(names = "--rows", paramLabel = "N", defaultValue = "" + DemoOptions.DEFAULT_ROWS,
            description = "Posts-like rows to copy (default ${DEFAULT-VALUE}; generated once per size)")
    long rows;

    @Option(names = "--repeat", paramLabel = "N",
            description = "Runs per variant (default 2, warm-vs-cold 3): their spread is the noise")
    Integer repeat;

    @Option(names = "--latency-ms", paramLabel = "N", defaultValue = "" + DemoOptions.DEFAULT_LATENCY_MS,
            description = "One-way delay in front of the target (default ${DEFAULT-VALUE}; RTT is twice this)")
    long latencyMs;

    @Option(names = "--json", description = "Print one JSON object on stdout")
    boolean json;

    @Mixin
    MetricsOptions metrics = new MetricsOptions();

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        if (scenario == null) {
            if (json) {
                context.out().println(HistoryCommand.JSON.writeValueAsString(DemoText.listJson()));
            } else {
                DemoText.list(context.out());
            }
            return ExitCode.OK;
        }
        Scenario chosen = Scenario.byId(scenario).orElseThrow(() -> new ConfigException(Problem.error("",
                "--scenario", "\"" + scenario + "\" is not a scenario" + Scenario.nearest(scenario)
                        .map(n -> "; did you mean " + n + "?").orElse("; one of " + String.join(", ",
                                Scenario.ids())))));
        if (repeat != null && repeat < 1) {
            throw new ConfigException(Problem.error("", "--repeat", repeat + " is less than 1"));
        }
        DemoOptions options = new DemoOptions(rows, repeat == null ? 0 : repeat, latencyMs);
        options.validate();
        Path home = PoolLabHome.ensure(context.home());
        MetricsOptions.Endpoint opened = metrics.open(context.err()).orElse(null);
        AtomicReference<DemoRunner> runner = new AtomicReference<>();
        AtomicBoolean stop = new AtomicBoolean();
        DemoResult result;
        // Ctrl-C is routed before the server starts, so a cancel during its start stops the demo before any run.
        try (MetricsOptions.Endpoint endpoint = opened;
             Interrupts ctrlC = Interrupts.cancelling(() -> {
                 stop.set(true);
                 DemoRunner r = runner.get();
                 if (r != null) {
                     r.cancel();
                 }
             }, context.err(), "cancelling the demo: the current run stops, then the demo's PostgreSQL");
             HistoryStore history = HistoryStore.open(home);
             DemoDatabases databases = DemoDatabases.start(home, line -> context.err().println("demo: " + line))) {
            DemoRunner demo = new DemoRunner(new Engine(context.environment()), history, databases);
            runner.set(demo);
            if (stop.get()) {
                demo.cancel();
            }
            context.err().println("demo " + chosen.id() + ": " + chosen.title() + " (" + chosen.runs() + ")");
            result = demo.run(chosen, options, new Progress(context, endpoint));
            context.err().println("demo: stopping the demo's PostgreSQL");
        }
        if (json) {
            context.out().println(HistoryCommand.JSON.writeValueAsString(DemoText.json(result)));
        } else {
            DemoText.print(result, context.out());
        }
        return exitCode(result);
    }

    private static int exitCode(DemoResult result) {
        if (result.cancelled()) {
            return ExitCode.CANCELLED;
        }
        return result.succeeded() ? ExitCode.OK : ExitCode.RUN_FAILED;
    }

    /** A line per run on stderr, and the runs' warnings, errors and retries as they happen. */
    private static final class Progress implements DemoListener {
        private final CliContext context;
        private final List<RunListener> runListeners = new ArrayList<>();

        Progress(CliContext context, MetricsOptions.Endpoint endpoint) {
            this.context = context;
            runListeners.add(new RunListener() {
                @Override
                public void event(RunEvent event) {
                    if (event.type() == RunEvent.Type.WARNING || event.type() == RunEvent.Type.ERROR
                            || event.type() == RunEvent.Type.RETRY) {
                        context.err().println("       " + event.type().id() + ": " + event.message());
                    }
                }
            });
            if (endpoint != null) {
                runListeners.addAll(endpoint.listeners());
            }
        }

        @Override
        public void progress(String line) {
            context.err().println("demo: " + line);
        }

        @Override
        public List<RunListener> runListeners() {
            return runListeners;
        }

        @Override
        public void stepStarting(Step step, int index, int total) {
            context.err().printf("[%d/%d] %s, repeat %d (%s, %d worker%s, %d connections allowed)%n", index + 1,
                    total, step.variant(), step.repeat(), step.spec().poolMode().id(), step.spec().workers(),
                    step.spec().workers() == 1 ? "" : "s", step.connectionsAllowed());
        }

        @Override
        public void stepEnded(MeasuredStep step) {
            context.err().println("       run " + step.runId() + " " + step.status().id() + (step.succeeded()
                    ? ": " + Units.rate(step.rowsPerSecond()) + ", copy " + Units.length(step.copySeconds())
                    + ", start to end " + Units.length(step.wallSeconds()) + ", p95 wait "
                    + Units.latency(step.p95WaitMs()) + ", " + step.connectionsOpened() + " connections opened"
                    : step.error() == null ? "" : ": " + step.error()));
        }
    }
}
