package io.poollab.config;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Writes a {@link RunSpec} as a run config in the documented YAML schema (ARCHITECTURE.md), so that a run started
 * from the GUI's form is kept in the history as text the CLI can run and resume from. Reading it back with
 * {@link RunConfigLoader#parse} gives the same spec except {@code configText}.
 *
 * <p>No password value is ever written. A {@code ${env:VAR}} reference is; a password held as a value (typed at a
 * prompt, read from a file, or any kind of {@link Secret} added later) leaves only a comment. A password inside the
 * JDBC URL, or in a driver property whose name contains "password", is removed too, as the loader does for the
 * history; those two do not survive the round trip.
 *
 * <p>Values are written as they are: paths stay absolute (no {@code ${home}} is put back), and a {@code ${…}}
 * inside a value is read back as a reference, exactly as if the user had typed it into a config file.
 */
public final class RunConfigWriter {

    static final String NOT_STORED = "no password stored: it was typed at a prompt or lives in the OS keyring";

    // Text that YAML reads back as the same string without quotes; anything else is double-quoted.
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_/][A-Za-z0-9_./-]*");
    // Plain words that YAML 1.1 (SnakeYAML, under Jackson) reads as a boolean or null instead of text.
    private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off", "y", "n", "null");

    private RunConfigWriter() {
    }

    public static String toYaml(RunSpec spec) {
        StringBuilder yaml = new StringBuilder();
        line(yaml, "# A PoolLab run config, written from a run spec. Passwords are never stored in it.");
        if (spec.name() != null) {
            line(yaml, "name: " + scalar(spec.name()));
        }
        profile(yaml, "source", spec.source());
        profile(yaml, "target", spec.target());
        line(yaml, "tables:");
        for (TableSpec table : spec.tables()) {
            line(yaml, "  - source: " + scalar(table.source()));
            if (table.target() != null) {
                line(yaml, "    target: " + scalar(table.target()));
            }
            if (table.key() != null) {
                line(yaml, "    key: " + scalar(table.key()));
            }
            line(yaml, "    mode: " + table.mode().id());
        }
        line(yaml, "workers: " + spec.workers());
        // Absent means automatic: the loader reads "auto" and no key alike.
        spec.partitionsPerTable().ifPresent(n -> line(yaml, "partitionsPerTable: " + n));
        line(yaml, "batchRows: " + spec.batchRows());
        line(yaml, "holdConnections: " + spec.holdConnections().id());
        line(yaml, "copyFormat: " + spec.copyFormat().id());
        line(yaml, "pool:");
        line(yaml, "  mode: " + spec.poolMode().id());
        pool(yaml, "source", spec.sourcePool());
        pool(yaml, "target", spec.targetPool());
        line(yaml, "sampleIntervalMs: " + spec.sampleIntervalMs());
        line(yaml, "verify: " + spec.verify().id());
        RetrySettings retry = spec.retry();
        // Left out when default, so that configs written before retries existed read back unchanged.
        if (retry.attempts() != RetrySettings.DEFAULT.attempts()
                || retry.initialBackoffMs() != RetrySettings.DEFAULT.initialBackoffMs()
                || retry.maxBackoffMs() != RetrySettings.DEFAULT.maxBackoffMs()) {
            line(yaml, "retry: {attempts: " + retry.attempts() + ", initialBackoffMs: " + retry.initialBackoffMs()
                    + ", maxBackoffMs: " + retry.maxBackoffMs() + "}");
        }
        if (retry.failFast()) {
            line(yaml, "failFast: true");
        }
        return yaml.toString();
    }

    private static void profile(StringBuilder yaml, String side, ConnectionProfile profile) {
        line(yaml, side + ":");
        line(yaml, "  jdbcUrl: " + scalar(profile.jdbcUrl() == null ? null
                : RunConfigLoader.withoutPasswords(profile.jdbcUrl())));
        if (profile.username() != null) {
            line(yaml, "  username: " + scalar(profile.username()));
        }
        Secret password = profile.password();
        if (password instanceof Secret.EnvVar env) {
            line(yaml, "  password: " + scalar("${env:" + env.name() + "}"));
        } else if (!(password instanceof Secret.None)) {
            // Plaintext, Prompted, Keyring and whatever comes next: a held value never reaches the text.
            line(yaml, "  # " + NOT_STORED);
        }
        if (!profile.properties().isEmpty()) {
            line(yaml, "  properties:");
            new TreeMap<>(profile.properties()).forEach((key, value) -> {
                if (key.toLowerCase(Locale.ROOT).contains("password")) {
                    line(yaml, "    # driver property " + key.replaceAll("\\R", " ") + " not stored");
                } else {
                    line(yaml, "    " + scalar(key) + ": " + scalar(value));
                }
            });
        }
        SimulatedNetwork network = profile.network();
        if (network.isOn()) {
            line(yaml, "  latencyMs: " + network.latencyMs());
            line(yaml, "  jitterMs: " + network.jitterMs());
            line(yaml, "  bandwidthMbps: " + SimulatedNetwork.format(network.bandwidthMbps()));
        }
        SeedSpec seed = profile.seed();
        if (seed != null) {
            line(yaml, "  seed:");
            if (seed.table() != null) {
                line(yaml, "    table: " + scalar(seed.table()));
            }
            line(yaml, "    rows: " + seed.rows());
        }
    }

    private static void pool(StringBuilder yaml, String side, PoolSettings pool) {
        line(yaml, "  " + side + ":");
        for (Map.Entry<String, Long> setting : hikariSettings(pool).entrySet()) {
            line(yaml, "    " + setting.getKey() + ": " + setting.getValue());
        }
    }

    /** Every HikariCP key the loader accepts ({@link RunConfigLoader#HIKARI_KEYS}), with its value. */
    static Map<String, Long> hikariSettings(PoolSettings pool) {
        Map<String, Long> settings = new LinkedHashMap<>();
        settings.put("maximumPoolSize", (long) pool.maximumPoolSize());
        settings.put("minimumIdle", (long) pool.minimumIdle());
        settings.put("connectionTimeout", pool.connectionTimeoutMs());
        settings.put("idleTimeout", pool.idleTimeoutMs());
        settings.put("maxLifetime", pool.maxLifetimeMs());
        settings.put("keepaliveTime", pool.keepaliveTimeMs());
        settings.put("validationTimeout", pool.validationTimeoutMs());
        settings.put("leakDetectionThreshold", pool.leakDetectionThresholdMs());
        return settings;
    }

    /**
     * A YAML scalar that reads back as exactly {@code text}: plain when that is safe, else double-quoted. A missing
     * required value (null) is written empty, so that the loader names it instead of this writer failing.
     */
    static String scalar(String value) {
        String text = value == null ? "" : value;
        if (PLAIN.matcher(text).matches() && !RESERVED.contains(text.toLowerCase(Locale.ROOT))) {
            return text;
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> quoted.append("\\\"");
                case '\\' -> quoted.append("\\\\");
                case '\n' -> quoted.append("\\n");
                case '\t' -> quoted.append("\\t");
                case '\r' -> quoted.append("\\r");
                default -> {
                    if (printable(c)) {
                        quoted.append(c);
                    } else {
                        quoted.append(String.format("\\u%04x", (int) c));
                    }
                }
            }
        }
        return quoted.append('"').toString();
    }

    // YAML's printable set, which SnakeYAML enforces even inside quotes, less the line breaks YAML 1.1 folds
    // (NEL, U+2028, U+2029); surrogate pairs pass as they are.
    private static boolean printable(char c) {
        return (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xfffd && c != 0xfeff && c != 0x2028 && c != 0x2029);
    }

    private static void line(StringBuilder yaml, String line) {
        yaml.append(line).append('\n');
    }
}
