package io.poollab.config;

/**
 * Asks PoolLab to create and fill a posts-like sample table in a profile's database the first time it is used,
 * so that a demo config works on a fresh machine. Only for H2 and PostgreSQL sources.
 */
public record SeedSpec(String table, long rows) {
}
