package io.poollab.ui.run;

import io.poollab.migrate.PartitionResult;
import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunInfo;
import io.poollab.migrate.RunListener;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunSample;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The one queue between a run's engine threads and the FX thread. Engine callbacks only append under a short lock;
 * the view drains everything that arrived in one go, a few times a second, so the FX thread sees one update per
 * drain however fast the sampler is, and never one {@code Platform.runLater} per sample.
 */
final class LiveFeed implements RunListener {

    private final Object lock = new Object();
    private RunInfo info;
    private List<RunSample> samples = new ArrayList<>();
    private List<RunEvent> events = new ArrayList<>();
    private Map<Integer, TableDone> tables = new HashMap<>();
    private RunResult result;

    /** What arrived since the previous drain. */
    record Drained(RunInfo info, List<RunSample> samples, List<RunEvent> events, Map<Integer, TableDone> tables,
                   RunResult result) {

        boolean isEmpty() {
            return info == null && samples.isEmpty() && events.isEmpty() && tables.isEmpty() && result == null;
        }
    }

    /** Rows and partitions a table completed since the previous drain. */
    record TableDone(long rows, int partitions) {
        TableDone plus(PartitionResult p) {
            return new TableDone(rows + p.rows(), partitions + 1);
        }
    }

    @Override
    public void started(RunInfo runInfo) {
        synchronized (lock) {
            info = runInfo;
        }
    }

    @Override
    public void sample(RunSample sample) {
        synchronized (lock) {
            samples.add(sample);
        }
    }

    @Override
    public void event(RunEvent event) {
        synchronized (lock) {
            events.add(event);
        }
    }

    @Override
    public void partitionCompleted(PartitionResult partition) {
        synchronized (lock) {
            tables.merge(partition.tableIndex(), new TableDone(0, 0).plus(partition), (a, b) -> a.plus(partition));
        }
    }

    @Override
    public void finished(RunResult runResult) {
        synchronized (lock) {
            result = runResult;
        }
    }

    Drained drain() {
        synchronized (lock) {
            Drained drained = new Drained(info, samples, events, tables, result);
            info = null;
            result = null;
            samples = new ArrayList<>();
            events = new ArrayList<>();
            tables = new HashMap<>();
            return drained;
        }
    }
}
