package io.poollab.ui.run;

import java.util.Locale;
import javafx.util.StringConverter;

/**
 * Spinner text for counts: shows {@code 10,000}, accepts {@code 10000}, {@code 10,000} or {@code 10_000}. Text that
 * is not a number leaves the value unchanged, as the spinner's own converter would throw instead.
 */
public final class SpinnerIntegers extends StringConverter<Integer> {

    private final String zero;
    private final boolean grouped;

    public SpinnerIntegers() {
        this(null);
    }

    /** @param zero the word shown for 0 (and accepted for it), such as "auto"; null shows 0 */
    SpinnerIntegers(String zero) {
        this(zero, true);
    }

    private SpinnerIntegers(String zero, boolean grouped) {
        this.zero = zero;
        this.grouped = grouped;
    }

    /** For numbers that name something (a port): shown without a thousands separator, "9464". */
    static SpinnerIntegers ungrouped() {
        return new SpinnerIntegers(null, false);
    }

    @Override
    public String toString(Integer value) {
        if (value != null && value == 0 && zero != null) {
            return zero;
        }
        return value == null ? "" : String.format(Locale.ROOT, grouped ? "%,d" : "%d", value);
    }

    @Override
    public Integer fromString(String text) {
        if (text == null) {
            return null;
        }
        if (zero != null && text.trim().equalsIgnoreCase(zero)) {
            return 0;
        }
        String digits = text.trim().replace(",", "").replace("_", "").replace(" ", "");
        try {
            return Integer.valueOf(digits);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
