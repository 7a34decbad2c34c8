package io.poollab.ui;

import io.poollab.config.PoolLabHome;
import io.poollab.config.ProfileStore;
import io.poollab.history.HistoryStore;
import io.poollab.migrate.Engine;
import io.poollab.runner.RunLauncher;
import java.nio.file.Path;
import java.util.Map;
import io.poollab.chart.ChartTheme;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.beans.property.SimpleObjectProperty;

/**
 * What every view shares: the PoolLab home, the history, the run launcher, background work, preferences and the
 * theme. Built before the window opens (off the FX thread), closed after it closed.
 */
public final class Workbench implements AutoCloseable {

    private final Path home;
    private final Map<String, String> environment;
    private final HistoryStore history;
    private final RunLauncher launcher;
    private final Background background;
    private final UiPrefs prefs;
    private final ProfileStore profiles;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);

    public Workbench(Path home, Map<String, String> environment, HistoryStore history, Background background,
                     UiPrefs prefs) {
        this.home = home;
        this.environment = Map.copyOf(environment);
        this.history = history;
        this.launcher = new RunLauncher(new Engine(environment), history);
        this.background = background;
        this.prefs = prefs;
        this.profiles = new ProfileStore(home);
        theme.set(Theme.fromId(prefs.get("theme").orElse("light")));
        theme.addListener((o, was, now) -> {
            prefs.set("theme", now.id());
            background.run(prefs::save);
        });
    }

    /** Opens the history under {@code home} (or $POOLLAB_HOME, or ~/.poollab): file I/O, so never on the FX thread. */
    public static Workbench open(Path homeOverride, Map<String, String> environment, Background background)
            throws io.poollab.config.ConfigException {
        Path home = PoolLabHome.ensure(homeOverride != null ? homeOverride
                : PoolLabHome.resolve(null, environment));
        HistoryStore history = HistoryStore.open(home);
        return new Workbench(home, environment, history, background, UiPrefs.load(home));
    }

    public Path home() {
        return home;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public HistoryStore history() {
        return history;
    }

    public RunLauncher launcher() {
        return launcher;
    }

    public Background background() {
        return background;
    }

    /** Saved connection profiles under the home (never with a password), the built-in demo ones first. */
    public ProfileStore profiles() {
        return profiles;
    }

    public UiPrefs prefs() {
        return prefs;
    }

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** The chart colours of the current theme, for chart panes to follow. */
    public ObservableValue<ChartTheme> chartTheme() {
        return Bindings.createObjectBinding(() -> theme.get().charts(), theme);
    }

    @Override
    public void close() {
        background.close();
        history.close();
    }
}
