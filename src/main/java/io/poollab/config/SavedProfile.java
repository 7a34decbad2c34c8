package io.poollab.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A named connection the GUI remembers ({@link ProfileStore}): the editor's form, or a raw JDBC URL the form cannot
 * show, with the user name, where the password comes from, and advanced driver properties. Never a password.
 *
 * @param form       the editor's fields; null when the profile keeps {@code rawUrl} instead
 * @param rawUrl     a JDBC URL as typed, used only when {@code form} is null
 * @param properties driver properties passed beside the URL (HikariCP's dataSourceProperties)
 * @param seed       sample data to create on first use (the built-in demo source), or null
 * @param builtIn    one of {@link ProfileStore#builtIns}: read-only
 * @param network    latency, jitter and bandwidth to simulate through the latency proxy
 */
public record SavedProfile(String name, ConnectionForm form, String rawUrl, String username,
                           PasswordSource password, Map<String, String> properties, SeedSpec seed, boolean builtIn,
                           SimulatedNetwork network) {

    public SavedProfile {
        name = name == null ? "" : name.trim();
        username = username == null || username.isBlank() ? null : username;
        password = password == null ? PasswordSource.NONE : password;
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
        network = network == null ? SimulatedNetwork.NONE : network;
    }

    /** A profile for direct connections, without a simulated network. */
    public SavedProfile(String name, ConnectionForm form, String rawUrl, String username, PasswordSource password,
                        Map<String, String> properties, SeedSpec seed, boolean builtIn) {
        this(name, form, rawUrl, username, password, properties, seed, builtIn, SimulatedNetwork.NONE);
    }

    public static SavedProfile of(String name, ConnectionForm form, String username, PasswordSource password) {
        return new SavedProfile(name, form, null, username, password, Map.of(), null, false);
    }

    public static SavedProfile ofUrl(String name, String jdbcUrl, String username, PasswordSource password) {
        return new SavedProfile(name, null, jdbcUrl, username, password, Map.of(), null, false);
    }

    public SavedProfile withName(String newName) {
        return new SavedProfile(newName, form, rawUrl, username, password, properties, seed, false, network);
    }

    public SavedProfile withProperties(Map<String, String> driverProperties) {
        return new SavedProfile(name, form, rawUrl, username, password, driverProperties, seed, builtIn, network);
    }

    public SavedProfile withNetwork(SimulatedNetwork simulated) {
        return new SavedProfile(name, form, rawUrl, username, password, properties, seed, builtIn, simulated);
    }

    /** The JDBC URL: built from the form, else the raw one. */
    public String jdbcUrl() throws ConfigException {
        if (form != null) {
            return JdbcUrls.build(form);
        }
        if (rawUrl == null || rawUrl.isBlank()) {
            throw new ConfigException(Problem.error(location(), "jdbcUrl", "is required"));
        }
        return rawUrl.trim();
    }

    /** What stops the profile from being saved or used, each located at the profile and naming the field. */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        if (name.isEmpty()) {
            problems.add(Problem.error("", "name", "is required"));
        } else if (name.length() > 100 || name.chars().anyMatch(Character::isISOControl)) {
            problems.add(Problem.error(location(), "name", "must be one line of at most 100 characters"));
        }
        if (form != null) {
            // The form's URL parameters are saved as urlProperties, apart from the driver properties.
            JdbcUrls.problems(form).forEach(p -> problems.add(Problem.error(location(),
                    p.field().replaceFirst("^properties\\.", "urlProperties."), p.message())));
        } else if (rawUrl == null || rawUrl.isBlank()) {
            problems.add(Problem.error(location(), "jdbcUrl", "is required"));
        } else if (JdbcUrls.containsPassword(rawUrl)) {
            problems.add(Problem.error(location(), "jdbcUrl",
                    "contains a password; remove it from the URL and choose a password source"));
        }
        if (password instanceof PasswordSource.Env env
                && (env.variable() == null || !PasswordSource.ENV_NAME.matcher(env.variable()).matches())) {
            problems.add(Problem.error(location(), "password", "\"" + env.variable()
                    + "\" is not an environment variable name (letters, digits and _)"));
        }
        if (password instanceof PasswordSource.Keyring keyring
                && (blank(keyring.service()) || blank(keyring.account()))) {
            problems.add(Problem.error(location(), "keyring", "needs both a service and an account"));
        }
        properties.forEach((key, value) -> {
            if (key.equalsIgnoreCase("password")) {
                problems.add(Problem.error(location(), "properties.password",
                        "a password is never saved; choose a password source"));
            }
        });
        // The URL is checked for the proxy only once it can be built; a form problem is reported above.
        String url = form == null ? rawUrl : JdbcUrls.problems(form).isEmpty() ? buildQuietly(form) : null;
        network.problems("", url, properties).forEach(p -> problems.add(Problem.error(location(), p.field(),
                p.message())));
        return problems;
    }

    /**
     * What the engine and the connection tester take. With {@link PasswordSource.Prompt} the typed password is
     * required and becomes a {@link Secret.Prompted} held in memory only; other sources ignore it.
     */
    public ConnectionProfile toConnectionProfile(Optional<String> promptedPassword) throws ConfigException {
        List<Problem> problems = problems();
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        Secret secret;
        if (password instanceof PasswordSource.Prompt) {
            secret = new Secret.Prompted(promptedPassword.orElseThrow(() -> new ConfigException(
                    Problem.error(location(), "password", "asks for the password at connect time; none was given"))));
        } else if (password instanceof PasswordSource.Env env) {
            secret = new Secret.EnvVar(env.variable());
        } else if (password instanceof PasswordSource.Keyring keyring) {
            secret = new Secret.Keyring(keyring.service(), keyring.account());
        } else {
            // pgpass and none: no password from PoolLab; pgjdbc then reads ~/.pgpass (or PGPASSFILE) itself.
            secret = Secret.NONE;
        }
        return new ConnectionProfile(jdbcUrl(), username, secret, properties, seed, network);
    }

    private static String buildQuietly(ConnectionForm form) {
        try {
            return JdbcUrls.build(form);
        } catch (ConfigException e) {
            return null;
        }
    }

    private String location() {
        return name.isEmpty() ? "" : "profile \"" + name + "\"";
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
