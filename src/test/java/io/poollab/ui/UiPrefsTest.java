package io.poollab.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UiPrefsTest {

    @TempDir
    Path home;

    @Test
    void windowThemeAndLastProfilesSurviveARestart() {
        UiPrefs prefs = UiPrefs.load(home);
        prefs.set("window.width", "1500.0");
        prefs.set("theme", "dark");
        prefs.set("run.source", "H2 demo source");
        prefs.save();

        UiPrefs again = UiPrefs.load(home);

        assertThat(again.number("window.width")).contains(1500.0);
        assertThat(Theme.fromId(again.get("theme").orElseThrow())).isEqualTo(Theme.DARK);
        assertThat(again.get("run.source")).contains("H2 demo source");
    }

    @Test
    void anUnreadableFileMeansDefaultsNotAFailedStart() throws Exception {
        Files.write(home.resolve(UiPrefs.FILE), new byte[] {'\\', 'u', 'z', 'z'});

        UiPrefs prefs = UiPrefs.load(home);

        assertThat(prefs.get("theme")).isEmpty();
        assertThat(prefs.number("window.width")).isEmpty();
    }
}
