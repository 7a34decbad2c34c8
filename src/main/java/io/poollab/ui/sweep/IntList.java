package io.poollab.ui.sweep;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import java.util.ArrayList;
import java.util.List;

/** Parses "1,2,4" (commas or spaces) into distinct whole numbers ≥ 1, ascending. */
final class IntList {
    private IntList() {
    }

    static List<Integer> parse(String field, String text) throws ConfigException {
        List<Integer> values = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,\\s]+")) {
            if (part.isEmpty()) {
                continue;
            }
            int value;
            try {
                value = Integer.parseInt(part);
            } catch (NumberFormatException e) {
                throw new ConfigException(Problem.error("", field, "\"" + part + "\" is not a whole number"));
            }
            if (value < 1) {
                throw new ConfigException(Problem.error("", field, value + " is less than 1"));
            }
            if (!values.contains(value)) {
                values.add(value);
            }
        }
        if (values.isEmpty()) {
            throw new ConfigException(Problem.error("", field, "give at least one value, e.g. 1,2,4"));
        }
        values.sort(null);
        return List.copyOf(values);
    }
}
