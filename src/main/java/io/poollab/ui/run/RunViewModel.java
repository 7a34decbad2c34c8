package io.poollab.ui.run;

import io.poollab.config.ConfigException;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunResult;
import io.poollab.pool.Health;
import io.poollab.runner.LaunchedRun;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import io.poollab.ui.Workbench;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.stage.Window;

/**
 * The Run view's state: its {@link RunSetup}, the run in progress with its live changes, and the outcome. No nodes;
 * tests drive it without a window.
 */
public final class RunViewModel {

    private final Workbench workbench;
    private final Background background;
    private final RunSetup setup;
    private final BooleanProperty starting = new SimpleBooleanProperty();
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty stopRequested = new SimpleBooleanProperty();
    private final ObjectProperty<RunMonitor> monitor = new SimpleObjectProperty<>();
    private final StringProperty activeRun = new SimpleStringProperty("");
    private final ObjectProperty<Health> health = new SimpleObjectProperty<>();
    private final StringProperty healthReason = new SimpleStringProperty("");
    private final IntegerProperty liveWorkers = new SimpleIntegerProperty(2);
    private final IntegerProperty liveSourceMax = new SimpleIntegerProperty(2);
    private final IntegerProperty liveTargetMax = new SimpleIntegerProperty(2);
    private final StringProperty liveError = new SimpleStringProperty();
    private final ObjectProperty<RunResult> result = new SimpleObjectProperty<>();
    private final StringProperty historyWarning = new SimpleStringProperty();
    private final LongProperty lastFinishedRun = new SimpleLongProperty();
    private final BooleanProperty sweepRunning = new SimpleBooleanProperty();
    private final BooleanProperty demoRunning = new SimpleBooleanProperty();
    private final MetricsEndpointModel metricsEndpoint;
    private LaunchedRun launched;

