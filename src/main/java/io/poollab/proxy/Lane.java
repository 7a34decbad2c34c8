package io.poollab.proxy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One direction of one proxied connection: bytes read from {@code source} wait until their arrival time
 * ({@link LaneClock}), then go to {@code sink} in the order they were read; the end of the stream follows the last
 * byte as a half-close. Used by the proxy's one thread only.
 */
final class Lane {

    /** The most bytes a lane holds before it stops reading, like a TCP window: a long delay also caps throughput. */
    static final long MAX_QUEUED_BYTES = 4L << 20;

    private final Link link;
    private final SocketChannel source;
    private final SocketChannel sink;
    private final LaneClock clock;
    private final AtomicLong delivered;
    private final int segmentBytes;
    private final ArrayDeque<Segment> queue = new ArrayDeque<>();
    private long queuedBytes;
    private boolean sinkReady;
    private boolean writeBlocked;
    private boolean sourceEnded;
    private boolean sinkShut;
    private boolean dead;

    /** Bytes due at a time, or the end of the stream ({@code data == null}). */
    private record Segment(ByteBuffer data, long due) {
    }

    Lane(Link link, SocketChannel source, SocketChannel sink, LaneClock clock, AtomicLong delivered, int segmentBytes,
         boolean sinkReady) {
        this.link = link;
        this.source = source;
        this.sink = sink;
        this.clock = clock;
        this.delivered = delivered;
        this.segmentBytes = segmentBytes;
        this.sinkReady = sinkReady;
    }

    SocketChannel source() {
        return source;
    }

    SocketChannel sink() {
        return sink;
    }

    boolean wantsRead() {
        return !sourceEnded && !dead && queuedBytes < MAX_QUEUED_BYTES;
    }

    boolean wantsWrite() {
        return writeBlocked && !dead;
    }

    /** Nothing more will go through: the end of the stream was delivered, or the sink is gone. */
    boolean finished() {
        return sinkShut || dead;
    }

    /** The sink's connection is established (the server side connects after the accept). */
    void sinkConnected(long now) {
        sinkReady = true;
        flush(now);
    }

    /**
     * Reads once from the source (the selector fires again while more is waiting). With nothing queued and no delay
     * the bytes go straight out from {@code buffer}, so a proxy without delay adds no timer and no copy.
     */
    void read(long now, ByteBuffer buffer) {
        if (!wantsRead()) {
            return;
        }
        buffer.clear();
        buffer.limit((int) Math.min(segmentBytes, MAX_QUEUED_BYTES - queuedBytes));
        int read;
        try {
            read = source.read(buffer);
        } catch (IOException reset) {
            // A reset source ends its stream: what it sent before still arrives, then the sink sees the end.
            read = -1;
        }
        if (read < 0) {
            sourceEnded = true;
            enqueue(null, clock.arrival(now, 0), now);
            flush(now);
            return;
        }
        if (read == 0) {
            return;
        }
        buffer.flip();
        long due = clock.arrival(now, read);
        if (queue.isEmpty() && due - now <= 0 && sinkReady && !writeBlocked && !dead) {
            if (!write(buffer)) {
                return;
            }
            if (!buffer.hasRemaining()) {
                return;
            }
            writeBlocked = true;
        }
        ByteBuffer copy = ByteBuffer.allocate(buffer.remaining());
        copy.put(buffer).flip();
        enqueue(copy, due, now);
        flush(now);
    }

    /** The sink can take more bytes again. */
    void writable(long now) {
        writeBlocked = false;
        flush(now);
    }

    /** Writes every segment that is due, in order, until one is not yet due or the sink is full. */
    void flush(long now) {
        while (!queue.isEmpty() && sinkReady && !writeBlocked && !dead) {
            Segment head = queue.peek();
            if (head.due() - now > 0) {
                return;
            }
            if (head.data() == null) {
                queue.poll();
                shutSink();
                return;
            }
            int before = head.data().remaining();
            if (!write(head.data())) {
                return;
            }
            queuedBytes -= before - head.data().remaining();
            if (head.data().hasRemaining()) {
                writeBlocked = true;
                return;
            }
            queue.poll();
        }
    }

    /** The sink is gone: drop what was waiting for it and stop reading what would go to it. */
    void kill() {
        dead = true;
        queue.clear();
        queuedBytes = 0;
    }

    private void enqueue(ByteBuffer data, long due, long now) {
        queue.add(new Segment(data, due));
        if (data != null) {
            queuedBytes += data.remaining();
        }
        if (due - now > 0) {
            link.wakeAt(due, this);
        }
    }

    private boolean write(ByteBuffer data) {
        try {
            delivered.addAndGet(sink.write(data));
            return true;
        } catch (IOException gone) {
            kill();
            return false;
        }
    }

    private void shutSink() {
        try {
            sink.shutdownOutput();
        } catch (IOException alreadyClosed) {
            // The peer closed first: the end of the stream has nowhere to go, which is the same outcome.
        }
        sinkShut = true;
    }
}
