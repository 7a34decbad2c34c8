package io.poollab.chart;

import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels for elapsed seconds: {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
final class ElapsedFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double seconds, StringBuffer to, FieldPosition pos) {
        return to.append(io.poollab.text.Units.duration(seconds));
    }

    @Override
    public StringBuffer format(long seconds, StringBuffer to, FieldPosition pos) {
        return format((double) seconds, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are never parsed");
    }
}
