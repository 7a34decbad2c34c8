package io.poollab.chart;

import io.poollab.text.Units;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels for milliseconds in PoolLab's latency style: {@code 12 µs}, {@code 0.31 ms}, {@code 1.2 s}. */
final class LatencyFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double ms, StringBuffer to, FieldPosition pos) {
        return to.append(Units.latency(ms));
    }

    @Override
    public StringBuffer format(long ms, StringBuffer to, FieldPosition pos) {
        return format((double) ms, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are never parsed");
    }
}