    public RunViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.background = workbench.background();
        this.setup = new RunSetup(workbench);
        this.metricsEndpoint = new MetricsEndpointModel(background);
    }

    /** The live metrics toggle: it serves whichever run this view started last. */
    public MetricsEndpointModel metricsEndpoint() {
        return metricsEndpoint;
    }

    /** Profiles, tables and settings of the next run. */
    public RunSetup setup() {
        return setup;
    }

    /** Starts a run from the form: validation first, then planning and the copy off the FX thread. */
    public void start(Window owner) {
        if (starting.get() || running.get()) {
            return;
        }
        if (sweepRunning.get()) {
            setup.setupErrorProperty().set("Not started: a sweep is running (Sweep page); stop it or let it end "
                    + "first, so that the two do not measure each other.");
            return;
        }
        if (demoRunning.get()) {
            setup.setupErrorProperty().set("Not started: a demo is running (Demo page); stop it or let it end "
                    + "first, so that the two do not measure each other.");
            return;
        }
        Optional<String> sourcePassword;
        Optional<String> targetPassword;
        try {
            sourcePassword = setup.password(setup.sourceProperty().get(), owner);
            targetPassword = setup.password(setup.targetProperty().get(), owner);
        } catch (RunSetup.PromptCancelled e) {
            setup.setupErrorProperty().set("Not started: no password was given for " + e.getMessage() + ".");
            return;
        }
        Optional<RunSpec> spec = setup.buildSpec(sourcePassword, targetPassword);
        if (spec.isEmpty()) {
            return;
        }
        RunMonitor next = new RunMonitor();
        starting.set(true);
        result.set(null);
        historyWarning.set(null);
        stopRequested.set(false);
        background.run(() -> workbench.launcher().start(spec.get(),
                List.of(next.feed(), metricsEndpoint.metrics()), e -> e), run -> {
            launched = run;
            next.attach(run.run());
            monitor.set(next);
            starting.set(false);
            running.set(true);
            liveWorkers.set(spec.get().workers());
            liveSourceMax.set(spec.get().sourcePool().maximumPoolSize());
            liveTargetMax.set(spec.get().targetPool().maximumPoolSize());
            activeRun.set(describe(run.runId(), spec.get()));
            health.bind(next.healthProperty());
            healthReason.bind(next.healthReasonProperty());
            awaitEnd(run, next);
        }, e -> {
            starting.set(false);
            setup.forgetPasswords();
            setup.setupErrorProperty().set(Errors.oneLine(e));
        });
    }

    /**
     * The form's setup as a validated spec, for a sweep to vary; passwords are asked for as a run would ask. Empty,
     * with the reason given to {@code error}, when the form is incomplete or refused.
     */
    public Optional<RunSpec> specForSweep(Window owner, Consumer<String> error) {
        Optional<RunSpec> spec;
        try {
            Optional<String> sourcePassword = setup.password(setup.sourceProperty().get(), owner);
            Optional<String> targetPassword = setup.password(setup.targetProperty().get(), owner);
            spec = setup.buildSpec(sourcePassword, targetPassword);
        } catch (RunSetup.PromptCancelled e) {
            error.accept("Not started: no password was given for " + e.getMessage() + ".");
            return Optional.empty();
        }
        if (spec.isEmpty()) {
            error.accept("The Run page's setup is refused: " + setup.setupErrorProperty().get());
        }
        return spec;
    }

    /** After a sweep failed to start: a typed password may be what failed, so the next attempt asks again. */
    public void forgetPasswords() {
        setup.forgetPasswords();
    }

    /** True while a sweep uses the engine: a run would compete with its cells, so none starts. */
    public BooleanProperty sweepRunningProperty() {
        return sweepRunning;
    }

    /** True while a demo uses the engine: as for a sweep, no run starts beside it. */
    public BooleanProperty demoRunningProperty() {
        return demoRunning;
    }

    private void awaitEnd(LaunchedRun run, RunMonitor live) {
        background.run(run::await, finished -> {
            live.pump();
            running.set(false);
            launched = null;
            result.set(finished.result());
            historyWarning.set(finished.historyWarning().orElse(null));
            health.unbind();
            healthReason.unbind();
            health.set(finished.result().health());
            healthReason.set(live.healthReasonProperty().get());
            activeRun.set("");
            lastFinishedRun.set(run.runId());
        }, e -> {
            running.set(false);
            launched = null;
            health.unbind();
            healthReason.unbind();
            activeRun.set("");
            setup.setupErrorProperty().set("run " + run.runId() + " ended abnormally: " + Errors.oneLine(e));
        });
    }

    private static String describe(long runId, RunSpec spec) {
        String tableNames = spec.tables().size() == 1 ? spec.tables().get(0).source()
                : spec.tables().size() + " tables";
        String pool = spec.poolMode() == PoolMode.UNPOOLED ? "unpooled"
                : spec.poolMode().id() + " " + spec.sourcePool().maximumPoolSize() + "/"
                + spec.targetPool().maximumPoolSize();
        return "run " + runId + " · " + tableNames + " · " + spec.workers() + " workers · " + pool;
    }

    /** Asks the engine to stop: workers finish their current batch, committed partitions stay. */
    public void stop() {
        if (launched != null && !stopRequested.get()) {
            stopRequested.set(true);
            launched.run().cancel();
        }
    }

    /** Applies the live pool sizes and worker count; each change becomes an event and a marker on every chart. */
    public void applyLive() {
        liveError.set(null);
        if (launched == null) {
            return;
        }
        Run run = launched.run();
        try {
            if (run.workers() != liveWorkers.get()) {
                run.setWorkers(liveWorkers.get());
            }
            resizeIfChanged(run, Side.SOURCE, liveSourceMax.get());
            resizeIfChanged(run, Side.TARGET, liveTargetMax.get());
            RunSpec now = run.info().spec().withWorkers(run.workers()).withPools(run.poolSettings(Side.SOURCE),
                    run.poolSettings(Side.TARGET));
            activeRun.set(describe(run.id(), now));
        } catch (ConfigException e) {
            liveError.set(e.problems().get(0).oneLine());
        }
    }

    private void resizeIfChanged(Run run, Side side, int max) throws ConfigException {
        PoolSettings now = run.poolSettings(side);
        if (now.maximumPoolSize() != max && run.info().spec().poolMode() != PoolMode.UNPOOLED) {
            PoolSettings resized = now.resizedTo(max);
            run.resize(side, resized.maximumPoolSize(), resized.minimumIdle());
        }
    }

    /** The run in progress, if any: closing the window asks first. */
    public Optional<Long> activeRunId() {
        LaunchedRun run = launched;
        return run == null ? Optional.empty() : Optional.of(run.runId());
    }

    /** On exit: cancels a run still going and waits (bounded) for its history to be written. */
    public void cancelAndWait() {
        metricsEndpoint.close();
        LaunchedRun run = launched;
        if (run != null) {
            run.run().cancel();
            try {
                run.run().completion().get(30, TimeUnit.SECONDS);
                run.await();
            } catch (Exception e) {
                throw new IllegalStateException("run " + run.runId() + " did not stop within 30 s", e);
            }
        }
    }

    // ---- properties ----
    public BooleanProperty startingProperty() {
        return starting;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty stopRequestedProperty() {
        return stopRequested;
    }

    public BooleanBinding busyBinding() {
        return Bindings.or(starting, running);
    }

    /** Busy, or a sweep or a demo is running: the Start button's state. */
    public BooleanBinding cannotStartBinding() {
        return busyBinding().or(sweepRunning).or(demoRunning);
    }

    public ObjectProperty<RunMonitor> monitorProperty() {
        return monitor;
    }

    public StringProperty activeRunProperty() {
        return activeRun;
    }

    public ObjectProperty<Health> healthProperty() {
        return health;
    }

    public StringProperty healthReasonProperty() {
        return healthReason;
    }

    public IntegerProperty liveWorkersProperty() {
        return liveWorkers;
    }

    public IntegerProperty liveMaxProperty(Side side) {
        return side == Side.SOURCE ? liveSourceMax : liveTargetMax;
    }

    public StringProperty liveErrorProperty() {
        return liveError;
    }

    public ObjectProperty<RunResult> resultProperty() {
        return result;
    }

    public StringProperty historyWarningProperty() {
        return historyWarning;
    }

    public LongProperty lastFinishedRunProperty() {
        return lastFinishedRun;
    }

}
