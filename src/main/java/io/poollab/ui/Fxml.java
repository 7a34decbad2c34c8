package io.poollab.ui;

import java.io.IOException;
import java.io.UncheckedIOException;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/** Loads a view's FXML (beside the view class in resources) with the given controller. */
public final class Fxml {

    private Fxml() {
    }

    public static Parent load(Class<?> view, String name, Object controller) {
        var url = view.getResource(name);
        if (url == null) {
            throw new IllegalStateException(name + " is missing beside " + view.getName());
        }
        FXMLLoader loader = new FXMLLoader(url);
        loader.setController(controller);
        try {
            return loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + url, e);
        }
    }
}
