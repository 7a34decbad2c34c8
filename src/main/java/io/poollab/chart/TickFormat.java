package io.poollab.chart;

import io.poollab.text.Units;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.function.DoubleFunction;

/** Axis tick labels in PoolLab's number formats ({@link Units}), so the charts read like the rest of the app. */
final class TickFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    /** Elapsed seconds: {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
    static final TickFormat ELAPSED = new TickFormat(Units::duration);
    /** Milliseconds: {@code 12 µs}, {@code 0.31 ms}, {@code 1.2 s}. */
    static final TickFormat LATENCY = new TickFormat(Units::latency);
    /** Rates: {@code 950}, {@code 41.2k}, {@code 1.23M}. */
    static final TickFormat COMPACT = new TickFormat(Units::compact);

    private final transient DoubleFunction<String> text;

    /** Ticks on whole seconds, minutes and hours of elapsed time, labelled m:ss: never "0:00 0:00 0:01". */
    static org.jfree.chart.axis.TickUnits elapsedUnits() {
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        for (double s : new double[] {1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14_400,
                28_800, 86_400}) {
            units.add(new org.jfree.chart.axis.NumberTickUnit(s, ELAPSED));
        }
        return units;
    }

    TickFormat(DoubleFunction<String> text) {
        this.text = text;
    }

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition pos) {
        return to.append(text.apply(value));
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
