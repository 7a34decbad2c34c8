package io.poollab.ui;

import io.poollab.config.ConnectionForm;
import io.poollab.config.PasswordSource;
import io.poollab.config.SavedProfile;
import io.poollab.history.HistoryStore;
import io.poollab.testing.TestPostgres;
import java.nio.file.Path;
import java.util.Map;

/** A workbench on a temporary home, and profiles for the embedded PostgreSQL, for view-model and GUI tests. */
public final class UiTesting {

    private UiTesting() {
    }

    public static Workbench workbench(Path home, Background background) throws Exception {
        return new Workbench(home, Map.of(), HistoryStore.open(home), background, UiPrefs.load(home));
    }

    /** A saved profile for database {@code database} of the embedded server, user postgres, no password (trust). */
    public static SavedProfile postgres(Workbench workbench, String name, String database) throws Exception {
        SavedProfile profile = SavedProfile.of(name, ConnectionForm.postgres("127.0.0.1", TestPostgres.port(),
                database), "postgres", PasswordSource.NONE);
        return workbench.profiles().save(profile);
    }

    /** Waits (polling on the FX thread) until {@code condition} holds; fails with {@code what} after {@code seconds}. */
    public static void waitUntil(int seconds, String what, java.util.function.Supplier<Boolean> condition)
            throws Exception {
        try {
            org.testfx.util.WaitForAsyncUtils.waitFor(seconds, java.util.concurrent.TimeUnit.SECONDS,
                    () -> org.testfx.util.WaitForAsyncUtils.asyncFx(condition::get).get());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("waited " + seconds + " s for " + what, e);
        }
    }

    /** The database name at the end of a JDBC URL from {@link TestPostgres#newDatabase}. */
    public static String databaseOf(String url) {
        return url.substring(url.lastIndexOf('/') + 1);
    }
}
