package io.poollab.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.poollab.config.ConfigException;
import io.poollab.config.PoolLabHome;
import io.poollab.config.Problem;
import io.poollab.history.HistoryStore;
import io.poollab.history.ImportResult;
import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.migrate.RunSample;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code poollab history}: every recorded run, from the H2 store under the PoolLab home. */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List, show, export and import recorded runs.",
        subcommands = {HistoryCommand.ListRuns.class, HistoryCommand.Show.class, HistoryCommand.Samples.class,
            HistoryCommand.Delete.class, HistoryCommand.Label.class, HistoryCommand.Export.class,
            HistoryCommand.Import.class})
final class HistoryCommand implements Runnable {

    static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @ParentCommand
    PoolLabCli parent;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(parent.context().out());
    }

    HistoryStore open() throws ConfigException {
        return HistoryStore.open(PoolLabHome.ensure(parent.context().home()));
    }

    static RunDetail found(HistoryStore store, long runId) throws ConfigException {
        return store.detail(runId).orElseThrow(() -> missing(store, runId));
    }

    static ConfigException missing(HistoryStore store, long runId) {
        return new ConfigException(Problem.error("", "RUN", "there is no run " + runId + " in " + store.file()));
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Recorded runs, newest first.")
    static final class ListRuns implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Option(names = "--label", paramLabel = "TEXT", description = "Only runs with this label")
        String label;

        @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "At most N runs (default 50)")
        int limit;

        @Option(names = "--json", description = "One JSON object on stdout")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (limit < 1) {
                throw new ConfigException(Problem.error("", "--limit", "must be at least 1, got " + limit));
            }
            List<RunSummary> runs;
            try (HistoryStore store = history.open()) {
                runs = store.list(label, limit);
            }
            PrintStream out = history.parent.context().out();
            if (json) {
                out.println(JSON.writeValueAsString(java.util.Map.of("runs", runs.stream().map(HistoryText::json)
                        .toList())));
            } else {
                HistoryText.list(runs, out);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "One run: summary, settings, tables, events.")
    static final class Show implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "RUN", description = "Run id")
        long runId;

        @Option(names = "--json", description = "One JSON object on stdout")
        boolean json;

        @Override
        public Integer call() throws Exception {
            RunDetail detail;
            try (HistoryStore store = history.open()) {
                detail = found(store, runId);
            }
            PrintStream out = history.parent.context().out();
            if (json) {
                out.println(JSON.writeValueAsString(detail));
            } else {
                HistoryText.show(detail, out);
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "samples", mixinStandardHelpOptions = true, description = "Write a run's samples as CSV.")
    static final class Samples implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "RUN", description = "Run id")
        long runId;

        @Option(names = "--csv", required = true, paramLabel = "FILE", description = "The CSV file to write")
        Path csv;

        @Override
        public Integer call() throws Exception {
            List<RunSample> samples;
            try (HistoryStore store = history.open()) {
                found(store, runId);
                samples = store.samples(runId);
            }
            io.poollab.report.SamplesCsv.write(samples, csv);
            history.parent.context().err().println("wrote " + samples.size() + " samples of run " + runId + " to "
                    + csv);
            return ExitCode.OK;
        }
    }

    @Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a run and all it recorded.")
    static final class Delete implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "RUN", description = "Run id")
        long runId;

        @Override
        public Integer call() throws Exception {
            try (HistoryStore store = history.open()) {
                if (!store.delete(runId)) {
                    throw missing(store, runId);
                }
            }
            history.parent.context().err().println("deleted run " + runId);
            return ExitCode.OK;
        }
    }

    @Command(name = "label", mixinStandardHelpOptions = true, description = "Set a run's label.")
    static final class Label implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(index = "0", paramLabel = "RUN", description = "Run id")
        long runId;

        @Parameters(index = "1", paramLabel = "TEXT", description = "The new label")
        String text;

        @Override
        public Integer call() throws Exception {
            try (HistoryStore store = history.open()) {
                if (!store.label(runId, text)) {
                    throw missing(store, runId);
                }
            }
            return ExitCode.OK;
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write runs (settings, samples, events; no secrets) to one portable file.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "RUN", arity = "1..*", description = "Run ids")
        List<Long> runIds;

        @Option(names = "--out", required = true, paramLabel = "FILE",
                description = "The file to write (gzip when it ends in .gz)")
        Path out;

        @Override
        public Integer call() throws Exception {
            try (HistoryStore store = history.open()) {
                store.export(runIds, out);
            }
            history.parent.context().err().println("exported " + runIds.size() + " run"
                    + (runIds.size() == 1 ? "" : "s") + " to " + out);
            return ExitCode.OK;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Add the runs of an export file under new ids; runs already here are skipped.")
    static final class Import implements Callable<Integer> {
        @ParentCommand
        HistoryCommand history;

        @Parameters(paramLabel = "FILE", description = "A file written by history export")
        Path file;

        @Override
        public Integer call() throws Exception {
            ImportResult result;
            try (HistoryStore store = history.open()) {
                result = store.importRuns(file);
            }
            PrintStream err = history.parent.context().err();
            result.imported().forEach((from, to) -> err.println("imported run " + from + " as run " + to));
            result.alreadyPresent().forEach((from, here) -> err.println("run " + from
                    + " is already here as run " + here + "; skipped"));
            return ExitCode.OK;
        }
    }
}
