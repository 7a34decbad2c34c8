package io.poollab.config;

/**
 * Values given on the command line (or by a sweep) that replace the config's own. Null means "keep the config's".
 *
 * @param poolSize maximumPoolSize of both sides; a minimumIdle left at its default follows it
 */
public record Overrides(Integer workers, Integer poolSize, PoolMode poolMode, String label) {

    public static final Overrides NONE = new Overrides(null, null, null, null);
}
