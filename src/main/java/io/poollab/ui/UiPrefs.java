package io.poollab.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the workbench remembers between sessions (window bounds, theme, last profiles and view), in
 * {@code $POOLLAB_HOME/workbench.properties}. Read before the window opens, written off the FX thread.
 */
public final class UiPrefs {

    private static final Logger LOG = LoggerFactory.getLogger(UiPrefs.class);
    static final String FILE = "workbench.properties";

    private final Path file;
    private final Properties values = new Properties();

    private UiPrefs(Path file) {
        this.file = file;
    }

    /** Loads the preferences; a missing or unreadable file means defaults (logged), never a failed start. */
    public static UiPrefs load(Path home) {
        UiPrefs prefs = new UiPrefs(home.resolve(FILE));
        if (Files.isRegularFile(prefs.file)) {
            try (InputStream in = Files.newInputStream(prefs.file)) {
                prefs.values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("ignoring unreadable workbench preferences {}: {}", prefs.file, e.getMessage());
            }
        }
        return prefs;
    }

    public synchronized Optional<String> get(String key) {
        return Optional.ofNullable(values.getProperty(key));
    }

    public Optional<Double> number(String key) {
        return get(key).flatMap(v -> {
            try {
                return Optional.of(Double.parseDouble(v));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    public synchronized void set(String key, String value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.setProperty(key, value);
        }
    }

    /** Writes atomically (temp file, then move), so a crash mid-write keeps the previous preferences. */
    public void save() {
        Properties copy;
        synchronized (this) {
            copy = new Properties();
            copy.putAll(values);
        }
        try {
            Files.createDirectories(file.getParent());
            Path temp = Files.createTempFile(file.getParent(), FILE, ".tmp");
            try (OutputStream out = Files.newOutputStream(temp)) {
                copy.store(out, "PoolLab workbench: window, theme and last used profiles");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("cannot save workbench preferences to {}: {}", file, e.getMessage());
        }
    }
}
