package io.poollab.ui.sweep;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Knee;
import io.poollab.analysis.SweepAnalysis;
import io.poollab.config.ConfigException;
import io.poollab.config.LoadedConfig;
import io.poollab.config.Overrides;
import io.poollab.config.PoolMode;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigLoader;
import io.poollab.config.RunSpec;
import io.poollab.history.SweepRecord;
import io.poollab.migrate.Run;
import io.poollab.migrate.RunListener;
import io.poollab.runner.SweepCells;
import io.poollab.runner.SweepRunner;
import io.poollab.text.Units;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import io.poollab.ui.Workbench;
import io.poollab.ui.run.RunMonitor;
import io.poollab.ui.run.RunViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * The Sweep view's state: the same inputs as {@code poollab sweep}, the sweep as it runs (progress, ETA, the current
 * cell's live monitor) and as the history has it (cells, knee, advice), re-read after every cell, so the screen shows
 * what the CLI and the report would.
 */
public final class SweepViewModel {

    /** Where the cells' connections, tables and other settings come from. */
    public enum Base {
        /** The Run page's form, as a run would start from it. */
        RUN_SETUP,
        /** A run config file, as {@code poollab sweep --config} reads it. */
        CONFIG_FILE
    }

    private final Workbench workbench;
    private final Background background;
    private final RunViewModel runModel;
    private final ObjectProperty<Base> base = new SimpleObjectProperty<>(Base.RUN_SETUP);
    private final StringProperty configFile = new SimpleStringProperty("");
    private final StringProperty workers = new SimpleStringProperty("1,2,4");
    private final StringProperty poolSizes = new SimpleStringProperty("1,2,4,8");
    /** Null: the base's own mode. */
    private final ObjectProperty<PoolMode> poolMode = new SimpleObjectProperty<>();
    private final IntegerProperty repeat = new SimpleIntegerProperty(1);
    private final DoubleProperty tolerancePercent = new SimpleDoubleProperty(Knee.DEFAULT_TOLERANCE * 100);
    private final IntegerProperty instances = new SimpleIntegerProperty(1);
    private final IntegerProperty reserved = new SimpleIntegerProperty(3);
    private final StringProperty label = new SimpleStringProperty("");

    private final StringProperty error = new SimpleStringProperty();
    private final StringProperty status = new SimpleStringProperty("No sweep yet: set the grid and start one, or "
            + "open an earlier sweep.");
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty running = new SimpleBooleanProperty();
    private final BooleanProperty stopRequested = new SimpleBooleanProperty();
    private final ObjectProperty<RunMonitor> monitor = new SimpleObjectProperty<>();
    private final ObjectProperty<SweepAnalysis> analysis = new SimpleObjectProperty<>();
    private final ObservableList<SweepRows.Row> rows = FXCollections.observableArrayList();
    private final ObservableList<SweepRecord> sweeps = FXCollections.observableArrayList();
    private final AtomicReference<Run> current = new AtomicReference<>();
    private SweepRunner.Planned runningCell;
    private java.util.concurrent.Future<?> job;
    // Read by the runner's thread when a cell's run starts: Stop pressed between two cells still stops.
    private volatile boolean stopping;

    public SweepViewModel(Workbench workbench, RunViewModel runModel) {
        this.workbench = workbench;
        this.background = workbench.background();
        this.runModel = runModel;
    }

