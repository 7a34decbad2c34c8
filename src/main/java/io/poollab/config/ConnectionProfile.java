package io.poollab.config;

import java.util.Map;

/**
 * How to reach one database. Holds a {@link Secret} reference, never a resolved password.
 *
 * @param properties extra driver properties, passed to the driver as given
 * @param seed       optional sample data to create on first use, or null
 */
public record ConnectionProfile(
        String jdbcUrl,
        String username,
        Secret password,
        Map<String, String> properties,
        SeedSpec seed) {

    public ConnectionProfile {
        properties = Map.copyOf(properties);
        password = password == null ? Secret.NONE : password;
    }

    public static ConnectionProfile of(String jdbcUrl, String username, Secret password) {
        return new ConnectionProfile(jdbcUrl, username, password, Map.of(), null);
    }
}
