package io.poollab.ui.run;

import io.poollab.text.Units;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;

/** One table's progress in a running migration: a fraction for the bar and a line in rows and time. */
public final class TableProgress {

    private final String table;
    private final long estimatedRows;
    private final int partitions;
    private long rows;
    private long written;
    private int partitionsDone;
    private final DoubleProperty fraction = new SimpleDoubleProperty();
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper();

    TableProgress(String table, long estimatedRows, int partitions) {
        this.table = table;
        this.estimatedRows = estimatedRows;
        this.partitions = partitions;
        update(0);
    }

    void add(long moreRows, int morePartitions, double rowsPerSecond) {
        rows += moreRows;
        partitionsDone += morePartitions;
        update(rowsPerSecond);
    }

    /** Rows written so far, committed or not: moves inside a partition's transaction. */
    void written(long rowsWritten, double rowsPerSecond) {
        written = Math.max(written, rowsWritten);
        update(rowsPerSecond);
    }

    void update(double rowsPerSecond) {
        boolean done = partitionsDone >= partitions;
        long moved = Math.max(written, rows);
        // Row counts are the planner's estimates; only finished partitions prove a table is done.
        double f = done ? 1 : estimatedRows > 0 ? Math.min(0.99, (double) moved / estimatedRows)
                : (double) partitionsDone / partitions;
        fraction.set(f);
        String counts = Units.count(moved) + (estimatedRows > 0 ? " of ~" + Units.count(estimatedRows) : "")
                + " rows written, " + Units.count(rows) + " committed";
        String eta = done ? "done" : rowsPerSecond > 0 && estimatedRows > moved
                ? "ETA " + Units.duration((estimatedRows - moved) / rowsPerSecond) : "ETA –";
        detail.set(Units.percent(f) + " · " + counts + " · " + partitionsDone + "/" + partitions + " partitions · " + eta);
    }

    void finish(boolean succeeded) {
        if (succeeded) {
            partitionsDone = partitions;
        }
        update(0);
    }

    public String table() {
        return table;
    }

    public long rows() {
        return rows;
    }

    public DoubleProperty fractionProperty() {
        return fraction;
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
