package io.poollab.config;

/** What happens to the target table before rows are copied. */
public enum TargetMode implements ConfigValue {
    /** Create the table with mapped types; refuse if it exists and holds rows. */
    CREATE("create"),
    /** Empty an existing table first. */
    TRUNCATE("truncate"),
    /** Add rows to an existing table. */
    APPEND("append"),
    /** Drop the table if it exists, then create it: a clean target for every run of a demo or a sweep. */
    RECREATE("recreate");

    private final String id;

    TargetMode(String id) {
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
