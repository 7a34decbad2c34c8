package io.poollab.migrate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Fans run callbacks out to every listener; a failing listener is logged and never stops the run. */
final class Listeners implements RunListener {

    private static final Logger LOG = LoggerFactory.getLogger(Listeners.class);
    private final List<RunListener> listeners = new CopyOnWriteArrayList<>();

    Listeners(List<RunListener> listeners) {
        this.listeners.addAll(listeners);
    }

    @Override
    public void starting(Run run) {
        each(l -> l.starting(run));
    }

    @Override
    public void started(RunInfo info) {
        each(l -> l.started(info));
    }

    @Override
    public void sample(RunSample sample) {
        each(l -> l.sample(sample));
    }

    @Override
    public void event(RunEvent event) {
        each(l -> l.event(event));
    }

    @Override
    public void partitionCompleted(PartitionResult partition) {
        each(l -> l.partitionCompleted(partition));
    }

    @Override
    public void finished(RunResult result) {
        each(l -> l.finished(result));
    }

    private void each(java.util.function.Consumer<RunListener> call) {
        for (RunListener listener : listeners) {
            try {
                call.accept(listener);
            } catch (RuntimeException e) {
                LOG.warn("run listener {} failed", listener.getClass().getName(), e);
            }
        }
    }
}
