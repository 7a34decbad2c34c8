package io.poollab.chart;

import java.awt.Color;

/**
 * The neutral colours around the data (backgrounds, grid, text, the lines that mean "limit"), per UI theme. The
 * data colours of {@link Palette} do not change with the theme.
 */
public record ChartTheme(Color background, Color plot, Color grid, Color text, Color limit, Color marker) {

    public static final ChartTheme LIGHT = new ChartTheme(new Color(0xFFFFFF), new Color(0xFFFFFF),
            new Color(0xE1E4E8), new Color(0x24292F), new Color(0x24292F), new Color(0x57606A));

    public static final ChartTheme DARK = new ChartTheme(new Color(0x0D1117), new Color(0x0D1117),
            new Color(0x30363D), new Color(0xC9D1D9), new Color(0xE6EDF3), new Color(0x8B949E));
}