    /** Builds every cell (refusing a bad one before anything runs), then runs them all off the FX thread. */
    public void start(Window owner) {
        if (running.get()) {
            return;
        }
        error.set(null);
        if (runModel.startingProperty().get() || runModel.runningProperty().get()) {
            error.set("Not started: a run is going on the Run page; a sweep next to it would measure both.");
            return;
        }
        if (runModel.demoRunningProperty().get()) {
            error.set("Not started: a demo is running (Demo page); a sweep next to it would measure both.");
            return;
        }
        SweepRunner.Grid grid;
        SweepRunner.CellSpecs cells;
        try {
            grid = new SweepRunner.Grid(IntList.parse("Workers", workers.get()),
                    IntList.parse("Pool sizes", poolSizes.get()), repeat.get(), tolerancePercent.get() / 100);
            if (tolerancePercent.get() < 0 || tolerancePercent.get() >= 100) {
                throw new ConfigException(Problem.error("", "Tolerance", tolerancePercent.get()
                        + " is not a percent from 0 to under 100"));
            }
            cells = cellSpecs(owner);
        } catch (ConfigException e) {
            error.set(Errors.oneLine(e));
            return;
        }
        if (cells == null) {
            return;
        }
        running.set(true);
        stopRequested.set(false);
        stopping = false;
        runModel.sweepRunningProperty().set(true);
        analysis.set(null);
        rows.clear();
        progress.set(-1);
        status.set("Checking every cell's settings…");
        String sweepLabel = label.get() == null || label.get().isBlank() ? null : label.get().strip();
        job = background.run(() -> runAll(sweepLabel, grid, cells), this::ended, e -> {
            ended(null);
            status.set("Not started.");
            runModel.forgetPasswords();
            error.set(Errors.oneLine(e));
        });
    }

    /** The cell factory of the chosen base; null when the Run page's setup was refused (the reason is shown). */
    private SweepRunner.CellSpecs cellSpecs(Window owner) throws ConfigException {
        PoolMode mode = poolMode.get();
        String sweepLabel = label.get() == null || label.get().isBlank() ? null : label.get().strip();
        if (base.get() == Base.RUN_SETUP) {
            Optional<RunSpec> spec = runModel.specForSweep(owner, error::set);
            return spec.map(s -> SweepCells.fromSpec(s, mode, sweepLabel)).orElse(null);
        }
        String file = configFile.get() == null ? "" : configFile.get().strip();
        if (file.isEmpty()) {
            throw new ConfigException(Problem.error("", "Config file", "choose a run config (YAML) to sweep"));
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new ConfigException(Problem.error("", "Config file", file + ": no such file"));
        }
        return (w, p) -> {
            LoadedConfig loaded = RunConfigLoader.load(path, new Overrides(w, p, mode,
                    (sweepLabel == null ? "" : sweepLabel + ", ") + SweepCells.position(w, p)),
                    workbench.environment(), workbench.home());
            try {
                return SweepCells.resettingTarget(loaded.spec());
            } catch (ConfigException e) {
                throw new ConfigException(loaded.located(e.problems()));
            }
        };
    }

    /** Off the FX thread: plan, estimate, run; every step reported to the FX thread. */
    private SweepRunner.Outcome runAll(String sweepLabel, SweepRunner.Grid grid, SweepRunner.CellSpecs cells)
            throws Exception {
        List<SweepRunner.Planned> plan = SweepRunner.plan(grid, cells);
        SweepRunner runner = new SweepRunner(workbench.launcher(), workbench.history());
        Optional<SweepRunner.Estimate> estimate = runner.estimate(plan);
        background.onFx(() -> status.set(plan.size() + " runs; " + estimate.map(e -> "estimate "
                + Units.duration(e.totalSeconds()) + " (" + Units.duration(e.secondsPerCell()) + " a run, the mean of "
                + e.basedOn() + " earlier run" + (e.basedOn() == 1 ? "" : "s") + " of these tables)")
                .orElse("no estimate yet (no earlier run of these tables): the ETA follows the first cell")));
        return runner.run(sweepLabel, grid, plan, new Listener(estimate), e -> e);
    }

    private void ended(SweepRunner.Outcome outcome) {
        running.set(false);
        runModel.sweepRunningProperty().set(false);
        runningCell = null;
        current.set(null);
        progress.set(outcome == null ? 0 : 1);
        if (outcome != null) {
            long done = outcome.cells().stream().filter(c -> c.result() != null).count();
            status.set("Sweep " + outcome.sweepId() + " ended: " + done + " of " + outcome.cells().size() + " runs"
                    + (outcome.stopReason() == null ? "" : "; " + outcome.stopReason()));
            reload(outcome.sweepId());
        }
        refreshSweeps();
    }

    /** Asks the current cell's run to stop; the cells after it are then skipped, and say so. */
    public void stop() {
        Run run = current.get();
        if (running.get() && !stopRequested.get()) {
            stopRequested.set(true);
            stopping = true;
            if (run != null) {
                run.cancel();
            }
        }
    }

