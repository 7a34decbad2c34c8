package io.poollab.report;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Samples as CSV, one row per sample, units in the column names: one run's, or several with a run column. */
public final class SamplesCsv {

    public static final String HEADER = "elapsed_ms,rows,bytes,rows_per_second,workers,"
            + side("source") + "," + side("target");

    private SamplesCsv() {
    }

    public static void write(List<RunSample> samples, Path file) throws ConfigException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(samples, out);
        } catch (IOException e) {
            throw new ConfigException(Problem.error(file.toString(), "--csv", "cannot write: " + e.getMessage()));
        }
    }

    public static void write(List<RunSample> samples, Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (RunSample s : samples) {
            out.write(row(s));
        }
    }

    /** Several runs' samples in one table, {@code run} first: the report's samples.csv. */
    public static void writeRuns(java.util.Map<Long, List<RunSample>> samplesByRun, Writer out) throws IOException {
        out.write("run," + HEADER);
        out.write('\n');
        for (var run : samplesByRun.entrySet()) {
            for (RunSample s : run.getValue()) {
                out.write(run.getKey() + "," + row(s));
            }
        }
    }

    private static String row(RunSample s) {
        return String.format(Locale.ROOT, "%d,%d,%d,%.1f,%d,%s,%s%n", s.elapsedMs(), s.rows(), s.bytes(),
                s.rowsPerSecond(), s.workers(), side(s.source()), side(s.target()));
    }

    private static String side(String prefix) {
        return String.join(",", List.of("active", "idle", "pending", "total", "max", "acquire_p50_ms",
                "acquire_p95_ms", "acquire_p99_ms", "acquire_max_ms", "borrows", "timeouts_total", "errors_total",
                "db_sessions").stream().map(c -> prefix + "_" + c).toList());
    }

    private static String side(SideSample s) {
        return String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.4f,%.4f,%.4f,%.4f,%d,%d,%d,%s", s.active(), s.idle(),
                s.pending(), s.total(), s.max(), s.acquireP50Ms(), s.acquireP95Ms(), s.acquireP99Ms(), s.acquireMaxMs(),
                s.borrows(), s.timeouts(), s.errors(), s.dbSessions() < 0 ? "" : Integer.toString(s.dbSessions()));
    }
}
