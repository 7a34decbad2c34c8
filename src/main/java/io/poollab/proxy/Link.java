package io.poollab.proxy;

import java.io.IOException;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.util.SplittableRandom;

/**
 * One proxied connection: the client's socket, the socket to the server, and a {@link Lane} each way. It closes
 * when both directions have delivered their end of stream (a half-close travels like the data, after what was sent
 * before it), or when either side is gone and the other direction has flushed. Used by the proxy's one thread only.
 */
final class Link {

    private final LatencyProxy proxy;
    private final SocketChannel client;
    private final SocketChannel upstream;
    private final Lane toTarget;
    private final Lane toClient;
    private SelectionKey clientKey;
    private SelectionKey upstreamKey;
    private boolean connected;
    private boolean closed;

    Link(LatencyProxy proxy, SocketChannel client, SocketChannel upstream, long acceptedAt, SplittableRandom random) {
        this.proxy = proxy;
        this.client = client;
        this.upstream = upstream;
        ProxySettings settings = proxy.settings();
        int segment = LaneClock.segmentBytes(settings.bandwidthMbps(), LatencyProxy.READ_BUFFER_BYTES);
        // The client's first bytes leave only when the simulated TCP handshake (one round trip) would have ended.
        long handshakeEnd = acceptedAt + 2 * settings.delayMs() * 1_000_000;
        this.toTarget = new Lane(this, client, upstream, new LaneClock(settings.delayMs(), settings.jitterMs(),
                settings.bandwidthMbps(), handshakeEnd, random), proxy.bytesToTarget, segment, false);
        this.toClient = new Lane(this, upstream, client, new LaneClock(settings.delayMs(), settings.jitterMs(),
                settings.bandwidthMbps(), acceptedAt, random), proxy.bytesToClient, segment, true);
    }

    /** Registers both sockets and starts connecting to the server. */
    void open(Selector selector) throws IOException {
        for (SocketChannel channel : new SocketChannel[] {client, upstream}) {
            channel.configureBlocking(false);
            channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        }
        upstream.setOption(StandardSocketOptions.SO_KEEPALIVE, true);
        clientKey = client.register(selector, 0, this);
        upstreamKey = upstream.register(selector, SelectionKey.OP_CONNECT, this);
        if (upstream.connect(proxy.settings().target())) {
            connected(System.nanoTime());
        }
        settle();
    }

    /** One socket is ready: connect, write or read, then settle what to wait for next. */
    void ready(SelectionKey key, long now, ByteBuffer buffer) {
        if (closed) {
            return;
        }
        boolean fromClient = key == clientKey;
        if (!fromClient && key.isConnectable()) {
            try {
                upstream.finishConnect();
            } catch (IOException e) {
                proxy.upstreamFailed(e);
                abort();
                return;
            }
            connected(now);
        }
        if (key.isValid() && key.isWritable()) {
            (fromClient ? toClient : toTarget).writable(now);
        }
        if (key.isValid() && key.isReadable()) {
            (fromClient ? toTarget : toClient).read(now, buffer);
        }
        settle();
    }

    /** A lane's next segment is due. */
    void due(Lane lane, long now) {
        if (!closed) {
            lane.flush(now);
            settle();
        }
    }

    void wakeAt(long due, Lane lane) {
        proxy.wakeAt(due, lane, this);
    }

    /** Closes both sockets at once, dropping anything still delayed: the proxy is closing, or the server is unreachable. */
    void abort() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            // A reset, not a clean end: the client must not mistake an unreachable server for one that hung up.
            client.setOption(StandardSocketOptions.SO_LINGER, 0);
        } catch (IOException | RuntimeException ignored) {
            // Already closed by the peer.
        }
        closeQuietly(client);
        closeQuietly(upstream);
        proxy.linkClosed(this);
    }

    private void connected(long now) {
        connected = true;
        toTarget.sinkConnected(now);
    }

    private void settle() {
        if (closed) {
            return;
        }
        if (toTarget.finished() && toClient.finished()) {
            closed = true;
            closeQuietly(client);
            closeQuietly(upstream);
            proxy.linkClosed(this);
            return;
        }
        try {
            clientKey.interestOps((toTarget.wantsRead() ? SelectionKey.OP_READ : 0)
                    | (toClient.wantsWrite() ? SelectionKey.OP_WRITE : 0));
            upstreamKey.interestOps(!connected ? SelectionKey.OP_CONNECT
                    : (toClient.wantsRead() ? SelectionKey.OP_READ : 0)
                            | (toTarget.wantsWrite() ? SelectionKey.OP_WRITE : 0));
        } catch (CancelledKeyException e) {
            abort();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closing a socket that failed: nothing more can be done with it.
        }
    }
}
