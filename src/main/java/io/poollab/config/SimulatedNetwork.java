package io.poollab.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A network to put between PoolLab and one database, through the latency proxy. On localhost every connection is
 * nearly free, so pool settings barely matter; with a round trip that costs what it costs in production, they do.
 * All zero (the default) means no proxy.
 *
 * @param latencyMs     one-way delay added in each direction: a round trip costs twice this
 * @param jitterMs      each delay varies uniformly within ±jitterMs; at most latencyMs, so a delay never goes below 0
 * @param bandwidthMbps cap per direction and connection, in megabits per second; 0 for none
 */
public record SimulatedNetwork(long latencyMs, long jitterMs, double bandwidthMbps) {

    public static final SimulatedNetwork NONE = new SimulatedNetwork(0, 0, 0);
    public static final long MAX_LATENCY_MS = 10_000;
    public static final double MIN_BANDWIDTH_MBPS = 0.01;
    public static final double MAX_BANDWIDTH_MBPS = 100_000;
    /** The three keys, in run configs ({@code source:}, {@code target:}) and saved profiles alike. */
    static final String[] KEYS = {"latencyMs", "jitterMs", "bandwidthMbps"};

    /** The three keys of a run config's profile or of a saved profile; absent ones are 0. */
    static SimulatedNetwork read(ConfigTree.Node profile) {
        return new SimulatedNetwork(profile.number("latencyMs").orElse(0), profile.number("jitterMs").orElse(0),
                profile.decimal("bandwidthMbps").orElse(0));
    }

    /** True when connections must go through the proxy. */
    public boolean isOn() {
        return latencyMs != 0 || jitterMs != 0 || bandwidthMbps != 0;
    }

    /**
     * What is wrong with these values for a profile with this URL and driver properties, each naming its field
     * ({@code prefix} + key): a value out of range, jitter above the latency, or a URL the proxy cannot sit on.
     */
    public List<Problem> problems(String prefix, String jdbcUrl, Map<String, String> properties) {
        List<Problem> problems = new ArrayList<>();
        if (latencyMs < 0 || latencyMs > MAX_LATENCY_MS) {
            problems.add(error(prefix + "latencyMs", "must be between 0 and " + String.format("%,d", MAX_LATENCY_MS)
                    + " ms, got " + latencyMs));
        }
        if (jitterMs < 0) {
            problems.add(error(prefix + "jitterMs", "must be 0 or more, got " + jitterMs));
        } else if (jitterMs > latencyMs && latencyMs >= 0) {
            problems.add(error(prefix + "jitterMs", jitterMs + " ms is more than latencyMs " + latencyMs
                    + " ms: a delay would go below zero"));
        }
        if (bandwidthMbps != 0 && !(bandwidthMbps >= MIN_BANDWIDTH_MBPS && bandwidthMbps <= MAX_BANDWIDTH_MBPS)) {
            problems.add(error(prefix + "bandwidthMbps", "must be 0 (no cap) or between " + MIN_BANDWIDTH_MBPS
                    + " and " + String.format("%,.0f", MAX_BANDWIDTH_MBPS) + " Mbit/s, got " + format(bandwidthMbps)));
        }
        // Where the values themselves are wrong, that is the one thing to fix first.
        if (problems.isEmpty() && isOn() && jdbcUrl != null && !jdbcUrl.isBlank()) {
            endpointProblem(jdbcUrl, properties).ifPresent(message -> problems.add(error(prefix + firstKeySet(),
                    message)));
        }
        return problems;
    }

    /** {@code +20 ms each way (RTT +40 ms), ±5 ms jitter, 8 Mbit/s}; empty when off. */
    public String describe() {
        if (!isOn()) {
            return "";
        }
        StringBuilder text = new StringBuilder("+" + latencyMs + " ms each way (RTT +" + 2 * latencyMs + " ms)");
        if (jitterMs > 0) {
            text.append(", ±").append(jitterMs).append(" ms jitter");
        }
        if (bandwidthMbps > 0) {
            text.append(", ").append(format(bandwidthMbps)).append(" Mbit/s");
        }
        return text.toString();
    }

    /** {@code 8}, {@code 0.5}: a whole number without its {@code .0}. */
    public static String format(double mbps) {
        return mbps == Math.rint(mbps) && Math.abs(mbps) < 1e15 ? Long.toString((long) mbps)
                : String.format(Locale.ROOT, "%s", mbps);
    }

    private String firstKeySet() {
        return latencyMs != 0 ? "latencyMs" : jitterMs != 0 ? "jitterMs" : "bandwidthMbps";
    }

    private static Optional<String> endpointProblem(String jdbcUrl, Map<String, String> properties) {
        String url = jdbcUrl.trim();
        if (url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:tcp://")) {
            return Optional.of(JdbcUrls.withoutPassword(url) + " has no network endpoint: the latency proxy sits on a "
                    + "TCP connection, so use an H2 server (jdbc:h2:tcp://HOST:PORT/…) or remove the setting");
        }
        if (UrlEndpoints.endpoint(url).isEmpty()) {
            return Optional.of("the latency proxy needs one host and port in the JDBC URL, and "
                    + JdbcUrls.withoutPassword(url) + " names none PoolLab can read (several hosts, or a SQL Server "
                    + "instance found by name: give its port)");
        }
        String sslmode = JdbcUrls.parse(url).map(p -> p.form().sslmode()).orElse(properties.get("sslmode"));
        if ("verify-full".equals(properties.getOrDefault("sslmode", sslmode))) {
            return Optional.of("sslmode=verify-full checks the server's name, which is 127.0.0.1 through the "
                    + "latency proxy; use verify-ca, or remove the setting");
        }
        return Optional.empty();
    }

    private static Problem error(String field, String message) {
        return Problem.error("", field, message);
    }
}
