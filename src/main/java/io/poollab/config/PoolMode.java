package io.poollab.config;

/** How workers get their connections. */
public enum PoolMode implements ConfigValue {
    /** One source pool and one target pool shared by every worker: a global pool with a cap. */
    SHARED("shared"),
    /** Each worker owns a source and a target pool of the configured size: connections multiply with workers. */
    PER_WORKER("per-worker"),
    /** A new physical connection per borrow, closed on return: the "disable pooling" diagnostic. */
    UNPOOLED("unpooled");

    private final String id;

    PoolMode(String id) {
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
