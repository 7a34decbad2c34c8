package io.poollab.ui.connections;

import io.poollab.config.ConnectionForm;
import io.poollab.config.PasswordSource;
import io.poollab.config.Problem;
import io.poollab.config.ProfileStore;
import io.poollab.config.SavedProfile;
import io.poollab.config.SimulatedNetwork;
import io.poollab.db.ConnectionTester;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import io.poollab.ui.Workbench;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The connection editor's state: the saved profiles, the form of the selected one (kept in sync with its JDBC URL
 * both ways), the problems per field, and the outcome of Test connection. Saving never writes a password: the form
 * holds a typed password only for the test, in memory.
 */
public final class ConnectionsViewModel {

    /** How long Test connection waits for a server that does not answer. */
    static final Duration TEST_TIMEOUT = Duration.ofSeconds(10);

    private final Workbench workbench;
    private final Background background;
    private final ReadOnlyBooleanWrapper keyringAvailable = new ReadOnlyBooleanWrapper(false);
    private final ProfileStore store;
    private final ObservableList<SavedProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> listingProblems = FXCollections.observableArrayList();
    private final ObjectProperty<SavedProfile> selected = new SimpleObjectProperty<>();
    private final ProfileForm form = new ProfileForm();
    private final StringProperty testPassword = new SimpleStringProperty("");
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final ObjectProperty<ConnectionTester.Result> testResult = new SimpleObjectProperty<>();
    private final ObjectProperty<SimulatedNetwork> testedNetwork = new SimpleObjectProperty<>(SimulatedNetwork.NONE);
    private final List<Runnable> changeListeners = new ArrayList<>();

    public ConnectionsViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.background = workbench.background();
        this.store = workbench.profiles();
        form.noticeProperty().addListener((o, was, now) -> message.set(now));
        selected.addListener((o, was, now) -> {
            testResult.set(null);
            message.set(null);
            testPassword.set("");
            form.edit(now);
        });
    }

    public void profilesChanged(Runnable listener) {
        changeListeners.add(listener);
    }

    public void refresh() {
        background.run(store::list, listing -> {
            String keep = selected.get() == null ? null : selected.get().name();
            profiles.setAll(listing.profiles());
            listingProblems.setAll(listing.problems().stream().map(Problem::oneLine).toList());
            profiles.stream().filter(p -> p.name().equals(keep)).findFirst()
                    .or(() -> profiles.stream().findFirst()).ifPresent(selected::set);
        }, e -> message.set(Errors.oneLine(e)));
    }

    /** Starts a new, empty PostgreSQL profile in the form. */
    public void newProfile() {
        selected.set(null);
        form.edit(SavedProfile.of("", ConnectionForm.postgres("localhost", null, "postgres"), "postgres",
                PasswordSource.PROMPT));
    }

    /** Copies the selected profile (a built-in one too) into the form under a new name. */
    public void duplicate() {
        SavedProfile current = form.formProfile().orElse(selected.get());
        if (current != null) {
            selected.set(null);
            form.edit(current.withName(current.name() + " copy"));
        }
    }

    public void save() {
        Optional<SavedProfile> profile = form.formProfile();
        if (profile.isEmpty()) {
            message.set("Not saved: " + form.fieldProblems().entrySet().iterator().next().getKey() + " "
                    + form.fieldProblems().values().iterator().next());
            return;
        }
        SavedProfile previous = selected.get();
        background.run(() -> {
            if (previous != null && !previous.builtIn() && !previous.name().equals(profile.get().name())) {
                store.rename(previous.name(), profile.get().name());
            }
            SavedProfile saved = store.save(profile.get());
            return new Object[] {saved, store.list()};
        }, result -> {
            SavedProfile saved = (SavedProfile) result[0];
            profiles.setAll(((io.poollab.config.ProfileListing) result[1]).profiles());
            profiles.stream().filter(p -> p.name().equals(saved.name())).findFirst().ifPresent(selected::set);
            message.set("Saved " + saved.name() + " in " + store.folder() + " (no password is ever written).");
            changeListeners.forEach(Runnable::run);
        }, e -> message.set(Errors.oneLine(e)));
    }

    public void delete() {
        SavedProfile profile = selected.get();
        if (profile == null || profile.builtIn()) {
            return;
        }
        background.run(() -> {
            store.delete(profile.name());
            return store.list();
        }, listing -> {
            profiles.setAll(listing.profiles());
            selected.set(profiles.isEmpty() ? null : profiles.get(0));
            message.set("Deleted " + profile.name() + ".");
            changeListeners.forEach(Runnable::run);
        }, e -> message.set(Errors.oneLine(e)));
    }

    /** Opens one connection off the FX thread and reports version, limits, sessions, RTT and TLS, or why not. */
    public void test() {
        Optional<SavedProfile> profile = form.formProfile();
        if (profile.isEmpty()) {
            message.set("Cannot test: " + form.fieldProblems().keySet().iterator().next() + " "
                    + form.fieldProblems().values().iterator().next());
            return;
        }
        String typed = testPassword.get();
        testedNetwork.set(profile.get().network());
        testing.set(true);
        testResult.set(null);
        message.set(null);
        background.run(() -> new ConnectionTester().test(profile.get().toConnectionProfile(
                typed == null || typed.isEmpty() ? Optional.empty() : Optional.of(typed)),
                workbench.environment(), TEST_TIMEOUT), result -> {
                    testing.set(false);
                    testResult.set(result);
                }, e -> {
                    testing.set(false);
                    message.set(Errors.oneLine(e));
                });
    }

    /**
     * Whether the OS keyring can hold passwords here: false until {@link #probeKeyring()} has answered. The probe
     * talks to D-Bus on Linux and may take seconds, so it never runs on the FX thread.
     */
    public ReadOnlyBooleanProperty keyringAvailableProperty() {
        return keyringAvailable.getReadOnlyProperty();
    }

    public void probeKeyring() {
        background.run(ProfileStore::keyringAvailable, keyringAvailable::set, e -> message.set(Errors.oneLine(e)));
    }

    // ---- properties ----

    /** The fields of the profile being edited. */
    public ProfileForm form() {
        return form;
    }

    /** A password typed for Test connection only; never saved. */
    public StringProperty testPasswordProperty() {
        return testPassword;
    }
    public ObservableList<SavedProfile> profiles() {
        return profiles;
    }

    public ObservableList<String> listingProblems() {
        return listingProblems;
    }

    public ObjectProperty<SavedProfile> selectedProperty() {
        return selected;
    }

    /** {@code prompt}, {@code env}, {@code pgpass}, {@code none} or {@code keyring}. */
    /** Advanced driver properties, one {@code key=value} per line. */
    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    public ObjectProperty<ConnectionTester.Result> testResultProperty() {
        return testResult;
    }

    /** The simulated network of the profile last tested, for reading its round trip. */
    public ObjectProperty<SimulatedNetwork> testedNetworkProperty() {
        return testedNetwork;
    }

}
