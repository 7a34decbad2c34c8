package io.poollab.chart;

import io.poollab.text.Units;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;

/** Tick labels for rates: {@code 950}, {@code 41.2k}, {@code 1.23M}. */
final class CompactFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition pos) {
        return to.append(Units.compact(value));
    }

    @Override
    public StringBuffer format(long value, StringBuffer to, FieldPosition pos) {
        return format((double) value, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition parsePosition) {
        throw new UnsupportedOperationException("tick labels are never parsed");
    }
}
