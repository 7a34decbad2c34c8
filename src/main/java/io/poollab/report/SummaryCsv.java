package io.poollab.report;

import io.poollab.analysis.WaitSummary;
import io.poollab.config.Side;
import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
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

    static final List<String> WAIT_COLUMNS = List.of("source_server_share", "source_cpu_share", "source_io_share",
            "source_lock_share", "source_client_wait_share", "target_server_share", "target_cpu_share",
            "target_io_share", "target_lock_share", "target_client_wait_share", "acquire_share", "client_cpu_share",
            "client_gc_share", "constraint");

    public static void write(List<RunDetail> runs, Writer out) throws IOException {
        write(runs, java.util.Map.of(), out);
    }

    /** With each run's waits (shares in [0, 1]; empty cells where unmeasured). */
    public static void write(List<RunDetail> runs, java.util.Map<Long, WaitSummary> waits, Writer out)
            throws IOException {
        List<String> header = new ArrayList<>(List.of("run", "label", "status", "started", "tables", "rows",
                "seconds", "rows_per_second", "workers", "pool_mode", "hold_connections", "batch_rows", "verify",
                "health"));
        for (String side : List.of("source", "target")) {
            POOL_COLUMNS.forEach(c -> header.add(side + "_" + c));
        }
        header.addAll(WAIT_COLUMNS);
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
            row.addAll(waitCells(waits.get(s.id())));
            out.write(String.join(",", row.stream().map(String::valueOf).toList()));
            out.write('\n');
        }
    }

    private static List<Object> waitCells(WaitSummary w) {
        List<Object> cells = new ArrayList<>();
        if (w == null) {
            WAIT_COLUMNS.forEach(c -> cells.add(""));
            return cells;
        }
        for (Side side : Side.values()) {
            ServerWaits sw = w.waits().side(side);
            cells.add(share(WaitSummary.serverShare(sw)));
            cells.add(share(sw.share(WaitBucket.CPU)));
            cells.add(share(sw.share(WaitBucket.IO)));
            cells.add(share(sw.share(WaitBucket.LOCK)));
            cells.add(share(WaitSummary.clientWaitShare(sw)));
        }
        cells.add(share(w.acquireShare()));
        cells.add(share(w.waits().client().cpuShare()));
        cells.add(share(w.waits().client().gcShare()));
        cells.add(w.constraint().id());
        return cells;
    }

    private static String share(double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, "%.4f", v);
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
