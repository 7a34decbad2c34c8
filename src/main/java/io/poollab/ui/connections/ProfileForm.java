package io.poollab.ui.connections;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectionForm;
import io.poollab.config.DbKind;
import io.poollab.config.JdbcUrls;
import io.poollab.config.ParsedUrl;
import io.poollab.config.PasswordSource;
import io.poollab.config.Problem;
import io.poollab.config.SavedProfile;
import io.poollab.config.SeedSpec;
import io.poollab.config.SimulatedNetwork;
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
import javafx.collections.ObservableMap;

/**
 * The connection editor's form: the fields of one profile, kept in sync with its JDBC URL both ways (a URL the
 * fields cannot show is kept as typed), and the problem of each field. It never holds a password.
 */
public final class ProfileForm {

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
    private final ObjectProperty<String> sslmode = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> encrypt = new SimpleObjectProperty<>();
    private final ObjectProperty<Boolean> trustServerCertificate = new SimpleObjectProperty<>();
    private final StringProperty driverProperties = new SimpleStringProperty("");
    private final StringProperty latency = new SimpleStringProperty("");
    private final StringProperty jitter = new SimpleStringProperty("");
    private final StringProperty bandwidth = new SimpleStringProperty("");
    private final StringProperty networkSummary = new SimpleStringProperty("");
    private final StringProperty jdbcUrl = new SimpleStringProperty("");
    private final BooleanProperty rawUrl = new SimpleBooleanProperty();
    private final BooleanProperty readOnly = new SimpleBooleanProperty();
    private final ObservableMap<String, String> fieldProblems = FXCollections.observableHashMap();
    private final StringProperty notice = new SimpleStringProperty();
    private final StringProperty tls = new SimpleStringProperty("");
    private final BooleanProperty tlsWarning = new SimpleBooleanProperty();
    private SeedSpec seed;
    private boolean syncing;

    ProfileForm() {
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
        for (var field : List.of(name, user, envVar, keyringService, keyringAccount, latency, jitter, bandwidth)) {
            field.addListener((o, was, now) -> validate());
        }
        passwordSource.addListener((o, was, now) -> validate());
    }

    /** Shows {@code profile} in the fields (nothing for null). */
    void edit(SavedProfile profile) {
        if (profile == null) {
            return;
        }
        seed = profile.seed();
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
            SimulatedNetwork network = profile.network();
            latency.set(network.latencyMs() == 0 ? "" : String.valueOf(network.latencyMs()));
            jitter.set(network.jitterMs() == 0 ? "" : String.valueOf(network.jitterMs()));
            bandwidth.set(network.bandwidthMbps() == 0 ? "" : SimulatedNetwork.format(network.bandwidthMbps()));
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
                notice.set(parsed.get().passwordRemoved()
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
        if (rawUrl.get() || problems.containsKey("port")) {
            profile = SavedProfile.ofUrl(name.get(), jdbcUrl.get(), user.get(), source);
        } else {
            profile = SavedProfile.of(name.get(), form().orElseThrow(), user.get(), source);
        }
        SimulatedNetwork network = new SimulatedNetwork(
                whole(latency, "latencyMs", "a whole number of milliseconds", problems),
                whole(jitter, "jitterMs", "a whole number of milliseconds", problems),
                decimal(bandwidth, "bandwidthMbps", problems));
        profile = profile.withProperties(properties).withNetwork(network);
        if (seed != null) {
            profile = new SavedProfile(profile.name(), profile.form(), profile.rawUrl(), profile.username(),
                    profile.password(), profile.properties(), seed, false, profile.network());
        }
        for (Problem problem : profile.problems()) {
            String field = problem.field().startsWith("urlProperties.") || problem.field().startsWith("properties.")
                    ? "properties" : problem.field();
            problems.putIfAbsent(field, problem.message());
        }
        fieldProblems.clear();
        fieldProblems.putAll(problems);
        networkSummary.set(summary(network, problems));
        return problems.isEmpty() ? Optional.of(profile) : Optional.empty();
    }

    /** Blank is 0 (off); anything but digits is a problem of the field. */
    private static long whole(StringProperty field, String key, String what, Map<String, String> problems) {
        String text = field.get() == null ? "" : field.get().trim();
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("-?\\d{1,9}")) {
            problems.put(key, "\"" + text + "\" is not " + what);
            return 0;
        }
        return Long.parseLong(text);
    }

    private static double decimal(StringProperty field, String key, Map<String, String> problems) {
        String text = field.get() == null ? "" : field.get().trim();
        if (text.isEmpty()) {
            return 0;
        }
        if (!text.matches("-?\\d{1,9}(\\.\\d{1,6})?")) {
            problems.put(key, "\"" + text + "\" is not a number of Mbit/s");
            return 0;
        }
        return Double.parseDouble(text);
    }

    /** What the network fields add, or what is wrong with them (the field is decorated too). */
    private static String summary(SimulatedNetwork network, Map<String, String> problems) {
        for (String key : List.of("latencyMs", "jitterMs", "bandwidthMbps")) {
            if (problems.containsKey(key)) {
                return key + ": " + problems.get(key);
            }
        }
        if (!network.isOn()) {
            return "Off: connections go straight to the server. A latency makes a local database behave like a "
                    + "remote one.";
        }
        return "Through PoolLab's latency proxy: " + network.describe() + ". Runs and Test connection pay it; "
                + "planning and verification connect directly.";
    }

    private void validate() {
        if (!syncing) {
            formProfile();
            Optional<io.poollab.config.ConnectionTls.Status> status = form().map(io.poollab.config.ConnectionTls::of);
            tls.set(status.map(io.poollab.config.ConnectionTls.Status::text).orElse(""));
            tlsWarning.set(status.map(io.poollab.config.ConnectionTls.Status::warning).orElse(false));
        }
    }

    /** Whether TLS is in use with these settings, in one line (a warning when it is not enforced off loopback). */
    public StringProperty tlsProperty() {
        return tls;
    }

    public BooleanProperty tlsWarningProperty() {
        return tlsWarning;
    }

    /** Something the user should know about the last URL edit, or null. */
    StringProperty noticeProperty() {
        return notice;
    }

    // ---- properties ----
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

    public ObjectProperty<String> sslmodeProperty() {
        return sslmode;
    }

    public ObjectProperty<Boolean> encryptProperty() {
        return encrypt;
    }

    public ObjectProperty<Boolean> trustServerCertificateProperty() {
        return trustServerCertificate;
    }

    public StringProperty driverPropertiesProperty() {
        return driverProperties;
    }

    /** One-way delay in ms; blank for none. */
    public StringProperty latencyProperty() {
        return latency;
    }

    /** ± ms around the delay; blank for none. */
    public StringProperty jitterProperty() {
        return jitter;
    }

    /** Mbit/s per direction; blank for no cap. */
    public StringProperty bandwidthProperty() {
        return bandwidth;
    }

    /** What the network fields add, in words, or what is wrong with one of them. */
    public StringProperty networkSummaryProperty() {
        return networkSummary;
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

}
