package io.poollab.ui.sweep;

import java.util.function.LongConsumer;
import javafx.scene.control.TableRow;

/** A row of the cells table: the knee's outlined, runs still to come muted; a double-click opens the run. */
final class CellRow extends TableRow<SweepRows.Row> {

    CellRow(LongConsumer openRun) {
        setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && getItem() != null && getItem().runId() != null) {
                openRun.accept(getItem().runId());
            }
        });
    }

    @Override
    protected void updateItem(SweepRows.Row item, boolean empty) {
        super.updateItem(item, empty);
        getStyleClass().removeAll("knee-row", "pending-row");
        if (!empty && item != null) {
            if (item.mark().startsWith("knee")) {
                getStyleClass().add("knee-row");
            } else if (item.runId() == null) {
                getStyleClass().add("pending-row");
            }
        }
    }
}