    /** Shows a stored sweep: its cells, charts and advice, as the history has them. */
    public void show(long sweepId) {
        if (!running.get()) {
            reload(sweepId);
        }
    }

    private void reload(long sweepId) {
        Advisor.Fleet used = new Advisor.Fleet(instances.get(), reserved.get(), 1);
        background.run(() -> SweepAnalysis.load(workbench.history(), sweepId, used), loaded -> {
            loaded.ifPresent(a -> {
                analysis.set(a);
                rows.setAll(SweepRows.of(a, running.get(), runningCell));
            });
        }, e -> error.set(Errors.oneLine(e)));
    }

    /** The stored sweeps, newest first, for the picker. */
    public void refreshSweeps() {
        background.run(() -> workbench.history().sweeps(50), sweeps::setAll, e -> error.set(Errors.oneLine(e)));
    }

    /** On exit: stops the current cell and waits (bounded) for the sweep to record it and end. */
    public void cancelAndWait() {
        stopping = true;
        Run run = current.get();
        if (run != null) {
            run.cancel();
        }
        java.util.concurrent.Future<?> running = job;
        if (running != null) {
            try {
                running.get(60, java.util.concurrent.TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("the sweep did not stop within 60 s", e);
            }
        }
    }

    /** Hears the runner on its thread; posts everything to the FX thread. */
    private final class Listener implements SweepRunner.Listener {
        private final Optional<SweepRunner.Estimate> estimate;
        private long sweepId;

        Listener(Optional<SweepRunner.Estimate> estimate) {
            this.estimate = estimate;
        }

        @Override
        public void sweepCreated(long id) {
            sweepId = id;
            background.onFx(() -> reload(id));
        }

        @Override
        public void cellStarting(SweepRunner.Planned cell, int index, int total, Double etaSeconds) {
            Double eta = etaSeconds != null ? etaSeconds
                    : estimate.map(SweepRunner.Estimate::totalSeconds).orElse(null);
            String text = "Cell " + (index + 1) + " of " + total + ": " + SweepCells.position(cell.workers(),
                    cell.poolSize()) + " (" + cell.connections() + " connections)"
                    + (cell.repeat() > 1 ? ", repeat " + cell.repeat() : "")
                    + (eta == null ? "" : " · sweep ETA " + Units.duration(eta)
                    + (etaSeconds == null ? " (estimate)" : ""));
            background.onFx(() -> {
                runningCell = cell;
                progress.set((double) index / total);
                status.set(text);
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
            current.set(run);
            if (stopping) {
                run.cancel();
            }
            background.onFx(() -> {
                RunMonitor live = monitor.get();
                if (live != null) {
                    live.attach(run);
                }
                reload(sweepId);
            });
        }

        @Override
        public void cellEnded(SweepRunner.Cell cell) {
            current.set(null);
            background.onFx(() -> reload(sweepId));
        }
    }

    public ObjectProperty<Base> baseProperty() {
        return base;
    }

    public StringProperty configFileProperty() {
        return configFile;
    }

    public StringProperty workersProperty() {
        return workers;
    }

    public StringProperty poolSizesProperty() {
        return poolSizes;
    }

    public ObjectProperty<PoolMode> poolModeProperty() {
        return poolMode;
    }

    public IntegerProperty repeatProperty() {
        return repeat;
    }

    public DoubleProperty tolerancePercentProperty() {
        return tolerancePercent;
    }

    public IntegerProperty instancesProperty() {
        return instances;
    }

    public IntegerProperty reservedProperty() {
        return reserved;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty errorProperty() {
        return error;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** 0–1, or −1 while the cells are being checked. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public BooleanProperty stopRequestedProperty() {
        return stopRequested;
    }

    /** The current cell's live monitor (a new one per cell). */
    public ObjectProperty<RunMonitor> monitorProperty() {
        return monitor;
    }

    /** The sweep shown, as the history has it; null before the first. */
    public ObjectProperty<SweepAnalysis> analysisProperty() {
        return analysis;
    }

    public ObservableList<SweepRows.Row> rows() {
        return rows;
    }

    public ObservableList<SweepRecord> sweeps() {
        return sweeps;
    }
}
