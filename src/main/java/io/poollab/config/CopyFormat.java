package io.poollab.config;

/** The COPY wire format used when both ends are PostgreSQL and rows pass through undecoded. */
public enum CopyFormat implements ConfigValue {
    BINARY("binary"),
    TEXT("text");

    private final String id;

    CopyFormat(String id) {
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
