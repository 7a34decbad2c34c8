package io.poollab.config;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** PoolLab's version, from the pom, filtered into {@code version.properties} at build time. */
public final class PoolLabVersion {

    private static final String VERSION = read();

    private PoolLabVersion() {
    }

    public static String get() {
        return VERSION;
    }

    private static String read() {
        Properties properties = new Properties();
        try (InputStream in = PoolLabVersion.class.getResourceAsStream("/io/poollab/version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            return "unknown";
        }
        return properties.getProperty("version", "unknown");
    }
}
