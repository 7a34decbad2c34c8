package io.poollab.ui.demo;

import io.poollab.ui.run.RunMonitor;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;

/**
 * The three numbers a demo is about, for the run going on: rows/s written, the worse pool's p95 acquire wait, and
 * the connections in use of those allowed; each value bound to a run's live monitor, with its caption under it.
 */
final class BigNumbers {

    private final Label rate = new Label("–");
    private final Label wait = new Label("–");
    private final Label connections = new Label("–");
    private final Label rateCaption = new Label("rows/s written");
    private final Label waitCaption = new Label("p95 acquire wait");
    private final Label connectionsCaption = new Label("connections in use");
    private final List<VBox> boxes;

    /** @param valueClass the values' style: "big-value" on the page, "present-value" full screen */
    BigNumbers(String valueClass) {
        boxes = List.of(box(rate, rateCaption, valueClass, "Rows written per second over the last sample interval"),
                box(wait, waitCaption, valueClass, "The 95th percentile of the time a worker waited for a connection, "
                        + "the worse of the two pools, over the latest borrows"),
                box(connections, connectionsCaption, valueClass, "Connections borrowed right now of those the pools "
                        + "allow, source · target"));
    }

    private static VBox box(Label value, Label caption, String valueClass, String tip) {
        value.getStyleClass().add(valueClass);
        caption.getStyleClass().add(valueClass.equals("big-value") ? "big-caption" : "present-caption");
        VBox box = new VBox(2, value, caption);
        box.getStyleClass().add(valueClass.equals("big-value") ? "big-number" : "present-number");
        Tooltip.install(box, new Tooltip(tip));
        value.setTooltip(new Tooltip(tip));
        return box;
    }

    List<VBox> boxes() {
        return boxes;
    }

    /** Shows {@code monitor}'s numbers from now on: a new run, a new monitor. */
    void follow(RunMonitor monitor) {
        rate.textProperty().bind(monitor.rateProperty());
        wait.textProperty().bind(monitor.waitProperty());
        connections.textProperty().bind(monitor.connectionsProperty());
        rateCaption.textProperty().bind(monitor.rateCaptionProperty());
        waitCaption.textProperty().bind(monitor.waitCaptionProperty());
        connectionsCaption.textProperty().bind(monitor.connectionsCaptionProperty());
    }
}
