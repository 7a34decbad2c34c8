package io.poollab.ui.run;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.PasswordSource;
import io.poollab.config.PoolMode;
import io.poollab.config.PoolSettings;
import io.poollab.config.Problem;
import io.poollab.config.RunConfigWriter;
import io.poollab.config.RunSpec;
import io.poollab.config.RunSpecValidator;
import io.poollab.config.SavedProfile;
import io.poollab.config.Side;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.config.VerifyMode;
import io.poollab.migrate.CatalogTable;
import io.poollab.migrate.Engine;
import io.poollab.migrate.Run;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import io.poollab.ui.Workbench;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.stage.Window;

/**
 * The Run view's setup: profiles, the source's tables, target mode, workers, pool mode and each side's HikariCP
 * settings, and the prompt for passwords that are asked for. {@link #buildSpec} turns it into a validated run.
 */
public final class RunSetup {

    /** Asks for a password of a profile whose source is {@code prompt}; empty when the user cancelled. */
    public interface PasswordPrompt {
        Optional<String> ask(SavedProfile profile, Window owner);
    }

    private final Workbench workbench;
    private final Background background;
    private final ObservableList<SavedProfile> profiles = FXCollections.observableArrayList();
    private final ObjectProperty<SavedProfile> source = new SimpleObjectProperty<>();
    private final ObjectProperty<SavedProfile> target = new SimpleObjectProperty<>();
    private final ObservableList<TableChoice> tables = FXCollections.observableArrayList();
    private final StringProperty catalogStatus = new SimpleStringProperty("Pick a source profile.");
    private final BooleanProperty catalogBusy = new SimpleBooleanProperty();
    private final ObjectProperty<TargetMode> targetMode = new SimpleObjectProperty<>(TargetMode.CREATE);
    private final IntegerProperty workers = new SimpleIntegerProperty(2);
    private final ObjectProperty<PoolMode> poolMode = new SimpleObjectProperty<>(PoolMode.SHARED);
    private final ObjectProperty<HoldConnections> hold = new SimpleObjectProperty<>(HoldConnections.PER_PARTITION);
    private final ObjectProperty<VerifyMode> verify = new SimpleObjectProperty<>(VerifyMode.CHECKSUM);
    private final IntegerProperty batchRows = new SimpleIntegerProperty(10_000);
    private final IntegerProperty partitions = new SimpleIntegerProperty(0);
    private final StringProperty label = new SimpleStringProperty("");
    private final Map<Side, PoolForm> pools = new EnumMap<>(Side.class);
    private final StringProperty setupError = new SimpleStringProperty();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    // Typed at a prompt, held in memory for the session, never written.
    private final Map<String, String> typedPasswords = new HashMap<>();
    private PasswordPrompt prompt = (p, owner) -> Optional.empty();
    private long catalogGeneration;
    private SavedProfile catalogLoading;
    private long loadingGeneration;
    private boolean refreshing;

    RunSetup(Workbench workbench) {
        this.workbench = workbench;
        this.background = workbench.background();
        pools.put(Side.SOURCE, new PoolForm(Side.SOURCE, PoolSettings.defaultsFor(2)));
        pools.put(Side.TARGET, new PoolForm(Side.TARGET, PoolSettings.defaultsFor(2)));
        source.addListener((o, was, now) -> {
            if (!refreshing) {
                loadCatalog();
                remember("run.source", now);
            }
        });
        target.addListener((o, was, now) -> {
            if (refreshing && now == null) {
                return;
            }
            remember("run.target", now);
            if (now != null && now.builtIn()) {
                // The demo target is PoolLab's own scratch database: replace the table, so the demo repeats.
                targetMode.set(TargetMode.RECREATE);
            }
        });
    }

    private void remember(String key, SavedProfile profile) {
        workbench.prefs().set(key, profile == null ? null : profile.name());
        background.run(workbench.prefs()::save);
    }

