package io.poollab.report;

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
        String url = side.equals("source") ? run.sourceUrl() : run.targetUrl();
        String user = username == null ? "${DB_USER}" : username;
        String origin = "PoolLab run " + run.summary().id() + ", " + side + " pool"
                + (run.summary().rowsPerSecond() == null ? "" : String.format(Locale.ROOT, ": %.0f rows/s",
                run.summary().rowsPerSecond()));
        return new Snippets(properties(origin, url, user, pool), spring(origin, url, user, pool),
                java(origin, url, user, pool));
    }

    private static String properties(String origin, String url, String user, RunDetail.Pool p) {
        return "# " + origin + "\n"
                + "jdbcUrl=" + escapeProperty(url) + "\n"
                + "username=" + escapeProperty(user) + "\n"
                + "# HikariCP does not expand ${...}: replace the placeholder from your secret store\n"
                + "password=" + PASSWORD_PLACEHOLDER + "\n"
                + "maximumPoolSize=" + p.maximumPoolSize() + "\n"
                + "minimumIdle=" + p.minimumIdle() + "\n"
                + "connectionTimeout=" + p.connectionTimeoutMs() + "\n"
                + "idleTimeout=" + p.idleTimeoutMs() + "\n"
                + "maxLifetime=" + p.maxLifetimeMs() + "\n"
                + "keepaliveTime=" + p.keepaliveTimeMs() + "\n"
                + "validationTimeout=" + p.validationTimeoutMs() + "\n"
                + "leakDetectionThreshold=" + p.leakDetectionThresholdMs() + "\n";
    }

    private static String spring(String origin, String url, String user, RunDetail.Pool p) {
        return "# " + origin + "\n"
                + "spring:\n"
                + "  datasource:\n"
                + "    url: " + yamlString(url) + "\n"
                + "    username: " + yamlString(user) + "\n"
                + "    password: " + yamlString(PASSWORD_PLACEHOLDER) + "\n"
                + "    hikari:\n"
                + "      maximum-pool-size: " + p.maximumPoolSize() + "\n"
                + "      minimum-idle: " + p.minimumIdle() + "\n"
                + "      connection-timeout: " + p.connectionTimeoutMs() + "\n"
                + "      idle-timeout: " + p.idleTimeoutMs() + "\n"
                + "      max-lifetime: " + p.maxLifetimeMs() + "\n"
                + "      keepalive-time: " + p.keepaliveTimeMs() + "\n"
                + "      validation-timeout: " + p.validationTimeoutMs() + "\n"
                + "      leak-detection-threshold: " + p.leakDetectionThresholdMs() + "\n";
    }

    private static String java(String origin, String url, String user, RunDetail.Pool p) {
        return "// " + origin + "\n"
                + "HikariConfig config = new HikariConfig();\n"
                + "config.setJdbcUrl(" + javaString(url) + ");\n"
                + "config.setUsername(" + javaString(user) + ");\n"
                + "config.setPassword(System.getenv(\"DB_PASSWORD\"));\n"
                + "config.setMaximumPoolSize(" + p.maximumPoolSize() + ");\n"
                + "config.setMinimumIdle(" + p.minimumIdle() + ");\n"
                + "config.setConnectionTimeout(" + p.connectionTimeoutMs() + "L);\n"
                + "config.setIdleTimeout(" + p.idleTimeoutMs() + "L);\n"
                + "config.setMaxLifetime(" + p.maxLifetimeMs() + "L);\n"
                + "config.setKeepaliveTime(" + p.keepaliveTimeMs() + "L);\n"
                + "config.setValidationTimeout(" + p.validationTimeoutMs() + "L);\n"
                + "config.setLeakDetectionThreshold(" + p.leakDetectionThresholdMs() + "L);\n";
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
