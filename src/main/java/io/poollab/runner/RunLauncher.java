package io.poollab.runner;

import io.poollab.config.ConfigException;
import io.poollab.config.RunSpec;
import io.poollab.db.Connections;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunRecorder;
import io.poollab.migrate.Engine;
import io.poollab.migrate.ResumePoint;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Starts runs the way every front end must (CLI, GUI, later sweeps and demos): the run is created in the history
 * first, its recorder listens from the first sample, and a run that cannot start is recorded as failed with the
 * same one-line reason the user sees.
 */
public final class RunLauncher {

    private final Engine engine;
    private final HistoryStore history;

    public RunLauncher(Engine engine, HistoryStore history) {
        this.engine = engine;
        this.history = history;
    }

    public HistoryStore history() {
        return history;
    }

    /**
     * @param explain turns engine problems (which name fields) into the user's terms, for example file:line:col
     * @throws ConfigException   bad input; nothing was written to the target
     * @throws RunStartException the target could not be prepared (a database error)
     */
    public LaunchedRun start(RunSpec spec, List<RunListener> listeners, UnaryOperator<ConfigException> explain)
            throws ConfigException, RunStartException {
        return launch(spec, null, null, null, null, listeners, explain);
    }

    /** Starts {@code spec} as a cell of sweep {@code sweepId}. */
    public LaunchedRun startInSweep(RunSpec spec, long sweepId, List<RunListener> listeners,
                                    UnaryOperator<ConfigException> explain) throws ConfigException, RunStartException {
        return launch(spec, null, null, sweepId, null, listeners, explain);
    }

    /** A run's place in a diagnosis: the diagnosis and the experiment the run measures. */
    public record DiagnosisTag(long diagnosisId, String experiment) {
    }

    /** Starts {@code spec} as a run of a diagnosis, tied to it in the history before it starts. */
    public LaunchedRun startInDiagnosis(RunSpec spec, DiagnosisTag tag, List<RunListener> listeners,
                                        UnaryOperator<ConfigException> explain)
            throws ConfigException, RunStartException {
        return launch(spec, null, null, null, tag, listeners, explain);
    }

    /** Continues interrupted run {@code fromRunId} as a new run, from its checkpoints. */
    public LaunchedRun resume(RunSpec spec, long fromRunId, ResumePoint point, List<RunListener> listeners,
                              UnaryOperator<ConfigException> explain) throws ConfigException, RunStartException {
        LaunchedRun launched = launch(spec, fromRunId, point, null, null, listeners, explain);
        history.addEvent(fromRunId, "info", "resumed as run " + launched.runId());
        return launched;
    }

    private LaunchedRun launch(RunSpec spec, Long fromRunId, ResumePoint point, Long sweepId, DiagnosisTag diagnosis,
                               List<RunListener> listeners, UnaryOperator<ConfigException> explain)
            throws ConfigException, RunStartException {
        long runId = history.createRun(spec, fromRunId, sweepId);
        if (diagnosis != null) {
            history.assignDiagnosis(runId, diagnosis.diagnosisId(), diagnosis.experiment());
        }
        RunRecorder recorder = history.recorder(runId);
        List<RunListener> all = new ArrayList<>(listeners);
        all.add(recorder);
        try {
            Run run = point == null ? engine.start(spec, runId, all) : engine.resume(spec, runId, point, all);
            return new LaunchedRun(run, recorder, history);
        } catch (ConfigException e) {
            ConfigException explained = explain.apply(e);
            abandon(runId, recorder, explained.getMessage());
            throw explained;
        } catch (SQLException e) {
            String reason = Connections.firstLine(e);
            abandon(runId, recorder, reason);
            throw new RunStartException(reason, e);
        }
    }

    private void abandon(long runId, RunRecorder recorder, String reason) throws ConfigException {
        history.fail(runId, reason);
        try {
            recorder.close();
        } catch (SQLException e) {
            // The run never started: there is nothing the recorder could have lost.
        }
    }
}
