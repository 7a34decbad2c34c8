package io.poollab.ui;

import io.poollab.config.ConfigException;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;

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

    /** Shows {@code message} in {@code label} beside what caused it, and takes no room while there is none. */
    public static void showInline(Label label, ObservableValue<String> message) {
        message.addListener((o, was, now) -> {
            label.setText(now == null ? "" : now);
            label.setVisible(now != null);
            label.setManaged(now != null);
        });
    }
}
