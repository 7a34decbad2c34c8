package io.poollab.db;

/**
 * A reusable unit of data on its way from a reader to a writer. Chunks are recycled through a fixed free list,
 * which is what bounds a pipeline's memory; nothing is allocated per row on the PostgreSQL pass-through path.
 */
public abstract sealed class Chunk permits ByteChunk, RowChunk {

    private int rows;
    private boolean endOfUnit;

    /** Rows completed in this chunk (a COPY chunk may also carry part of a row that the next chunk finishes). */
    public int rows() {
        return rows;
    }

    public void addRows(int count) {
        rows += count;
    }

    /** The last chunk of a read unit: a whole partition, or one batch when connections are held per batch. */
    public boolean endOfUnit() {
        return endOfUnit;
    }

    public void markEndOfUnit() {
        endOfUnit = true;
    }

    public abstract long bytes();

    public void clear() {
        rows = 0;
        endOfUnit = false;
    }
}
