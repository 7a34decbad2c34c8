package io.poollab.demo;

import io.poollab.analysis.PoolFootprint;
import io.poollab.config.RunSpec;
import io.poollab.config.Side;

/**
 * One planned run of a scenario: which variant, which repeat, and the spec it runs (validated when planned).
 *
 * @param variant the variant's name, as the results table and the conclusion say it ("2 readers", "warm")
 * @param repeat  1-based
 */
public record Step(String variant, int repeat, RunSpec spec) {

    /** The connections these settings allow at once, both sides together. */
    public int connectionsAllowed() {
        return PoolFootprint.connections(spec.poolMode(), spec.workers(), spec.pool(Side.SOURCE).maximumPoolSize(),
                spec.pool(Side.TARGET).maximumPoolSize());
    }
}
