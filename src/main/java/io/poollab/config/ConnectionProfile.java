package io.poollab.config;

import java.util.Map;

/**
 * How to reach one database. Holds a {@link Secret} reference, never a resolved password.
 *
 * @param properties extra driver properties, passed to the driver as given
 * @param seed       optional sample data to create on first use, or null
 * @param network    the latency, jitter and bandwidth to simulate through the latency proxy; {@link
 *                   SimulatedNetwork#NONE} for a direct connection
 */
public record ConnectionProfile(
        String jdbcUrl,
        String username,
        Secret password,
        Map<String, String> properties,
        SeedSpec seed,
        SimulatedNetwork network) {

    public ConnectionProfile {
        properties = Map.copyOf(properties);
        password = password == null ? Secret.NONE : password;
        network = network == null ? SimulatedNetwork.NONE : network;
    }

    /** A direct connection, without a simulated network. */
    public ConnectionProfile(String jdbcUrl, String username, Secret password, Map<String, String> properties,
                             SeedSpec seed) {
        this(jdbcUrl, username, password, properties, seed, SimulatedNetwork.NONE);
    }

    public static ConnectionProfile of(String jdbcUrl, String username, Secret password) {
        return new ConnectionProfile(jdbcUrl, username, password, Map.of(), null);
    }

    public ConnectionProfile withNetwork(SimulatedNetwork simulated) {
        return new ConnectionProfile(jdbcUrl, username, password, properties, seed, simulated);
    }
}
