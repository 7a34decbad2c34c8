package io.poollab.ui;

import io.poollab.config.PoolLabVersion;
import javafx.application.Application;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The window shown until the workbench lands: it says plainly that the GUI is not built yet and how to use the
 * engine from the CLI meanwhile. It shows no numbers, so it cannot show false ones.
 */
public final class PlaceholderApp extends Application {

    @Override
    public void start(Stage stage) {
        Label title = new Label("PoolLab " + PoolLabVersion.get());
        title.getStyleClass().add("title");
        Label body = new Label("""
                The workbench window (connections, live pool charts, history) is not built yet.

                The engine is, and runs from the command line:

                    java -jar target/poollab.jar run --config sample-configs/h2-demo.yaml
                    java -jar target/poollab.jar run --config sample-configs/pg-to-pg.yaml --workers 4 --json
                    java -jar target/poollab.jar check --config FILE
                """);
        body.getStyleClass().add("body");
        VBox root = new VBox(16, title, body);
        root.setPadding(new Insets(24));
        Scene scene = new Scene(root, 900, 250);
        var css = PlaceholderApp.class.getResource("/styles/placeholder.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setTitle("PoolLab — workbench not built yet");
        stage.setScene(scene);
        stage.show();
    }
}
