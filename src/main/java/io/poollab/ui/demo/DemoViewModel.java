package io.poollab.ui.demo;

import io.poollab.demo.DemoDatabases;
import io.poollab.demo.DemoListener;
import io.poollab.demo.DemoOptions;
import io.poollab.demo.DemoResult;
import io.poollab.demo.DemoRunner;
import io.poollab.demo.MeasuredStep;
import io.poollab.demo.Scenario;
import io.poollab.demo.Step;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.text.Units;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import io.poollab.ui.Workbench;
import io.poollab.ui.run.RunMonitor;
import io.poollab.ui.run.RunViewModel;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Demo page's state and work: the same scenarios and options as {@code poollab demo}, run by the same
 * {@link DemoRunner} on PoolLab's own databases (the embedded PostgreSQL is started with the first demo and stopped
 * when the window closes), each run watched live and the conclusion computed from what was measured.
 */
public final class DemoViewModel {

    private final Workbench workbench;
    private final Background background;
    private final RunViewModel runModel;
    private final ObjectProperty<Scenario> scenario = new SimpleObjectProperty<>(Scenario.PER_WORKER_VS_SHARED);
    private final LongProperty rows = new SimpleLongProperty(DemoOptions.DEFAULT_ROWS);
    private final LongProperty latencyMs = new SimpleLongProperty(DemoOptions.DEFAULT_LATENCY_MS);
    /** 0: the scenario's own default. */
    private final IntegerProperty repeats = new SimpleIntegerProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty stopRequested = new SimpleBooleanProperty();
    private final StringProperty status = new SimpleStringProperty("Pick a question and press Start: PoolLab "
            + "starts its own PostgreSQL, generates the rows and runs every variant for real.");
    private final StringProperty error = new SimpleStringProperty();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final ObjectProperty<RunMonitor> monitor = new SimpleObjectProperty<>();
    private final StringProperty currentStep = new SimpleStringProperty("");
    private final ObjectProperty<DemoResult> result = new SimpleObjectProperty<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final AtomicReference<DemoRunner> runner = new AtomicReference<>();
    private DemoDatabases databases;
    private Future<?> job;
    private volatile boolean stopping;

    public DemoViewModel(Workbench workbench, RunViewModel runModel) {
        this.workbench = workbench;
        this.background = workbench.background();
        this.runModel = runModel;
    }

    /** Starts the chosen scenario off the FX thread; refused (with a line) while a run or a sweep goes on. */
    public void start() {
        if (running.get()) {
            return;
        }
        error.set(null);
        if (runModel.cannotStartBinding().get()) {
            error.set("Not started: a run or a sweep is going on; a demo beside it would measure both.");
            return;
        }
        DemoOptions options = new DemoOptions(rows.get(), repeats.get(), latencyMs.get());
        try {
            options.validate();
        } catch (io.poollab.config.ConfigException e) {
            error.set(Errors.oneLine(e));
            return;
        }
        Scenario chosen = scenario.get();
        running.set(true);
        stopRequested.set(false);
        stopping = false;
        runModel.demoRunningProperty().set(true);
        result.set(null);
        steps.clear();
        progress.set(-1);
        status.set(chosen.title() + ": " + chosen.runs());
        job = background.run(() -> runScenario(chosen, options), this::ended, e -> {
            ended(null);
            status.set("The demo did not run.");
            error.set(Errors.oneLine(e));
        });
    }

    /** Off the FX thread: the databases (once), then the scenario. */
    private DemoResult runScenario(Scenario chosen, DemoOptions options) throws Exception {
        synchronized (this) {
            if (databases == null) {
                databases = DemoDatabases.start(workbench.home(), this::progressLine);
            }
        }
        DemoRunner demo = new DemoRunner(new Engine(workbench.environment()), workbench.history(), databases);
        runner.set(demo);
        if (stopping) {
            demo.cancel();
        }
        try {
            return demo.run(chosen, options, new Listener());
        } finally {
            runner.set(null);
        }
    }

    private void progressLine(String line) {
        background.onFx(() -> currentStep.set(line));
    }

