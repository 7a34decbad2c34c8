package io.poollab.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A profile with its password resolved and the dialect's driver properties added: what actually opens
 * connections. Lives only in memory; {@link #toString()} hides the password.
 */
public record ConnectSettings(String jdbcUrl, String username, Optional<String> password,
                              Map<String, String> driverProperties, Optional<String> initSql) {

    public ConnectSettings {
        driverProperties = Map.copyOf(driverProperties);
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
                properties, initSql);
    }

    public ConnectSettings withProperty(String key, String value) {
        Map<String, String> properties = new HashMap<>(driverProperties);
        properties.put(key, value);
        return new ConnectSettings(jdbcUrl, username, password, properties, initSql);
    }

    @Override
    public String toString() {
        return "ConnectSettings[" + jdbcUrl + ", user " + username + (password.isPresent() ? ", password hidden" : "")
                + "]";
    }
}
