package io.poollab.demo;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import io.poollab.config.SimulatedNetwork;
import io.poollab.text.Units;

/**
 * How big a demo is.
 *
 * @param rows      posts-like rows in the source table (generated once per size, then reused)
 * @param repeats   runs per variant; 0 for the scenario's own default ({@link Scenario#defaultRepeats})
 * @param latencyMs one-way delay the latency proxy adds in front of the target (a round trip costs twice this)
 */
public record DemoOptions(long rows, int repeats, long latencyMs) {

    /** About a minute or two per scenario on a 2-core machine. */
    public static final long DEFAULT_ROWS = 200_000;
    public static final long MAX_ROWS = 100_000_000;
    /** 10 ms each way: a database in the next data centre, RTT +20 ms. */
    public static final long DEFAULT_LATENCY_MS = 10;
    public static final int MAX_REPEATS = 10;

    public static DemoOptions defaults() {
        return new DemoOptions(DEFAULT_ROWS, 0, DEFAULT_LATENCY_MS);
    }

    /** The runs per variant for {@code scenario}. */
    public int repeatsFor(Scenario scenario) {
        return repeats > 0 ? repeats : scenario.defaultRepeats();
    }

    /** Refuses values that cannot make a demo, naming the option: nothing is started before this passes. */
    public void validate() throws ConfigException {
        if (rows < 1 || rows > MAX_ROWS) {
            throw new ConfigException(Problem.error("", "--rows", "must be between 1 and " + Units.count(MAX_ROWS)
                    + ", got " + rows));
        }
        if (repeats < 0 || repeats > MAX_REPEATS) {
            throw new ConfigException(Problem.error("", "--repeat", "must be between 1 and " + MAX_REPEATS + ", got "
                    + repeats));
        }
        if (latencyMs < 0 || latencyMs > SimulatedNetwork.MAX_LATENCY_MS) {
            throw new ConfigException(Problem.error("", "--latency-ms", "must be between 0 and "
                    + Units.count(SimulatedNetwork.MAX_LATENCY_MS) + ", got " + latencyMs));
        }
    }
}
