package io.poollab.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Stroke;

/**
 * One colour per meaning, the same in every chart on screen, in reports and in the demo (Okabe–Ito, safe for
 * colour-blind readers). Percentiles also differ in line style, so no reading depends on colour alone.
 */
public final class Palette {

    public static final Color ACTIVE = new Color(0x0072B2);
    public static final Color IDLE = new Color(0x999999);
    public static final Color PENDING = new Color(0xE69F00);
    public static final Color FAULT = new Color(0xD55E00);
    public static final Color THROUGHPUT = new Color(0x009E73);
    /** Source and target, where one chart holds both sides (acquire wait). */
    public static final Color SOURCE = new Color(0xCC79A7);
    public static final Color TARGET = new Color(0x56B4E9);

    /** Server session states, in WaitBucket order: CPU as active, IO as waiting, Lock as a fault, idle grey. */
    public static final java.util.List<Color> SERVER_STATES = java.util.List.of(ACTIVE, PENDING, FAULT,
            new Color(0xF0E442), TARGET, SOURCE, new Color(0x666666), IDLE, new Color(0x000000));

    public static final Stroke P50 = new BasicStroke(1.5f);
    public static final Stroke P95 = new BasicStroke(2.0f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {7f, 4f}, 0f);
    public static final Stroke P99 = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 1f,
            new float[] {1.5f, 3.5f}, 0f);
    public static final Stroke SESSIONS = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {5f, 4f}, 0f);
    public static final Stroke MAX_LINE = new BasicStroke(1.5f);
    public static final Stroke MARKER = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f,
            new float[] {3f, 3f}, 0f);

    private Palette() {
    }

    /** The three percentile strengths of one hue: p50 lightest, p99 full. */
    public static Color strength(Color hue, double alpha) {
        return new Color(hue.getRed(), hue.getGreen(), hue.getBlue(), (int) Math.round(alpha * 255));
    }
}
