package io.poollab.db;

/** Decoded rows, one canonical Java value per column ({@link Kind#javaType()}). The row arrays are reused. */
public final class RowChunk extends Chunk {

    private final Object[][] rows;
    private int count;
    private long bytes;

    public RowChunk(int capacity, int columns) {
        this.rows = new Object[capacity][columns];
    }

    public boolean isFull() {
        return count == rows.length;
    }

    /** The next row's value array, to be filled by the reader. */
    public Object[] nextRow() {
        Object[] row = rows[count++];
        addRows(1);
        return row;
    }

    public Object[] row(int index) {
        return rows[index];
    }

    public int count() {
        return count;
    }

    public int columns() {
        return rows.length == 0 ? 0 : rows[0].length;
    }

    public void addBytes(long estimate) {
        bytes += estimate;
    }

    @Override
    public long bytes() {
        return bytes;
    }

    @Override
    public void clear() {
        super.clear();
        count = 0;
        bytes = 0;
    }
}
