package io.poollab.ui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.poollab.chart.ChartTheme;
import javafx.application.Application;
import javafx.scene.Scene;

/** AtlantaFX's Primer pair as the base, PoolLab's own CSS from {@code styles/} on top, and the matching chart colours. */
public enum Theme {
    LIGHT("light", new PrimerLight().getUserAgentStylesheet(), "/styles/light.css", ChartTheme.LIGHT),
    DARK("dark", new PrimerDark().getUserAgentStylesheet(), "/styles/dark.css", ChartTheme.DARK);

    private static final String COMMON = "/styles/poollab.css";

    private final String id;
    private final String base;
    private final String accents;
    private final ChartTheme charts;

    Theme(String id, String base, String accents, ChartTheme charts) {
        this.id = id;
        this.base = base;
        this.accents = accents;
        this.charts = charts;
    }

    public String id() {
        return id;
    }

    public ChartTheme charts() {
        return charts;
    }

    public Theme other() {
        return this == LIGHT ? DARK : LIGHT;
    }

    public static Theme fromId(String id) {
        return DARK.id.equals(id) ? DARK : LIGHT;
    }

    /** Switches the whole application at run time: every open window follows. */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(base);
        scene.getStylesheets().setAll(stylesheet(COMMON), stylesheet(accents));
    }

    /**
     * Gives one window this theme without changing the others' (the demo's dark presentation over a light
     * workbench): the theme's base goes in as the scene's own first stylesheet instead of the application's.
     */
    public void applyToOnly(Scene scene) {
        scene.getStylesheets().setAll(base, stylesheet(COMMON), stylesheet(accents));
    }

    private static String stylesheet(String path) {
        var url = Theme.class.getResource(path);
        if (url == null) {
            throw new IllegalStateException(path + " is missing from the classpath (the pom packages styles/)");
        }
        return url.toExternalForm();
    }
}