    /** Reads the saved profiles again (after the editor changed them), keeping the chosen ones by name. */
    public void refreshProfiles() {
        background.run(() -> workbench.profiles().list().profiles(), listing -> {
            SavedProfile sourceBefore = source.get();
            String sourceName = name(sourceBefore, "run.source");
            String targetName = name(target.get(), "run.target");
            // Replacing the items clears the combo boxes for a moment; that is not the user picking nothing.
            refreshing = true;
            try {
                profiles.setAll(listing);
                source.set(byName(sourceName).orElse(profiles.isEmpty() ? null : profiles.get(0)));
                target.set(byName(targetName).orElse(profiles.size() > 1 ? profiles.get(1) : null));
            } finally {
                refreshing = false;
            }
            if (!java.util.Objects.equals(sourceBefore, source.get()) || tables.isEmpty() && catalogLoading == null) {
                loadCatalog();
            }
        }, e -> setupError.set(Errors.oneLine(e)));
    }

    private String name(SavedProfile current, String pref) {
        return current != null ? current.name() : workbench.prefs().get(pref).orElse(null);
    }

    private Optional<SavedProfile> byName(String name) {
        return profiles.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    /**
     * Lists the source's tables with their estimates and keys (this also creates the demo data the first time).
     * A load in flight is never interrupted (an interrupted H2 closes its file); a newer load makes its answer stale.
     */
    public void loadCatalog() {
        SavedProfile profile = source.get();
        long generation = ++catalogGeneration;
        tables.clear();
        if (profile == null) {
            catalogBusy.set(false);
            catalogStatus.set("Pick a source profile.");
            return;
        }
        if (profile.equals(catalogLoading)) {
            // The load in flight answers this request too: seeding the same database twice would race.
            catalogGeneration = loadingGeneration;
            catalogBusy.set(true);
            catalogStatus.set("Reading the tables of " + profile.name() + "…");
            return;
        }
        Optional<String> password;
        try {
            password = password(profile, null);
        } catch (PromptCancelled e) {
            catalogStatus.set("No password given for " + profile.name() + ": tables not listed. Reload to try again.");
            return;
        }
        catalogBusy.set(true);
        catalogLoading = profile;
        loadingGeneration = generation;
        catalogStatus.set("Reading the tables of " + profile.name() + (profile.seed() == null ? "…"
                : " (the first time, this creates its " + io.poollab.text.Units.count(profile.seed().rows())
                + " sample rows)…"));
        background.run(() -> {
            ConnectionProfile connection = profile.toConnectionProfile(password);
            return new Engine(workbench.environment()).catalog(connection);
        }, list -> {
            catalogLoading = null;
            if (generation != catalogGeneration) {
                return;
            }
            catalogBusy.set(false);
            tables.setAll(list.stream().map(t -> new TableChoice(t, list.size() == 1)).toList());
            catalogStatus.set(list.isEmpty() ? "No tables in " + profile.name() + "."
                    : list.size() + " table" + (list.size() == 1 ? "" : "s") + " in " + profile.name()
                    + "; row counts are the catalog's estimates.");
        }, e -> {
            catalogLoading = null;
            typedPasswords.remove(profile.name());
            if (generation == catalogGeneration) {
                catalogBusy.set(false);
                catalogStatus.set(Errors.oneLine(e));
            }
        });
    }

    /**
     * Builds the run from the form, or explains in {@link #setupErrorProperty} and the fields' own errors what is
     * wrong. Nothing is started and nothing is written.
     */
    Optional<RunSpec> buildSpec(Optional<String> sourcePassword, Optional<String> targetPassword) {
        setupError.set(null);
        warnings.clear();
        Optional<PoolSettings> sourcePool = pools.get(Side.SOURCE).read();
        Optional<PoolSettings> targetPool = pools.get(Side.TARGET).read();
        if (source.get() == null || target.get() == null) {
            setupError.set("Pick a source and a target profile (Connections defines them).");
            return Optional.empty();
        }
        List<TableSpec> chosen = tables.stream().filter(t -> t.selectedProperty().get())
                .map(t -> new TableSpec(t.table().name(), null, null, targetMode.get())).toList();
        if (chosen.isEmpty()) {
            setupError.set("Tick at least one source table.");
            return Optional.empty();
        }
        if (sourcePool.isEmpty() || targetPool.isEmpty()) {
            setupError.set("Some pool settings are refused: see the fields marked in red.");
            return Optional.empty();
        }
        RunSpec spec;
        try {
            spec = new RunSpec(label.get() == null || label.get().isBlank() ? null : label.get().strip(),
                    source.get().toConnectionProfile(sourcePassword), target.get().toConnectionProfile(targetPassword),
                    chosen, workers.get(),
                    partitions.get() == 0 ? OptionalInt.empty() : OptionalInt.of(partitions.get()), batchRows.get(), hold.get(), poolMode.get(),
                    sourcePool.get(), targetPool.get(), 250, verify.get(), CopyFormat.BINARY, io.poollab.config.RetrySettings.DEFAULT, "");
        } catch (ConfigException e) {
            setupError.set(e.problems().get(0).oneLine());
            return Optional.empty();
        }
        List<Problem> problems = RunSpecValidator.validate(spec);
        Optional<Problem> error = problems.stream().filter(Problem::isError).findFirst();
        if (error.isPresent()) {
            setupError.set(error.get().oneLine());
            return Optional.empty();
        }
        problems.stream().filter(p -> !p.isError()).map(Problem::oneLine).forEach(warnings::add);
        return Optional.of(spec.withConfigText(RunConfigWriter.toYaml(spec)));
    }

    /**
     * The password typed at the prompt, or empty when the profile needs none from the user. A typed password is
     * kept in memory for the session (never written), so the catalog and the run ask once; a failure forgets it.
     */
    Optional<String> password(SavedProfile profile, Window owner) throws PromptCancelled {
        if (profile == null || !(profile.password() instanceof PasswordSource.Prompt)) {
            return Optional.empty();
        }
        String known = typedPasswords.get(profile.name());
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> typed = prompt.ask(profile, owner);
        if (typed.isEmpty()) {
            throw new PromptCancelled(profile.name());
        }
        typedPasswords.put(profile.name(), typed.get());
        return typed;
    }

    /** The user closed a password prompt: the run does not start. */
    static final class PromptCancelled extends Exception {
        private static final long serialVersionUID = 1L;

        PromptCancelled(String profile) {
            super(profile, null, false, false);
        }
    }

    /** After a failed start: a typed password may be what failed, so the next attempt asks again. */
    void forgetPasswords() {
        if (source.get() != null) {
            typedPasswords.remove(source.get().name());
        }
        if (target.get() != null) {
            typedPasswords.remove(target.get().name());
        }
    }

    public void setPasswordPrompt(PasswordPrompt passwordPrompt) {
        this.prompt = passwordPrompt;
    }

    // ---- properties ----
    public ObservableList<SavedProfile> profiles() {
        return profiles;
    }

    public ObjectProperty<SavedProfile> sourceProperty() {
        return source;
    }

    public ObjectProperty<SavedProfile> targetProperty() {
        return target;
    }

    public ObservableList<TableChoice> tables() {
        return tables;
    }

    public StringProperty catalogStatusProperty() {
        return catalogStatus;
    }

    public BooleanProperty catalogBusyProperty() {
        return catalogBusy;
    }

    public ObjectProperty<TargetMode> targetModeProperty() {
        return targetMode;
    }

    public IntegerProperty workersProperty() {
        return workers;
    }

    public ObjectProperty<PoolMode> poolModeProperty() {
        return poolMode;
    }

    public ObjectProperty<HoldConnections> holdProperty() {
        return hold;
    }

    public ObjectProperty<VerifyMode> verifyProperty() {
        return verify;
    }

    public IntegerProperty batchRowsProperty() {
        return batchRows;
    }

    /** Partitions per table; 0 for automatic sizing. */
    public IntegerProperty partitionsProperty() {
        return partitions;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public PoolForm pool(Side side) {
        return pools.get(side);
    }

    public StringProperty setupErrorProperty() {
        return setupError;
    }

    public ObservableList<String> warnings() {
        return warnings;
    }

    /** Ticks the named tables (for tests and for a config opened from a file). */
    public void select(List<String> tableNames) {
        tables.forEach(t -> t.selectedProperty().set(tableNames.contains(t.table().name())));
    }

    List<CatalogTable> catalog() {
        return new ArrayList<>(tables.stream().map(TableChoice::table).toList());
    }

}
