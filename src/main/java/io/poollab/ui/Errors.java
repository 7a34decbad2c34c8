package io.poollab.ui;

import io.poollab.config.ConfigException;

/** The one line a view shows for a failure: a config problem located in the user's terms, else the first line. */
public final class Errors {

    private Errors() {
    }

    public static String oneLine(Exception e) {
        if (e instanceof ConfigException config && !config.problems().isEmpty()) {
            return config.problems().get(0).oneLine();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
