package io.poollab.config;

/**
 * Asks PoolLab to create and fill a posts-like sample table in a profile's database the first time it is used,
 * so that a demo config works on a fresh machine. Only for H2 and PostgreSQL sources.
 */
public record SeedSpec(String table, long rows) {

    static final long DEFAULT_ROWS = 200_000;

    /** The {@code seed:} mapping under {@code parent} (a run config's profile, or a saved profile), or null. */
    static SeedSpec read(ConfigTree.Node parent) {
        ConfigTree.Node seed = parent.mapping("seed");
        if (!seed.isPresent()) {
            return null;
        }
        seed.allowOnly("table", "rows");
        long rows = seed.number("rows").orElse(DEFAULT_ROWS);
        if (rows < 1 || rows > 1_000_000_000L) {
            seed.child("rows").error("must be between 1 and 1,000,000,000, got " + rows);
        }
        return new SeedSpec(seed.text("table").orElse("posts"), rows);
    }
}
