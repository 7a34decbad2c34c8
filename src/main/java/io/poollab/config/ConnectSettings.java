package io.poollab.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A profile with its password resolved and the dialect's driver properties added: what actually opens
 * connections. Lives only in memory; {@link #toString()} hides the password.
 *
 * @param network what to simulate between the driver and the server; whoever opens connections starts the
 *                latency proxy for it ({@link #proxyTarget}, {@link #throughProxy})
 */
public record ConnectSettings(String jdbcUrl, String username, Optional<String> password,
                              Map<String, String> driverProperties, Optional<String> initSql,
                              SimulatedNetwork network) {

    public ConnectSettings {
        driverProperties = Map.copyOf(driverProperties);
        network = network == null ? SimulatedNetwork.NONE : network;
    }

    /** Settings for a direct connection. */
    public ConnectSettings(String jdbcUrl, String username, Optional<String> password,
                           Map<String, String> driverProperties, Optional<String> initSql) {
        this(jdbcUrl, username, password, driverProperties, initSql, SimulatedNetwork.NONE);
    }

    /**
     * @param dialectProperties the dialect's defaults (application name, timeouts); the profile's own
     *                          properties win, so a user can override any of them
     */
    public static ConnectSettings resolve(ConnectionProfile profile, Map<String, String> environment,
                                          Map<String, String> dialectProperties, Optional<String> initSql)
            throws ConfigException {
        Map<String, String> properties = new HashMap<>(dialectProperties);
        properties.putAll(profile.properties());
        return new ConnectSettings(profile.jdbcUrl(), profile.username(), profile.password().resolve(environment),
                properties, initSql, profile.network());
    }

    public ConnectSettings withProperty(String key, String value) {
        Map<String, String> properties = new HashMap<>(driverProperties);
        properties.put(key, value);
        return new ConnectSettings(jdbcUrl, username, password, properties, initSql, network);
    }

    /**
     * The server a latency proxy must forward to: present when the network is simulated, empty for a direct
     * connection.
     *
     * @throws IllegalStateException the URL has no single endpoint, which validation reports before this is reached
     */
    public Optional<NetworkEndpoint> proxyTarget() {
        if (!network.isOn()) {
            return Optional.empty();
        }
        return Optional.of(JdbcUrls.endpoint(jdbcUrl).orElseThrow(() -> new IllegalStateException(
                "a simulated network needs one host and port in the JDBC URL; validation should have said so")));
    }

    /**
     * The same settings pointed at a latency proxy on {@code 127.0.0.1:port}: only the URL's host and port change,
     * and the network is marked as simulated already, so that nothing starts a second proxy for it.
     */
    public ConnectSettings throughProxy(int port) {
        return new ConnectSettings(JdbcUrls.throughLoopback(jdbcUrl, port), username, password, driverProperties,
                initSql, SimulatedNetwork.NONE);
    }

    @Override
    public String toString() {
        return "ConnectSettings[" + jdbcUrl + ", user " + username + (password.isPresent() ? ", password hidden" : "")
                + (network.isOn() ? ", " + network.describe() : "") + "]";
    }
}
