package io.poollab.ui.run;

import io.poollab.config.SavedProfile;
import java.util.Optional;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** Asks for a profile's password at start: held in memory for the run, never written anywhere. */
final class PasswordDialog {

    private PasswordDialog() {
    }

    static Optional<String> ask(SavedProfile profile, Window owner) {
        Dialog<String> dialog = new Dialog<>();
        dialog.setTitle("Password for " + profile.name());
        dialog.setHeaderText(null);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        PasswordField field = new PasswordField();
        field.setPromptText("password");
        Label hint = new Label("Password for " + (profile.username() == null ? "" : profile.username() + " on ")
                + profile.name() + ". PoolLab keeps it in memory for this run only.");
        hint.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(8, hint, field));
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setResultConverter(b -> b == ButtonType.OK ? field.getText() : null);
        javafx.application.Platform.runLater(field::requestFocus);
        return dialog.showAndWait();
    }
}
