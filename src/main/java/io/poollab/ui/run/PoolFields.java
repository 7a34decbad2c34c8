package io.poollab.ui.run;

import java.util.Map;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;

/** Lays out one side's HikariCP fields: name, value, and the refusal reason right under a bad value. */
final class PoolFields {

    private PoolFields() {
    }

    static void fill(GridPane grid, String title, PoolForm form) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        grid.add(heading, 0, 0, 2, 1);
        int row = 1;
        for (Map.Entry<String, String> field : PoolForm.FIELDS.entrySet()) {
            String name = field.getKey();
            Label label = new Label(name);
            label.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
            Tooltip tip = new Tooltip(name + ": " + field.getValue());
            tip.setWrapText(true);
            tip.setMaxWidth(380);
            label.setTooltip(tip);
            TextField value = new TextField();
            value.setId(form.side().id() + "-" + name);
            value.setPrefColumnCount(7);
            value.setTooltip(tip);
            value.textProperty().bindBidirectional(form.valueProperty(name));
            value.getStyleClass().add("numeric-field");
            Label error = new Label();
            error.getStyleClass().add("inline-error");
            error.setWrapText(true);
            error.setMaxWidth(240);
            error.textProperty().bind(form.errorProperty(name));
            error.visibleProperty().bind(form.errorProperty(name).isNotEmpty());
            error.managedProperty().bind(error.visibleProperty());
            form.errorProperty(name).addListener((o, was, now) -> {
                value.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("danger"), now != null);
            });
            grid.add(label, 0, row);
            grid.add(value, 1, row);
            grid.add(error, 0, row + 1, 2, 1);
            row += 2;
        }
    }
}
