package io.poollab.pool;

import io.poollab.config.ConfigValue;

/** Pool health, by the thresholds in {@link HealthTracker}. */
public enum Health implements ConfigValue {
    HEALTHY("healthy"),
    DEGRADED("degraded"),
    UNHEALTHY("unhealthy");

    private final String id;

    Health(String id) {
        this.id = id;
    }

    @Override
    public String id() {
        return id;
    }

    public Health worse(Health other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    @Override
    public String toString() {
        return id;
    }
}