    private void ended(DemoResult outcome) {
        running.set(false);
        runModel.demoRunningProperty().set(false);
        progress.set(outcome == null ? 0 : 1);
        if (outcome != null) {
            result.set(outcome);
            long runs = outcome.steps().size() + (outcome.warmUp().isPresent() ? 1 : 0);
            status.set(outcome.scenario().title() + " " + (outcome.cancelled() ? "stopped" : "done") + ": " + runs
                    + " run" + (runs == 1 ? "" : "s") + ", all in the history.");
            currentStep.set("");
        }
    }

    /** Stops the run in progress; no further run of the scenario starts. */
    public void stop() {
        if (running.get() && !stopRequested.get()) {
            stopRequested.set(true);
            stopping = true;
            DemoRunner r = runner.get();
            if (r != null) {
                r.cancel();
            }
        }
    }

    /** On exit: stops the scenario, waits (bounded) for it to record its run, then stops the demo's PostgreSQL. */
    public void cancelAndWait() {
        stopping = true;
        DemoRunner r = runner.get();
        if (r != null) {
            r.cancel();
        }
        Future<?> pending = job;
        try {
            if (pending != null) {
                pending.get(60, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            throw new IllegalStateException("the demo did not stop within 60 s", e);
        } finally {
            synchronized (this) {
                if (databases != null) {
                    databases.close();
                    databases = null;
                }
            }
        }
    }

    /** Hears the runner on its thread; everything shown goes through the FX thread. */
    private final class Listener implements DemoListener {
        private int total = 1;

        @Override
        public void progress(String line) {
            progressLine(line);
        }

        @Override
        public void planned(Scenario s, List<Step> all) {
            List<StepRow> rowsPlanned = new java.util.ArrayList<>();
            for (int i = 0; i < all.size(); i++) {
                rowsPlanned.add(StepRow.planned(all.get(i), i));
            }
            total = all.size();
            background.onFx(() -> steps.setAll(rowsPlanned));
        }

        @Override
        public void stepStarting(Step step, int index, int of) {
            String text = "Run " + (index + 1) + " of " + of + ": " + (index == 0 ? "warm-up, not counted"
                    : step.variant() + ", repeat " + step.repeat()) + " · " + step.spec().workers() + " worker"
                    + (step.spec().workers() == 1 ? "" : "s") + ", " + step.spec().poolMode().id() + ", "
                    + step.connectionsAllowed() + " connections allowed";
            background.onFx(() -> {
                progress.set((double) index / Math.max(1, of));
                currentStep.set(text);
                if (index < steps.size()) {
                    steps.set(index, steps.get(index).running());
                }
            });
        }

        @Override
        public List<RunListener> runListeners() {
            RunMonitor next = new RunMonitor();
            background.onFx(() -> monitor.set(next));
            return List.of(next.listener());
        }

        @Override
        public void started(Run run) {
            background.onFx(() -> {
                RunMonitor live = monitor.get();
                if (live != null) {
                    live.attach(run);
                }
            });
        }

        @Override
        public void stepEnded(MeasuredStep m) {
            background.onFx(() -> {
                for (int i = 0; i < steps.size(); i++) {
                    StepRow row = steps.get(i);
                    if (row.measured() == null && row.status().equals("running")) {
                        steps.set(i, row.ended(m));
                        break;
                    }
                }
                if (m.succeeded()) {
                    currentStep.set("run " + m.runId() + ": " + Units.rate(m.rowsPerSecond()) + ", p95 wait "
                            + Units.latency(m.p95WaitMs()) + ", " + m.connectionsOpened() + " connections opened");
                }
            });
        }
    }

    public ObjectProperty<Scenario> scenarioProperty() {
        return scenario;
    }

    public LongProperty rowsProperty() {
        return rows;
    }

    public LongProperty latencyMsProperty() {
        return latencyMs;
    }

    public IntegerProperty repeatsProperty() {
        return repeats;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty stopRequestedProperty() {
        return stopRequested;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty errorProperty() {
        return error;
    }

    /** 0–1, or −1 while the databases start and the rows are generated. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    /** The running step's live monitor (a new one per run). */
    public ObjectProperty<RunMonitor> monitorProperty() {
        return monitor;
    }

    /** What happens now, in one line: the server starting, rows being generated, run 3 of 7. */
    public StringProperty currentStepProperty() {
        return currentStep;
    }

    /** The last scenario as it ran, with its conclusion; null before the first. */
    public ObjectProperty<DemoResult> resultProperty() {
        return result;
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }
}
