package io.poollab.ui;

import java.util.function.Function;
import javafx.util.StringConverter;

/** Text for values that are picked from a list, never typed: choice boxes and combo boxes. */
public final class Converters {

    private Converters() {
    }

    /** Shows each value as {@code text} says; null is offered to it too (a "default" entry). */
    public static <T> StringConverter<T> showing(Function<T, String> text) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return text.apply(value);
            }

            @Override
            public T fromString(String s) {
                throw new UnsupportedOperationException("values are picked, not typed");
            }
        };
    }

    /** A config value's id ({@code shared}, {@code perPartition}), as in the YAML. */
    public static <T extends io.poollab.config.ConfigValue> StringConverter<T> ids() {
        return showing(v -> v == null ? "" : v.id());
    }
}
