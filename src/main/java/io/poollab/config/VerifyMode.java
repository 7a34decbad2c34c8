package io.poollab.config;

/** How a run proves that the target holds exactly the source's rows. */
public enum VerifyMode implements ConfigValue {
    NONE("none"),
    /** Rows read from the source equal rows counted in the target. */
    COUNTS("counts"),
    /** An order-independent digest of every row's values, source as read versus target read back. */
    CHECKSUM("checksum");

    private final String id;

    VerifyMode(String id) {
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
