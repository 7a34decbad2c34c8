package io.poollab.cli;

import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.text.Units;
import java.io.PrintStream;

/**
 * The live progress line on stderr: rows, rows/s, ETA, each pool's active/max and waiters, p95 acquire wait.
 * On a terminal it rewrites one line a few times a second; otherwise (CI, a pipe) it prints a line every few
 * seconds, so logs stay readable.
 */
final class ProgressPrinter implements RunListener {

    private static final long TERMINAL_EVERY_MS = 250;
    private static final long LOG_EVERY_MS = 5_000;

    private final PrintStream err;
    private final boolean terminal;
    private volatile long estimatedRows;
    private long lastPrintedMs = -1;
    private boolean lineOpen;

    ProgressPrinter(PrintStream err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void started(RunInfo info) {
        estimatedRows = info.estimatedRows();
        for (RunInfo.TablePlanInfo table : info.tables()) {
            err.printf("run %d: %s → %s, ~%s rows, %d partition%s on key %s, %s%n", info.runId(), table.source(),
                    table.target(), Units.count(table.estimatedRows()), table.partitions(),
                    table.partitions() == 1 ? "" : "s", table.key() == null ? "(none)" : table.key(),
                    table.transfer());
        }
    }

    @Override
    public synchronized void sample(RunSample sample) {
        long every = terminal ? TERMINAL_EVERY_MS : LOG_EVERY_MS;
        if (lastPrintedMs >= 0 && sample.elapsedMs() - lastPrintedMs < every) {
            return;
        }
        lastPrintedMs = sample.elapsedMs();
        String line = line(sample);
        if (terminal) {
            err.print("\r" + line + "\u001b[K");
            lineOpen = true;
        } else {
            err.println(line);
        }
    }

    @Override
    public synchronized void event(RunEvent event) {
        if (event.type() == RunEvent.Type.INFO && !event.message().startsWith("created")) {
            return;
        }
        closeLine();
        err.println(event.type().id() + ": " + event.message());
    }

    synchronized void finish() {
        closeLine();
    }

    private void closeLine() {
        if (lineOpen) {
            err.println();
            lineOpen = false;
        }
    }

    private String line(RunSample sample) {
        double seconds = sample.elapsedMs() / 1000.0;
        double average = seconds <= 0 ? 0 : sample.rows() / seconds;
        long estimate = estimatedRows;
        String share = estimate > 0 ? " " + Math.min(100, Math.round(100.0 * sample.rows() / estimate)) + "%" : "";
        String eta = estimate > sample.rows() && average > 0
                ? " ETA " + Units.duration((estimate - sample.rows()) / average) : "";
        // Rows count when committed, which with perPartition comes in steps: the run's average is the steadier rate.
        return String.format("%s  %s rows%s  %s avg%s  src %s  tgt %s  workers %d", Units.duration(seconds),
                Units.count(sample.rows()), share, Units.rate(average), eta, pool(sample.source()),
                pool(sample.target()), sample.workers());
    }

    private static String pool(SideSample side) {
        String size = side.max() == 0 ? side.active() + " open" : side.active() + "/" + side.max() + " active";
        return size + ", " + side.pending() + " waiting, p95 " + Units.latency(side.acquireP95Ms());
    }
}
