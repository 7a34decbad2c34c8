package io.poollab.config;

/** How long a worker keeps a borrowed connection. */
public enum HoldConnections implements ConfigValue {
    /** Borrow once per partition; the whole partition is one read and one write transaction. */
    PER_PARTITION("perPartition"),
    /** Borrow per batch of {@code batchRows}: read by keyset, write and commit, give the connection back. */
    PER_BATCH("perBatch");

    private final String id;

    HoldConnections(String id) {
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
