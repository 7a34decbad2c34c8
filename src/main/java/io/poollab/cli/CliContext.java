package io.poollab.cli;

import io.poollab.config.PoolLabHome;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What every command gets: its streams, the environment and the PoolLab home. */
record CliContext(PrintStream out, PrintStream err, Map<String, String> environment, String homeOverride,
                  boolean debug) {

    Path home() {
        return PoolLabHome.resolve(homeOverride, environment);
    }
}
