package io.poollab.report;

import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** One row per run: its settings and measured figures, units in the column names (the report's summary.csv). */
public final class SummaryCsv {

    static final List<String> POOL_COLUMNS = List.of("max", "min_idle", "connection_timeout_ms", "peak_active",
            "peak_pending", "peak_open", "created", "timeouts", "errors", "acquire_p50_ms", "acquire_p95_ms",
            "acquire_p99_ms", "acquire_max_ms");

    private SummaryCsv() {
    }

    public static void write(List<RunDetail> runs, Writer out) throws IOException {
        List<String> header = new ArrayList<>(List.of("run", "label", "status", "started", "tables", "rows",
                "seconds", "rows_per_second", "workers", "pool_mode", "hold_connections", "batch_rows", "verify",
                "health"));
        for (String side : List.of("source", "target")) {
            POOL_COLUMNS.forEach(c -> header.add(side + "_" + c));
        }
        out.write(String.join(",", header));
        out.write('\n');
        for (RunDetail run : runs) {
            RunSummary s = run.summary();
            List<Object> row = new ArrayList<>(List.of(s.id(), text(s.label()), s.status(), s.startedAt().toString(),
                    text(s.tables()), value(s.rows()), number(s.seconds()), number(s.rowsPerSecond()), s.workers(),
                    s.poolMode(), text(run.holdConnections()), run.batchRows(), text(run.verify()), text(s.health())));
            for (String side : List.of("source", "target")) {
                RunDetail.Pool p = run.pools().get(side);
                if (p == null) {
                    POOL_COLUMNS.forEach(c -> row.add(""));
                    continue;
                }
                row.addAll(List.of(p.maximumPoolSize(), p.minimumIdle(), p.connectionTimeoutMs(),
                        value(p.peakActive()), value(p.peakPending()), value(p.peakTotal()), value(p.created()),
                        value(p.timeouts()), value(p.errors()), number(p.acquireP50Ms()), number(p.acquireP95Ms()),
                        number(p.acquireP99Ms()), number(p.acquireMaxMs())));
            }
            out.write(String.join(",", row.stream().map(String::valueOf).toList()));
            out.write('\n');
        }
    }

    private static String value(Object v) {
        return Objects.toString(v, "");
    }

    private static String number(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    static String text(String v) {
        if (v == null) {
            return "";
        }
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }
}
