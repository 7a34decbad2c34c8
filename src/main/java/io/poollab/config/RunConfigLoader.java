package io.poollab.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a run config (YAML, the schema in ARCHITECTURE.md) into a validated {@link RunSpec}. Every problem is
 * reported with its {@code file:line:col} and field, all at once; an unknown key comes with the nearest valid one.
 * {@code ${env:VAR}} works in any text value and {@code ${home}} stands for the PoolLab home. Passwords stay
 * references ({@link Secret}) until a connection opens.
 */
public final class RunConfigLoader {

    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(env:([A-Za-z_][A-Za-z0-9_]*)|home)}");
    private static final Pattern WHOLE_ENV = Pattern.compile("\\$\\{env:([A-Za-z_][A-Za-z0-9_]*)}");
    // A plaintext password in the text kept for the history: the value, up to a comma, brace or end of line.
    private static final Pattern PLAIN_PASSWORD =
            Pattern.compile("(?im)(password\\s*[:=]\\s*)(?!\\$\\{env:)(\"[^\"]*\"|'[^']*'|[^,}\\s#&;\"']+)");

    static final String[] TOP_KEYS = {"name", "source", "target", "tables", "workers", "partitionsPerTable",
        "batchRows", "holdConnections", "pool", "sampleIntervalMs", "verify", "copyFormat", "retry", "failFast"};
    static final String[] PROFILE_KEYS = {"jdbcUrl", "username", "password", "properties", "seed", "latencyMs",
        "jitterMs", "bandwidthMbps"};
    static final String[] TABLE_KEYS = {"source", "target", "key", "mode"};
    static final String[] POOL_KEYS = {"mode", "source", "target"};
    static final String[] RETRY_KEYS = {"attempts", "initialBackoffMs", "maxBackoffMs"};
    /** HikariCP's own property names, all in milliseconds but the two sizes. */
    static final String[] HIKARI_KEYS = {"maximumPoolSize", "minimumIdle", "connectionTimeout", "idleTimeout",
        "maxLifetime", "keepaliveTime", "validationTimeout", "leakDetectionThreshold"};

    private final YamlDocument document;
    private final ConfigTree tree;
    private final Map<String, String> environment;
    private final Path home;
    private final Map<String, String> overriddenBy = new HashMap<>();

    private RunConfigLoader(YamlDocument document, Map<String, String> environment, Path home) {
        this.document = document;
        this.tree = new ConfigTree(document);
        this.environment = environment;
        this.home = home;
    }

    /**
     * @throws ConfigException every problem found, each on one line with its location; nothing has been opened
     */
    public static LoadedConfig load(Path file, Overrides overrides, Map<String, String> environment, Path home)
            throws ConfigException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(Problem.error(file.toString(), "", "no such config file"));
        } catch (IOException e) {
            throw new ConfigException(Problem.error(file.toString(), "", "cannot read the config: " + e.getMessage()));
        }
        return parse(file.toString(), text, overrides, environment, home);
    }

    /** Loads config text that did not come from a file (the GUI's form, tests); {@code name} labels locations. */
    public static LoadedConfig parse(String name, String text, Overrides overrides, Map<String, String> environment,
                                     Path home) throws ConfigException {
        YamlDocument document = YamlDocument.parse(name, text);
        if (!document.root().isObject()) {
            throw new ConfigException(Problem.error(name, "", "a run config must be a mapping of keys to values"));
        }
        return new RunConfigLoader(document, environment, home).read(text, overrides);
    }

    private LoadedConfig read(String text, Overrides overrides) throws ConfigException {
        ConfigTree.Node root = tree.root();
        root.allowOnly(TOP_KEYS);
        ConnectionProfile source = profile(root.mapping("source"));
        ConnectionProfile target = profile(root.mapping("target"));
        List<TableSpec> tables = new ArrayList<>();
        for (ConfigTree.Node table : root.list("tables")) {
            tables.add(table(table));
        }
        if (!root.has("tables")) {
            root.child("tables").error("is required: list the tables to copy");
        }
        int workers = override("workers", overrides.workers(), "--workers",
                toInt(root.number("workers").orElse(1)));
        OptionalInt partitions = partitions(root);
        ConfigTree.Node pool = root.mapping("pool");
        pool.allowOnly(POOL_KEYS);
        PoolMode mode = overrides.poolMode() != null ? overridden("pool.mode", overrides.poolMode(), "--pool-mode")
                : pool.choice("mode", PoolMode.class).orElse(PoolMode.SHARED);
        PoolSettings sourcePool = poolSettings(pool.mapping("source"), workers, overrides.poolSize());
        PoolSettings targetPool = poolSettings(pool.mapping("target"), workers, overrides.poolSize());
        String name = overrides.label() != null ? overrides.label() : root.text("name").orElse(null);
        RunSpec spec = new RunSpec(name, source, target, tables, workers, partitions,
                toInt(root.number("batchRows").orElse(10_000)),
                root.choice("holdConnections", HoldConnections.class).orElse(HoldConnections.PER_PARTITION),
                mode, sourcePool, targetPool,
                toInt(root.number("sampleIntervalMs").orElse(250)),
                root.choice("verify", VerifyMode.class).orElse(VerifyMode.CHECKSUM),
                root.choice("copyFormat", CopyFormat.class).orElse(CopyFormat.BINARY),
                retry(root),
                withoutPasswords(text));
        List<Problem> problems = new ArrayList<>(tree.problems());
        LoadedConfig loaded = new LoadedConfig(spec, List.of(), document, overriddenBy);
        List<Problem> checked = loaded.located(RunSpecValidator.validate(spec));
        checked.stream().filter(Problem::isError).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        return new LoadedConfig(spec, checked, document, overriddenBy);
    }

    private ConnectionProfile profile(ConfigTree.Node node) {
        node.allowOnly(PROFILE_KEYS);
        if (!node.isPresent()) {
            node.error("is required: give at least jdbcUrl");
            return ConnectionProfile.of("", null, Secret.NONE);
        }
        String url = node.text("jdbcUrl").map(value -> substitute(node.child("jdbcUrl"), value)).orElse(null);
        if (url == null) {
            node.child("jdbcUrl").error("is required");
        }
        String username = node.text("username").map(value -> substitute(node.child("username"), value)).orElse(null);
        Map<String, String> properties = new HashMap<>();
        node.stringMap("properties").forEach((key, value) ->
                properties.put(key, substitute(node.child("properties").child(key), value)));
        return new ConnectionProfile(url == null ? "" : url, username, password(node), properties, SeedSpec.read(node),
                SimulatedNetwork.read(node));
    }

    private Secret password(ConfigTree.Node profile) {
        ConfigTree.Node node = profile.child("password");
        String value = profile.text("password").orElse(null);
        if (value == null) {
            return Secret.NONE;
        }
        Matcher env = WHOLE_ENV.matcher(value);
        if (env.matches()) {
            if (!environment.containsKey(env.group(1))) {
                node.error("environment variable " + env.group(1) + " is not set");
            }
            return new Secret.EnvVar(env.group(1));
        }
        return new Secret.Plaintext(value);
    }


    private TableSpec table(ConfigTree.Node node) {
        if (node.scalarText().isPresent()) {
            return new TableSpec(node.scalarText().get(), null, null, TargetMode.CREATE);
        }
        node.allowOnly(TABLE_KEYS);
        String source = node.text("source").orElse(null);
        if (source == null) {
            node.child("source").error("is required: the table to copy, as schema.table or table");
        }
        return new TableSpec(source, node.text("target").orElse(null), node.text("key").orElse(null),
                node.choice("mode", TargetMode.class).orElse(TargetMode.CREATE));
    }

    private RetrySettings retry(ConfigTree.Node root) {
        ConfigTree.Node node = root.mapping("retry");
        node.allowOnly(RETRY_KEYS);
        RetrySettings defaults = RetrySettings.DEFAULT;
        boolean failFast = false;
        Optional<String> flag = root.text("failFast");
        if (flag.isPresent()) {
            if (flag.get().equals("true") || flag.get().equals("false")) {
                failFast = Boolean.parseBoolean(flag.get());
            } else {
                root.child("failFast").error("must be true or false, got " + flag.get());
            }
        }
        return new RetrySettings(toInt(node.number("attempts").orElse(defaults.attempts())),
                node.number("initialBackoffMs").orElse(defaults.initialBackoffMs()),
                node.number("maxBackoffMs").orElse(defaults.maxBackoffMs()), failFast);
    }

    private OptionalInt partitions(ConfigTree.Node root) {
        if (root.text("partitionsPerTable").map("auto"::equals).orElse(true)) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(toInt(root.number("partitionsPerTable").orElse(1)));
    }

    private PoolSettings poolSettings(ConfigTree.Node node, int workers, Integer sizeOverride) {
        node.allowOnly(HIKARI_KEYS);
        PoolSettings defaults = PoolSettings.defaultsFor(workers);
        int maximum = toInt(node.number("maximumPoolSize").orElse(defaults.maximumPoolSize()));
        if (sizeOverride != null) {
            maximum = overridden(node.field() + ".maximumPoolSize", sizeOverride, "--pool-size");
        }
        // HikariCP's default minimumIdle is maximumPoolSize: a fixed-size pool, which follows any override.
        int minimum = toInt(node.number("minimumIdle").orElse(maximum));
        return new PoolSettings(maximum, minimum,
                node.number("connectionTimeout").orElse(defaults.connectionTimeoutMs()),
                node.number("idleTimeout").orElse(defaults.idleTimeoutMs()),
                node.number("maxLifetime").orElse(defaults.maxLifetimeMs()),
                node.number("keepaliveTime").orElse(defaults.keepaliveTimeMs()),
                node.number("validationTimeout").orElse(defaults.validationTimeoutMs()),
                node.number("leakDetectionThreshold").orElse(defaults.leakDetectionThresholdMs()));
    }

    // Out-of-range numbers stay out of range (so the validator names them) instead of wrapping around.
    private static int toInt(long value) {
        return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, value));
    }

    private int override(String field, Integer value, String option, int fromConfig) {
        return value == null ? fromConfig : overridden(field, value, option);
    }

    private <T> T overridden(String field, T value, String option) {
        overriddenBy.put(field, option + " " + value);
        return value;
    }

    /** Replaces {@code ${env:VAR}} and {@code ${home}}; a missing variable is a problem at the value. */
    private String substitute(ConfigTree.Node node, String value) {
        Matcher reference = REFERENCE.matcher(value);
        StringBuilder result = new StringBuilder();
        while (reference.find()) {
            String replacement;
            if (reference.group(2) == null) {
                replacement = home.toString();
            } else {
                replacement = environment.get(reference.group(2));
                if (replacement == null) {
                    node.error("environment variable " + reference.group(2) + " is not set");
                    replacement = "";
                }
            }
            reference.appendReplacement(result, Matcher.quoteReplacement(replacement));
        }
        reference.appendTail(result);
        return result.toString();
    }

    /** The config as written, for the history, with any plaintext password (also inside a JDBC URL) removed. */
    static String withoutPasswords(String text) {
        return PLAIN_PASSWORD.matcher(text).replaceAll("$1<removed>");
    }
}
