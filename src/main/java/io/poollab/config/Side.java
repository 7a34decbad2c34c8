package io.poollab.config;

/** Which end of a migration a connection, pool or metric belongs to. */
public enum Side implements ConfigValue {
    SOURCE("source"),
    TARGET("target");

    private final String id;

    Side(String id) {
        this.id = id;
    }

    /** The lower-case name used in configs, JSON, application names and metric labels. */
    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
