package io.poollab.cli;

import io.poollab.config.PoolLabHome;
import io.poollab.history.HistoryStore;
import io.poollab.report.ReportContent;
import io.poollab.report.ReportFormat;
import io.poollab.report.ReportWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code poollab report}: a tuning report of stored runs, as HTML, PDF and CSV, with pasteable pool config. */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Export a tuning report of 1 to 4 stored runs (the first is the baseline).")
final class ReportCommand implements Callable<Integer> {

    @picocli.CommandLine.ParentCommand
    PoolLabCli parent;

    @Option(names = "--runs", required = true, split = ",", paramLabel = "ID,ID…",
            description = "Run ids, comma-separated; the first is the baseline")
    List<Long> runIds;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder for the report's files")
    Path out;

    @Option(names = "--format", defaultValue = "html,pdf,csv", paramLabel = "html,pdf,csv",
            description = "Which files to write (default: ${DEFAULT-VALUE}); snippets are always written")
    String format;

    @Option(names = "--title", paramLabel = "TEXT", description = "The report's title")
    String title;

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        var formats = ReportFormat.parse(format);
        ReportContent content;
        try (HistoryStore store = HistoryStore.open(PoolLabHome.ensure(context.home()))) {
            content = ReportContent.load(store, runIds, title, Instant.now());
        }
        List<Path> files = ReportWriter.write(content, out, formats, (file, done, total) -> {
            if (file != null) {
                context.err().printf("writing %s (%d of %d)%n", file, done + 1, total);
            }
        });
        files.forEach(f -> context.out().println(f));
        return ExitCode.OK;
    }
}
