package io.poollab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One saved profile as YAML: the text {@link ProfileStore} writes, and the reader that turns a (possibly
 * hand-edited) file back into a {@link SavedProfile}, reporting every mistake at its {@code file:line:col}.
 */
final class ProfileFile {

    static final String[] KEYS = {"name", "dialect", "host", "port", "database", "sslmode", "encrypt",
        "trustServerCertificate", "urlProperties", "jdbcUrl", "username", "password", "keyring", "properties",
        "seed", "latencyMs", "jitterMs", "bandwidthMbps"};
    private static final String[] FORM_KEYS = {"host", "port", "database", "sslmode", "encrypt",
        "trustServerCertificate", "urlProperties"};
    private static final Pattern ENV = Pattern.compile("\\$\\{env:(.*)}");
    private static final String HEADER = "# A PoolLab connection profile. Passwords are never stored here:\n"
            + "# password is one of prompt, pgpass, none, keyring or ${env:VARIABLE}.\n";
    private static final ObjectMapper WRITER = new ObjectMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build());

    /** A profile read from a file, with where its name stands (for problems found across files). */
    record Read(SavedProfile profile, String nameLocation) {
    }

    private ProfileFile() {
    }

    static String write(SavedProfile profile) {
        Map<String, Object> yaml = new LinkedHashMap<>();
        yaml.put("name", profile.name());
        ConnectionForm form = profile.form();
        if (form != null) {
            yaml.put("dialect", form.dialect().id());
            putIfPresent(yaml, "host", form.host());
            putIfPresent(yaml, "port", form.port());
            putIfPresent(yaml, "database", form.database());
            putIfPresent(yaml, "sslmode", form.sslmode());
            putIfPresent(yaml, "encrypt", form.encrypt());
            putIfPresent(yaml, "trustServerCertificate", form.trustServerCertificate());
            if (!form.properties().isEmpty()) {
                yaml.put("urlProperties", form.properties());
            }
        } else {
            yaml.put("jdbcUrl", profile.rawUrl());
        }
        putIfPresent(yaml, "username", profile.username());
        PasswordSource password = profile.password();
        yaml.put("password", password instanceof PasswordSource.Env env ? "${env:" + env.variable() + "}"
                : password.id());
        if (password instanceof PasswordSource.Keyring keyring) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("service", keyring.service());
            entry.put("account", keyring.account());
            yaml.put("keyring", entry);
        }
        if (!profile.properties().isEmpty()) {
            yaml.put("properties", profile.properties());
        }
        SimulatedNetwork network = profile.network();
        if (network.isOn()) {
            yaml.put("latencyMs", network.latencyMs());
            yaml.put("jitterMs", network.jitterMs());
            double mbps = network.bandwidthMbps();
            yaml.put("bandwidthMbps", mbps == Math.rint(mbps) ? (Object) (long) mbps : (Object) mbps);
        }
        if (profile.seed() != null) {
            Map<String, Object> seed = new LinkedHashMap<>();
            seed.put("table", profile.seed().table());
            seed.put("rows", profile.seed().rows());
            yaml.put("seed", seed);
        }
        try {
            return HEADER + WRITER.writeValueAsString(yaml);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of text and numbers did not serialise", e);
        }
    }

    /** @throws ConfigException every problem of the file, each at its {@code file:line:col} */
    static Read read(String fileName, String text) throws ConfigException {
        YamlDocument document = YamlDocument.parse(fileName, text);
        if (!document.root().isObject()) {
            throw new ConfigException(Problem.error(fileName, "", "a profile must be a mapping of keys to values"));
        }
        ConfigTree tree = new ConfigTree(document);
        ConfigTree.Node root = tree.root();
        root.allowOnly(KEYS);
        String name = root.text("name").orElse("");
        if (name.isBlank()) {
            root.child("name").error("is required");
        }
        ConnectionForm form = form(root);
        String url = root.text("jdbcUrl").orElse(null);
        SavedProfile profile = new SavedProfile(name, form, url, root.text("username").orElse(null),
                password(root), root.stringMap("properties"), SeedSpec.read(root), false, SimulatedNetwork.read(root));
        List<Problem> problems = new ArrayList<>(tree.problems());
        if (problems.isEmpty()) {
            for (Problem problem : profile.problems()) {
                String pointer = "/" + problem.field().replace('.', '/');
                problems.add(Problem.error(document.valueLocation(pointer), problem.field(), problem.message()));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new Read(profile, document.valueLocation("/name"));
    }

    private static ConnectionForm form(ConfigTree.Node root) {
        boolean hasUrl = root.has("jdbcUrl");
        if (hasUrl && root.has("dialect")) {
            root.child("jdbcUrl").error("give either jdbcUrl or dialect with host, port and database, not both");
            return null;
        }
        if (hasUrl) {
            for (String key : FORM_KEYS) {
                if (root.has(key)) {
                    root.child(key).error("belongs to the form; with jdbcUrl put it into the URL");
                }
            }
            return null;
        }
        if (!root.has("dialect")) {
            root.child("dialect").error("is required: postgresql, sqlserver or h2 (or give jdbcUrl)");
            return null;
        }
        DbKind kind = root.choice("dialect", DbKind.class).orElse(null);
        long port = root.number("port").orElse(-1);
        if (port != -1 && (port < 1 || port > 65_535)) {
            root.child("port").error(port + " is not between 1 and 65535");
        }
        return kind == null ? null : new ConnectionForm(kind, root.text("host").orElse(null),
                port < 1 || port > 65_535 ? null : (int) port, root.text("database").orElse(null),
                root.text("sslmode").orElse(null), flag(root, "encrypt"), flag(root, "trustServerCertificate"),
                root.stringMap("urlProperties"));
    }

    private static Boolean flag(ConfigTree.Node root, String key) {
        String value = root.text(key).orElse(null);
        if (value == null) {
            return null;
        }
        if (value.equals("true") || value.equals("false")) {
            return Boolean.valueOf(value);
        }
        root.child(key).error("must be true or false, got \"" + value + "\"");
        return null;
    }

    private static PasswordSource password(ConfigTree.Node root) {
        String value = root.text("password").orElse("none");
        ConfigTree.Node keyring = root.mapping("keyring");
        if (!value.equals("keyring") && keyring.isPresent()) {
            keyring.error("applies only with password: keyring");
        }
        Matcher env = ENV.matcher(value);
        if (env.matches()) {
            return new PasswordSource.Env(env.group(1));
        }
        switch (value) {
            case "prompt":
                return PasswordSource.PROMPT;
            case "pgpass":
                return PasswordSource.PGPASS;
            case "none":
                return PasswordSource.NONE;
            case "keyring":
                keyring.allowOnly("service", "account");
                if (!keyring.isPresent()) {
                    root.child("keyring").error("is required with password: keyring: give service and account");
                }
                return new PasswordSource.Keyring(keyring.text("service").orElse(null),
                        keyring.text("account").orElse(null));
            default:
                // The value may be a password someone typed into the file: never repeat it.
                root.child("password").error("must be prompt, pgpass, none, keyring or ${env:VARIABLE}; "
                        + "a password itself is never stored in a profile");
                return PasswordSource.NONE;
        }
    }


    private static void putIfPresent(Map<String, Object> yaml, String key, Object value) {
        if (value != null) {
            yaml.put(key, value);
        }
    }
}
