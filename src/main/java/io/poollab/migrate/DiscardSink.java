package io.poollab.migrate;

import io.poollab.db.ByteChunk;
import io.poollab.db.Chunk;
import io.poollab.db.ChunkSink;
import io.poollab.db.RowChunk;

/** A sink for reads that only hash (verification): one chunk, cleared and handed out again. */
final class DiscardSink implements ChunkSink {

    private final ByteChunk bytes = new ByteChunk(ChunkQueue.BYTE_CHUNK_SIZE);
    private final RowChunk rows;

    DiscardSink(int columns) {
        this.rows = new RowChunk(ChunkQueue.ROW_CHUNK_ROWS, columns);
    }

    @Override
    public ByteChunk emptyByteChunk() {
        return bytes;
    }

    @Override
    public RowChunk emptyRowChunk() {
        return rows;
    }

    @Override
    public void put(Chunk chunk) {
        chunk.clear();
    }
}
