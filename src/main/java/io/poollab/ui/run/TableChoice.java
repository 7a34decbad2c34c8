package io.poollab.ui.run;

import io.poollab.migrate.CatalogTable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/** One row of the source table checklist: the catalog's facts and whether the user ticked it. */
public final class TableChoice {

    private final CatalogTable table;
    private final BooleanProperty selected = new SimpleBooleanProperty();

    TableChoice(CatalogTable table, boolean selected) {
        this.table = table;
        this.selected.set(selected);
    }

    public CatalogTable table() {
        return table;
    }

    public BooleanProperty selectedProperty() {
        return selected;
    }

    /** The key a run will partition on, or why there is none and what that means. */
    public String keyText() {
        return table.key() != null ? table.key() : "none: " + table.noKeyReason();
    }
}
