package io.poollab.ui.run;

import io.poollab.ui.Fxml;
import javafx.fxml.FXML;
import javafx.scene.Parent;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The Run view's live metrics toggle, its port and the URL it serves. State lives in {@link MetricsEndpointModel}. */
final class MetricsEndpointView {

    private final MetricsEndpointModel model;
    private final Parent root;

    @FXML private CheckBox metricsEnabled;
    @FXML private Spinner<Integer> metricsPort;
    @FXML private Hyperlink metricsUrl;
    @FXML private Label metricsError;

    MetricsEndpointView(MetricsEndpointModel model) {
        this.model = model;
        this.root = Fxml.load(MetricsEndpointView.class, "MetricsEndpointView.fxml", this);
    }

    Parent root() {
        return root;
    }

    @FXML
    private void initialize() {
        metricsEnabled.selectedProperty().bindBidirectional(model.enabledProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory ports =
                new SpinnerValueFactory.IntegerSpinnerValueFactory(1024, 65_535, model.portProperty().get());
        ports.setConverter(SpinnerIntegers.ungrouped());
        metricsPort.setValueFactory(ports);
        ports.valueProperty().addListener((o, was, now) -> {
            if (now != null) {
                model.portProperty().set(now);
            }
        });
        metricsPort.disableProperty().bind(model.enabledProperty());
        metricsUrl.textProperty().bind(model.urlProperty());
        metricsUrl.visibleProperty().bind(model.urlProperty().isNotEmpty());
        metricsUrl.managedProperty().bind(metricsUrl.visibleProperty());
        metricsUrl.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.urlProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        metricsError.textProperty().bind(model.errorProperty());
        metricsError.visibleProperty().bind(model.errorProperty().isNotEmpty());
        metricsError.managedProperty().bind(metricsError.visibleProperty());
    }
}
