package io.poollab.report;

import io.poollab.config.PoolSettings;
import io.poollab.history.RunDetail;
import java.util.Locale;

/**
 * A run's pool settings as configuration to paste into an application: {@code hikari.properties}, Spring Boot's
 * {@code application.yml} and a Java {@code HikariConfig} block. The password is always a placeholder
 * ({@code ${DB_PASSWORD}}, or the environment variable in Java), never a value.
 */
public final class ConfigSnippets {

    public static final String PASSWORD_PLACEHOLDER = "${DB_PASSWORD}";

    private ConfigSnippets() {
    }

    /** The three snippets for one side's pool of a stored run. */
    public record Snippets(String properties, String springYaml, String java) {
    }

    /**
     * @param side     {@code source} or {@code target}
     * @param username the profile's user name, or null for a placeholder
     */
    public static Snippets of(RunDetail run, String side, String username) {
        RunDetail.Pool pool = run.pools().get(side);
        if (pool == null) {
            throw new IllegalArgumentException("run " + run.summary().id() + " has no " + side + " pool");
        }
        String origin = "PoolLab run " + run.summary().id() + ", " + side + " pool"
                + (run.summary().rowsPerSecond() == null ? "" : String.format(Locale.ROOT, ": %.0f rows/s",
                run.summary().rowsPerSecond()));
        return of(run, side, username, new PoolSettings(pool.maximumPoolSize(), pool.minimumIdle(),
                pool.connectionTimeoutMs(), pool.idleTimeoutMs(), pool.maxLifetimeMs(), pool.keepaliveTimeMs(),
                pool.validationTimeoutMs(), pool.leakDetectionThresholdMs()), origin);
    }

    /** The advisor's settings for {@code side}, on the connection of the run they were measured on. */
    public static Snippets recommended(RunDetail run, String side, String username, PoolSettings settings) {
        return of(run, side, username, settings, "PoolLab recommendation from run " + run.summary().id() + ", "
                + side + " pool");
    }

    private static Snippets of(RunDetail run, String side, String username, PoolSettings pool, String origin) {
        String url = side.equals("source") ? run.sourceUrl() : run.targetUrl();
        String user = username == null ? "${DB_USER}" : username;
        return new Snippets(properties(origin, url, user, pool), spring(origin, url, user, pool),
                java(origin, url, user, pool));
    }

    /** One HikariCP setting: its property name (also its Spring and setter names) and value. */
    private record Setting(String name, long value, boolean isLong) {

        /** {@code maximum-pool-size}: Spring Boot's relaxed binding. */
        String kebab() {
            return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
        }

        String setter() {
            return "set" + Character.toUpperCase(name.charAt(0)) + name.substring(1);
        }
    }

    private static java.util.List<Setting> settings(PoolSettings p) {
        return java.util.List.of(new Setting("maximumPoolSize", p.maximumPoolSize(), false),
                new Setting("minimumIdle", p.minimumIdle(), false),
                new Setting("connectionTimeout", p.connectionTimeoutMs(), true),
                new Setting("idleTimeout", p.idleTimeoutMs(), true),
                new Setting("maxLifetime", p.maxLifetimeMs(), true),
                new Setting("keepaliveTime", p.keepaliveTimeMs(), true),
                new Setting("validationTimeout", p.validationTimeoutMs(), true),
                new Setting("leakDetectionThreshold", p.leakDetectionThresholdMs(), true));
    }

    private static String properties(String origin, String url, String user, PoolSettings p) {
        StringBuilder out = new StringBuilder("# " + origin + "\n")
                .append("jdbcUrl=").append(escapeProperty(url)).append('\n')
                .append("username=").append(escapeProperty(user)).append('\n')
                .append("# HikariCP does not expand ${...}: replace the placeholder from your secret store\n")
                .append("password=").append(PASSWORD_PLACEHOLDER).append('\n');
        settings(p).forEach(s -> out.append(s.name()).append('=').append(s.value()).append('\n'));
        return out.toString();
    }

    private static String spring(String origin, String url, String user, PoolSettings p) {
        StringBuilder out = new StringBuilder("# " + origin + "\n")
                .append("spring:\n  datasource:\n")
                .append("    url: ").append(yamlString(url)).append('\n')
                .append("    username: ").append(yamlString(user)).append('\n')
                .append("    password: ").append(yamlString(PASSWORD_PLACEHOLDER)).append('\n')
                .append("    hikari:\n");
        settings(p).forEach(s -> out.append("      ").append(s.kebab()).append(": ").append(s.value()).append('\n'));
        return out.toString();
    }

    private static String java(String origin, String url, String user, PoolSettings p) {
        StringBuilder out = new StringBuilder("// " + origin + "\n")
                .append("HikariConfig config = new HikariConfig();\n")
                .append("config.setJdbcUrl(").append(javaString(url)).append(");\n")
                .append("config.setUsername(").append(javaString(user)).append(");\n")
                .append("config.setPassword(System.getenv(\"DB_PASSWORD\"));\n");
        settings(p).forEach(s -> out.append("config.").append(s.setter()).append('(').append(s.value())
                .append(s.isLong() ? "L" : "").append(");\n"));
        return out.toString();
    }

    private static String escapeProperty(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case ':', '=', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String yamlString(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    private static String javaString(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
