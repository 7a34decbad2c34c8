package io.poollab.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Where PoolLab keeps its history, profiles and demo data: --home, else $POOLLAB_HOME, else ~/.poollab. */
public final class PoolLabHome {

    private PoolLabHome() {
    }

    public static Path resolve(String override, Map<String, String> environment) {
        if (override != null && !override.isBlank()) {
            return Path.of(override).toAbsolutePath();
        }
        String fromEnvironment = environment.get("POOLLAB_HOME");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".poollab");
    }

    public static Path ensure(Path home) throws ConfigException {
        try {
            return Files.createDirectories(home);
        } catch (java.io.IOException e) {
            throw new ConfigException("cannot create the PoolLab home " + home + ": " + e.getMessage());
        }
    }
}
