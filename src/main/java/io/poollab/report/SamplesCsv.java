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

    // Rows are built by hand: String.format cost 2 s of a cold 1-hour report (28,800 rows of 30 numbers each).
    private static String row(RunSample s) {
        StringBuilder b = new StringBuilder(256);
        b.append(s.elapsedMs()).append(',').append(s.rows()).append(',').append(s.bytes()).append(',');
        fixed(b, s.rowsPerSecond(), 1).append(',').append(s.workers()).append(',');
        side(b, s.source()).append(',');
        side(b, s.target()).append('\n');
        return b.toString();
    }

    private static StringBuilder side(StringBuilder b, SideSample s) {
        b.append(s.active()).append(',').append(s.idle()).append(',').append(s.pending()).append(',')
                .append(s.total()).append(',').append(s.max()).append(',');
        fixed(b, s.acquireP50Ms(), 4).append(',');
        fixed(b, s.acquireP95Ms(), 4).append(',');
        fixed(b, s.acquireP99Ms(), 4).append(',');
        fixed(b, s.acquireMaxMs(), 4).append(',');
        b.append(s.borrows()).append(',').append(s.timeouts()).append(',').append(s.errors()).append(',');
        if (s.dbSessions() >= 0) {
            b.append(s.dbSessions());
        }
        return b;
    }

    /**
     * {@code value} with exactly {@code decimals} digits after the point, the same text as {@code %.Nf}: both round
     * the shortest decimal form of the double half up.
     */
    static StringBuilder fixed(StringBuilder b, double value, int decimals) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return b.append(String.format(Locale.ROOT, "%." + decimals + "f", value));
        }
        String text = java.math.BigDecimal.valueOf(value).setScale(decimals, java.math.RoundingMode.HALF_UP)
                .toPlainString();
        // %.Nf keeps the sign of a negative value that rounds to zero ("-0.0"); BigDecimal has no negative zero.
        boolean negative = value < 0 || (value == 0 && 1 / value < 0);
        return b.append(negative && !text.startsWith("-") ? "-" : "").append(text);
    }

    private static String side(String prefix) {
        return String.join(",", List.of("active", "idle", "pending", "total", "max", "acquire_p50_ms",
                "acquire_p95_ms", "acquire_p99_ms", "acquire_max_ms", "borrows", "timeouts_total", "errors_total",
                "db_sessions").stream().map(c -> prefix + "_" + c).toList());
    }
}
