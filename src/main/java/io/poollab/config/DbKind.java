package io.poollab.config;

/** The database kinds PoolLab connects to, with the ids used in JDBC URLs, profiles and the CLI. */
public enum DbKind implements ConfigValue {
    POSTGRESQL("postgresql", 5432),
    SQLSERVER("sqlserver", 1433),
    /** Port 9092 applies only to an H2 TCP server; an embedded H2 has no port. */
    H2("h2", 9092);

    private final String id;
    private final int defaultPort;

    DbKind(String id, int defaultPort) {
        this.id = id;
        this.defaultPort = defaultPort;
    }

    @Override
    public String id() {
        return id;
    }

    /** The port the driver uses when the URL names none. */
    public int defaultPort() {
        return defaultPort;
    }
}
