package io.poollab.db;

/**
 * Where a reader puts its chunks. The pipeline's implementation blocks when every chunk is in flight, which is the
 * back-pressure that keeps memory bounded; verification's implementation only recycles.
 */
public interface ChunkSink {

    ByteChunk emptyByteChunk() throws InterruptedException;

    RowChunk emptyRowChunk() throws InterruptedException;

    void put(Chunk chunk) throws InterruptedException;
}
