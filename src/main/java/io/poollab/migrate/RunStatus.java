package io.poollab.migrate;

import io.poollab.config.ConfigValue;

/** How a run ended (or that it has not). */
public enum RunStatus implements ConfigValue {
    RUNNING("running"),
    SUCCEEDED("succeeded"),
    FAILED("failed"),
    CANCELLED("cancelled"),
    INTERRUPTED("interrupted");

    private final String id;

    RunStatus(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return id;
    }
}
