package io.poollab.config;

/** The host and TCP port a JDBC URL connects to: where the latency proxy forwards. */
public record NetworkEndpoint(String host, int port) {

    /** {@code db.example.com:5432}, {@code [::1]:5432}. */
    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
