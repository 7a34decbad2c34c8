package io.poollab.ui.connections;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectionForm;
import io.poollab.config.DbKind;
import io.poollab.config.JdbcUrls;
import io.poollab.config.ParsedUrl;
import io.poollab.config.PasswordSource;
import io.poollab.config.Problem;
import io.poollab.config.ProfileStore;
import io.poollab.config.SavedProfile;
import io.poollab.db.ConnectionTester;
import io.poollab.ui.Background;
import io.poollab.ui.Workbench;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

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
    private final ProfileStore store;
    private final ObservableList<SavedProfile> profiles = FXCollections.observableArrayList();
    private final ObservableList<String> listingProblems = FXCollections.observableArrayList();
    private final ObjectProperty<SavedProfile> selected = new SimpleObjectProperty<>();
    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<DbKind> dialect = new SimpleObjectProperty<>(DbKind.POSTGRESQL);
    private final StringProperty host = new SimpleStringProperty("");
    private final StringProperty port = new SimpleStringProperty("");
    private final StringProperty database = new SimpleStringProperty("");
    private final StringProperty user = new SimpleStringProperty("");
    private final ObjectProperty<String> passwordSource = new SimpleObjectProperty<>("prompt");
    private final StringProperty envVar = new SimpleStringProperty("");
    private final StringProperty keyringService = new SimpleStringProperty("poollab");
    private final StringProperty keyringAccount = new SimpleStringProperty("");
    private final StringProperty testPassword = new SimpleStringProperty("");
    private final ObjectProperty<String> sslmode = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> encrypt = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> trustServerCertificate = new SimpleObjectProperty<>();
    private final StringProperty driverProperties = new SimpleStringProperty("");
    private final StringProperty jdbcUrl = new SimpleStringProperty("");
    private final BooleanProperty rawUrl = new SimpleBooleanProperty();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObservableMap<String, String> fieldProblems = FXCollections.observableHashMap();
    private final StringProperty message = new SimpleStringProperty();
    private final BooleanProperty testing = new SimpleBooleanProperty();
    private final ObjectProperty<ConnectionTester.Result> testResult = new SimpleObjectProperty<>();
    private final List<Runnable> changeListeners = new ArrayList<>();
    private boolean syncing;

    public ConnectionsViewModel(Workbench workbench) {
        this.workbench = workbench;
        this.background = workbench.background();
        this.store = workbench.profiles();
        for (var field : List.of(host, port, database, driverProperties)) {
            field.addListener((o, was, now) -> formChanged());
        }
        dialect.addListener((o, was, now) -> {
            if (!syncing && now != null && was != null && now != was) {
                // A port that was the old dialect's default is not what the user meant for the new one.
                if (port.get().equals(String.valueOf(was.defaultPort()))) {
                    port.set("");
                }
                sslmode.set(null);
                encrypt.set(null);
                trustServerCertificate.set(null);
            }
            formChanged();
        });
        sslmode.addListener((o, was, now) -> formChanged());
        encrypt.addListener((o, was, now) -> formChanged());
        trustServerCertificate.addListener((o, was, now) -> formChanged());
        jdbcUrl.addListener((o, was, now) -> urlChanged(now));
        for (var field : List.of(name, user, envVar, keyringService, keyringAccount)) {
            field.addListener((o, was, now) -> validate());
        }
        passwordSource.addListener((o, was, now) -> validate());
        selected.addListener((o, was, now) -> edit(now));
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
        }, e -> message.set(oneLine(e)));
    }

    /** Starts a new, empty PostgreSQL profile in the form. */
    public void newProfile() {
        selected.set(null);
        edit(SavedProfile.of("", ConnectionForm.postgres("localhost", null, "postgres"), "postgres",
                PasswordSource.PROMPT));
    }

    /** Copies the selected profile (a built-in one too) into the form under a new name. */
    public void duplicate() {
        SavedProfile current = formProfile().orElse(selected.get());
        if (current != null) {
            selected.set(null);
            edit(current.withName(current.name() + " copy"));
        }
    }

    private void edit(SavedProfile profile) {
        testResult.set(null);
        message.set(null);
        testPassword.set("");
        if (profile == null) {
            return;
        }
        syncing = true;
        try {
            name.set(profile.name());
            user.set(profile.username() == null ? "" : profile.username());
            PasswordSource source = profile.password();
            passwordSource.set(source.id());
            envVar.set(source instanceof PasswordSource.Env env ? env.variable() : "");
            if (source instanceof PasswordSource.Keyring k) {
                keyringService.set(k.service());
                keyringAccount.set(k.account());
            }
            driverProperties.set(PropertiesText.format(profile.properties()));
            readOnly.set(profile.builtIn());
            if (profile.form() != null) {
                showForm(profile.form());
                rawUrl.set(false);
                jdbcUrl.set(buildOrEmpty(profile.form()));
            } else {
                rawUrl.set(true);
                jdbcUrl.set(profile.rawUrl() == null ? "" : profile.rawUrl());
            }
        } finally {
            syncing = false;
        }
        validate();
    }

    private void showForm(ConnectionForm form) {
        dialect.set(form.dialect());
        host.set(form.host() == null ? "" : form.host());
        port.set(form.port() == null ? "" : String.valueOf(form.port()));
        database.set(form.database() == null ? "" : form.database());
        sslmode.set(form.sslmode());
        encrypt.set(form.encrypt());
        trustServerCertificate.set(form.trustServerCertificate());
    }

    private void formChanged() {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            form().ifPresent(f -> {
                rawUrl.set(false);
                jdbcUrl.set(buildOrEmpty(f));
            });
        } finally {
            syncing = false;
        }
        validate();
    }

    /** The URL was edited directly: the form follows when the URL is one it can show. */
    private void urlChanged(String url) {
        if (syncing) {
            return;
        }
        syncing = true;
        try {
            Optional<ParsedUrl> parsed = JdbcUrls.parse(url == null ? "" : url.trim());
            if (parsed.isPresent()) {
                showForm(parsed.get().form());
                rawUrl.set(false);
                message.set(parsed.get().passwordRemoved()
                        ? "The URL's password was removed: choose a password source instead." : null);
                if (parsed.get().passwordRemoved()) {
                    jdbcUrl.set(buildOrEmpty(parsed.get().form()));
                }
            } else {
                rawUrl.set(true);
            }
        } finally {
            syncing = false;
        }
        validate();
    }

    /** The form's fields as a ConnectionForm; empty when the port is not a number (shown as a field problem). */
    private Optional<ConnectionForm> form() {
        Integer portNumber = null;
        String p = port.get() == null ? "" : port.get().trim();
        if (!p.isEmpty()) {
            try {
                portNumber = Integer.valueOf(p);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.of(new ConnectionForm(dialect.get(), host.get(), portNumber, database.get(), sslmode.get(),
                encrypt.get(), trustServerCertificate.get(), Map.of()));
    }

    private static String buildOrEmpty(ConnectionForm form) {
        try {
            return JdbcUrls.build(form);
        } catch (ConfigException e) {
            return "";
        }
    }

    /** The profile the form describes, or empty with the reasons in {@link #fieldProblems()}. */
    Optional<SavedProfile> formProfile() {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, String> properties;
        try {
            properties = PropertiesText.parse(driverProperties.get());
        } catch (IllegalArgumentException e) {
            problems.put("properties", e.getMessage());
            properties = Map.of();
        }
        String p = port.get() == null ? "" : port.get().trim();
        if (!rawUrl.get() && !p.isEmpty() && !p.matches("\\d{1,9}")) {
            problems.put("port", "\"" + p + "\" is not a port number");
        }
        SavedProfile profile;
        PasswordSource source = switch (passwordSource.get() == null ? "prompt" : passwordSource.get()) {
            case "env" -> new PasswordSource.Env(envVar.get() == null ? "" : envVar.get().trim());
            case "pgpass" -> PasswordSource.PGPASS;
            case "none" -> PasswordSource.NONE;
            case "keyring" -> new PasswordSource.Keyring(keyringService.get(), keyringAccount.get());
            default -> PasswordSource.PROMPT;
        };
        SavedProfile base = selected.get();
        if (rawUrl.get() || problems.containsKey("port")) {
            profile = SavedProfile.ofUrl(name.get(), jdbcUrl.get(), user.get(), source);
        } else {
            profile = SavedProfile.of(name.get(), form().orElseThrow(), user.get(), source);
        }
        profile = profile.withProperties(properties);
        if (base != null && base.seed() != null) {
            profile = new SavedProfile(profile.name(), profile.form(), profile.rawUrl(), profile.username(),
                    profile.password(), profile.properties(), base.seed(), false);
        }
        for (Problem problem : profile.problems()) {
            String field = problem.field().startsWith("urlProperties.") || problem.field().startsWith("properties.")
                    ? "properties" : problem.field();
            problems.putIfAbsent(field, problem.message());
        }
        fieldProblems.clear();
        fieldProblems.putAll(problems);
        return problems.isEmpty() ? Optional.of(profile) : Optional.empty();
    }

    private void validate() {
        if (!syncing) {
            formProfile();
        }
    }

    public void save() {
        Optional<SavedProfile> profile = formProfile();
        if (profile.isEmpty()) {
            message.set("Not saved: " + fieldProblems.entrySet().iterator().next().getKey() + " "
                    + fieldProblems.values().iterator().next());
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
        }, e -> message.set(oneLine(e)));
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
        }, e -> message.set(oneLine(e)));
    }

    /** Opens one connection off the FX thread and reports version, limits, sessions, RTT and TLS, or why not. */
    public void test() {
        Optional<SavedProfile> profile = formProfile();
        if (profile.isEmpty()) {
            message.set("Cannot test: " + fieldProblems.keySet().iterator().next() + " "
                    + fieldProblems.values().iterator().next());
            return;
        }
        String typed = testPassword.get();
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
                    message.set(oneLine(e));
                });
    }

    private static String oneLine(Exception e) {
        if (e instanceof ConfigException config && !config.problems().isEmpty()) {
            return config.problems().get(0).oneLine();
        }
        String text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return text.lines().findFirst().orElse(text);
    }

    public boolean keyringAvailable() {
        return ProfileStore.keyringAvailable();
    }

    // ---- properties ----

    public ObservableList<SavedProfile> profiles() {
        return profiles;
    }

    public ObservableList<String> listingProblems() {
        return listingProblems;
    }

    public ObjectProperty<SavedProfile> selectedProperty() {
        return selected;
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<DbKind> dialectProperty() {
        return dialect;
    }

    public StringProperty hostProperty() {
        return host;
    }

    public StringProperty portProperty() {
        return port;
    }

    public StringProperty databaseProperty() {
        return database;
    }

    public StringProperty userProperty() {
        return user;
    }

    /** {@code prompt}, {@code env}, {@code pgpass}, {@code none} or {@code keyring}. */
    public ObjectProperty<String> passwordSourceProperty() {
        return passwordSource;
    }

    public StringProperty envVarProperty() {
        return envVar;
    }

    public StringProperty keyringServiceProperty() {
        return keyringService;
    }

    public StringProperty keyringAccountProperty() {
        return keyringAccount;
    }

    /** A password typed for Test connection only; never saved. */
    public StringProperty testPasswordProperty() {
        return testPassword;
    }

    public ObjectProperty<String> sslmodeProperty() {
        return sslmode;
    }

    public ObjectProperty<Boolean> encryptProperty() {
        return encrypt;
    }

    public ObjectProperty<Boolean> trustServerCertificateProperty() {
        return trustServerCertificate;
    }

    /** Advanced driver properties, one {@code key=value} per line. */
    public StringProperty driverPropertiesProperty() {
        return driverProperties;
    }

    public StringProperty jdbcUrlProperty() {
        return jdbcUrl;
    }

    /** True when the URL is one the form cannot show: the form is then disabled and the URL is kept as typed. */
    public BooleanProperty rawUrlProperty() {
        return rawUrl;
    }

    public BooleanProperty readOnlyProperty() {
        return readOnly;
    }

    /** Field name → what is wrong with it, for the decorations. */
    public ObservableMap<String, String> fieldProblems() {
        return fieldProblems;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public BooleanProperty testingProperty() {
        return testing;
    }

    public ObjectProperty<ConnectionTester.Result> testResultProperty() {
        return testResult;
    }
}
