package io.poollab.ui;

import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** A list cell whose text wraps to the list's width, for event logs: a long line never needs a scroll bar. */
public final class WrappingCell extends ListCell<String> {

    public WrappingCell(ListView<String> list) {
        setWrapText(true);
        prefWidthProperty().bind(list.widthProperty().subtract(24));
        setMaxWidth(USE_PREF_SIZE);
    }

    @Override
    protected void updateItem(String item, boolean empty) {
        super.updateItem(item, empty);
        setText(empty ? null : item);
    }
}
