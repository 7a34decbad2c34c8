package io.poollab.analysis;

import io.poollab.config.ConfigException;
import io.poollab.config.Side;
import io.poollab.db.ServerWaits;
import io.poollab.history.DiagnosisRun;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.RunWaits;
import io.poollab.migrate.TimeBreakdown;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A diagnosis read back from the history: its runs grouped by experiment, in the order the experiments first ran,
 * and the verdict computed from them. Nothing comes from the runner's memory, so a diagnosis reads the same later.
 * The warm-up run is in the history under the diagnosis but measures nothing.
 */
public record Diagnosis(long diagnosisId, List<Experiment> experiments, List<DiagnoseVerdict.Finding> verdict) {

    /** The experiment id of a diagnosis's warm-up run, which measures nothing. */
    public static final String WARM_UP = "warm-up";

    public static Diagnosis load(HistoryStore history, long diagnosisId) throws ConfigException {
        Map<String, List<RunDetail>> runs = new LinkedHashMap<>();
        Map<Long, RunWaits> waits = new LinkedHashMap<>();
        for (DiagnosisRun run : history.diagnosisRuns(diagnosisId)) {
            if (WARM_UP.equals(run.experiment())) {
                continue;
            }
            RunDetail detail = history.detail(run.runId()).orElseThrow();
            runs.computeIfAbsent(run.experiment(), k -> new ArrayList<>()).add(detail);
            waits.put(run.runId(), history.waits(run.runId()).orElse(RunWaits.NONE));
        }
        List<Experiment> experiments = new ArrayList<>();
        runs.forEach((id, details) -> experiments.add(experiment(id, details, waits)));
        return new Diagnosis(diagnosisId, experiments, DiagnoseVerdict.of(experiments));
    }

    static Experiment experiment(String id, List<RunDetail> details, Map<Long, RunWaits> waits) {
        List<Long> ids = new ArrayList<>();
        List<Double> rates = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        List<Long> rows = new ArrayList<>();
        Map<Side, ServerWaits> server = new EnumMap<>(Side.class);
        long cpuMs = 0;
        long gcMs = 0;
        long wallMs = 0;
        int cores = 0;
        boolean clientMeasured = true;
        long[] time = new long[5];
        for (RunDetail d : details) {
            ids.add(d.summary().id());
            if (!"succeeded".equals(d.summary().status()) || d.summary().rowsPerSecond() == null) {
                failures.add("run " + d.summary().id() + " " + d.summary().status()
                        + (d.error() == null ? "" : ": " + d.error()));
                continue;
            }
            rates.add(d.summary().rowsPerSecond());
            rows.add(d.summary().rows());
            RunWaits w = waits.getOrDefault(d.summary().id(), RunWaits.NONE);
            for (Side side : Side.values()) {
                server.merge(side, w.side(side), ServerWaits::plus);
            }
            RunWaits.ClientUsage c = w.client();
            clientMeasured &= c.measured();
            cpuMs += Math.max(0, c.cpuMs());
            gcMs += Math.max(0, c.gcMs());
            wallMs += c.wallMs();
            cores = Math.max(cores, c.cores());
            String[] keys = {"read", "acquire", "queueWait", "write", "commit"};
            for (int i = 0; i < keys.length; i++) {
                Long ms = d.timeBreakdownMs() == null ? null : d.timeBreakdownMs().get(keys[i]);
                time[i] += ms == null ? 0 : ms;
            }
        }
        RunWaits.ClientUsage client = clientMeasured && !rates.isEmpty()
                ? new RunWaits.ClientUsage(cpuMs, gcMs, cores, wallMs) : RunWaits.ClientUsage.NONE;
        WaitSummary summary = WaitSummary.of(new RunWaits(server, client),
                new TimeBreakdown.Snapshot(time[0], time[1], time[2], time[3], time[4]));
        RunDetail first = details.get(0);
        return new Experiment(id, setup(first), first.summary().workers(), first.summary().poolMode(), ids, rates,
                failures, rows, summary);
    }

    /** "4 workers, shared pool of 4", "1 worker, unpooled", "2 workers, a pool of 2 each". */
    static String setup(RunDetail d) {
        int workers = d.summary().workers();
        String w = workers + (workers == 1 ? " worker" : " workers");
        RunDetail.Pool target = d.pools().get("target");
        int size = target == null ? d.summary().targetPoolMax() : target.maximumPoolSize();
        return switch (d.summary().poolMode()) {
            case "unpooled" -> w + ", unpooled";
            case "per-worker" -> w + ", a pool of " + size + " each";
            default -> w + ", shared pool of " + size;
        };
    }
}
