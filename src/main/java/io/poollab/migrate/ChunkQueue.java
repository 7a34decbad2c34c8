package io.poollab.migrate;

import io.poollab.db.ByteChunk;
import io.poollab.db.Chunk;
import io.poollab.db.ChunkSink;
import io.poollab.db.RowChunk;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The bounded hand-off between one partition's reader and writer: a fixed set of chunks cycles between a free list
 * and a full queue, so memory is capped at {@code capacity} chunks and a slow writer slows the reader
 * (back-pressure). Either side can abort the other with {@link #fail}; waits poll so that an abort is seen within
 * {@value #POLL_MS} ms. Time spent waiting is charged to queue wait.
 */
final class ChunkQueue implements ChunkSink {

    static final int BYTE_CHUNK_SIZE = 256 * 1024;
    static final int ROW_CHUNK_ROWS = 1_024;
    static final int CAPACITY = 8;
    private static final long POLL_MS = 100;
    /** Put by the reader after its last unit. Never recycled. */
    static final Chunk END = new ByteChunk(0);

    private final BlockingQueue<Chunk> free;
    private final BlockingQueue<Chunk> full;
    private final TimeBreakdown time;
    private volatile Throwable failure;
    private long readerWaitNanos;

    ChunkQueue(int capacity, Supplier<Chunk> factory, TimeBreakdown time) {
        this.free = new ArrayBlockingQueue<>(capacity);
        this.full = new ArrayBlockingQueue<>(capacity + 1);
        this.time = time;
        for (int i = 0; i < capacity; i++) {
            free.add(factory.get());
        }
    }

    /** Ready for the next partition: every chunk back on the free list, no failure. */
    void reset() {
        Chunk chunk;
        while ((chunk = full.poll()) != null) {
            recycle(chunk);
        }
        failure = null;
        readerWaitNanos = 0;
    }

    @Override
    public ByteChunk emptyByteChunk() throws InterruptedException {
        return (ByteChunk) takeFree();
    }

    @Override
    public RowChunk emptyRowChunk() throws InterruptedException {
        return (RowChunk) takeFree();
    }

    private Chunk takeFree() throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (true) {
                checkFailure();
                Chunk chunk = free.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
            }
        } finally {
            readerWaited(System.nanoTime() - start);
        }
    }

    @Override
    public void put(Chunk chunk) throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (!full.offer(chunk, POLL_MS, TimeUnit.MILLISECONDS)) {
                checkFailure();
            }
        } finally {
            readerWaited(System.nanoTime() - start);
        }
    }

    /** The writer's next chunk, or {@link #END}. */
    Chunk take() throws InterruptedException {
        long start = System.nanoTime();
        try {
            while (true) {
                checkFailure();
                Chunk chunk = full.poll(POLL_MS, TimeUnit.MILLISECONDS);
                if (chunk != null) {
                    return chunk;
                }
            }
        } finally {
            time.addQueueWait(System.nanoTime() - start);
        }
    }

    void recycle(Chunk chunk) {
        if (chunk != END) {
            chunk.clear();
            free.offer(chunk);
        }
    }

    void end() throws InterruptedException {
        put(END);
    }

    /** Stops the other side at its next wait. The first failure wins. */
    void fail(Throwable cause) {
        if (failure == null) {
            failure = cause;
        }
    }

    /** Time the reader spent waiting for a free chunk or for room, so it can be taken out of its read time. */
    long readerWaitNanos() {
        return readerWaitNanos;
    }

    private void readerWaited(long nanos) {
        readerWaitNanos += nanos;
        time.addQueueWait(nanos);
    }

    private void checkFailure() {
        Throwable cause = failure;
        if (cause != null) {
            throw new PartitionAbortedException(cause);
        }
    }

    /** Thrown on one side of a partition when the other side failed or the run was cancelled. */
    static final class PartitionAbortedException extends RuntimeException {
        PartitionAbortedException(Throwable cause) {
            super(cause.getMessage(), cause, false, false);
        }
    }
}
