package io.poollab.proxy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy on loopback that makes a local database behave like one across a network: every byte waits a one-way
 * delay in each direction (a round trip costs twice it), with optional jitter and a bandwidth cap per direction, and
 * a new connection pays for its TCP handshake too. On localhost a connection is nearly free, so pool settings barely
 * matter; through this proxy they matter as they would in production.
 *
 * <p>One thread serves every connection of a proxy, whatever their number: it selects over all sockets (java.nio)
 * and sleeps in {@code select} until the next delayed segment is due, so delays need no scheduler thread, and with
 * no delay it writes what it reads in the same pass, with no timer in between. Delays are kept to about a
 * millisecond, the resolution of {@code select}'s timeout; never early.
 */
public final class LatencyProxy implements AutoCloseable {

    static final int READ_BUFFER_BYTES = 64 * 1024;
    private static final int BACKLOG = 1024;
    private static final long CLOSE_WAIT_MS = 5_000;
    private static final long DRAIN_MARGIN_MS = 100;

    final AtomicLong bytesToTarget = new AtomicLong();
    final AtomicLong bytesToClient = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong upstreamFailures = new AtomicLong();
    private final AtomicInteger open = new AtomicInteger();
    private final ProxySettings settings;
    private final Selector selector;
    private final ServerSocketChannel server;
    private final InetSocketAddress address;
    private final Thread thread;
    // The rest is touched by the proxy's thread only.
    private final PriorityQueue<Wakeup> wakeups = new PriorityQueue<>();
    private final Set<Link> links = new HashSet<>();
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(READ_BUFFER_BYTES);
    private final SplittableRandom random = new SplittableRandom();
    private volatile boolean closing;
    private volatile IOException lastUpstreamFailure;
    private volatile Throwable crash;

    /** A lane to flush at {@code due}. */
    private record Wakeup(long due, Lane lane, Link link) implements Comparable<Wakeup> {
        @Override
        public int compareTo(Wakeup other) {
            return Long.compare(due - other.due, 0);
        }
    }

    private LatencyProxy(ProxySettings settings, String threadName) throws IOException {
        this.settings = settings;
        this.selector = Selector.open();
        ServerSocketChannel listening = null;
        try {
            listening = ServerSocketChannel.open();
            listening.setOption(StandardSocketOptions.SO_REUSEADDR, true);
            listening.bind(settings.listen(), BACKLOG);
            listening.configureBlocking(false);
            listening.register(selector, SelectionKey.OP_ACCEPT);
        } catch (IOException | RuntimeException e) {
            if (listening != null) {
                listening.close();
            }
            selector.close();
            throw e;
        }
        this.server = listening;
        this.address = (InetSocketAddress) server.getLocalAddress();
        this.thread = new Thread(this::loop, threadName != null ? threadName : "poollab-proxy-" + address.getPort());
        // A proxy someone forgot to close must not keep the JVM alive.
        thread.setDaemon(true);
    }

    /**
     * Binds the listening socket and starts forwarding.
     *
     * @throws UnknownHostException the target's name did not resolve
     * @throws IOException          the listen address cannot be bound (in use, not local)
     */
    public static LatencyProxy start(ProxySettings settings) throws IOException {
        return start(settings, null);
    }

    /**
     * Starts a proxy whose thread is named after what it serves ({@code poollab-run-42-target-proxy}); null for
     * {@code poollab-proxy-<port>}.
     */
    public static LatencyProxy start(ProxySettings settings, String threadName) throws IOException {
        if (settings.target().isUnresolved()) {
            throw new UnknownHostException(settings.target().getHostString());
        }
        LatencyProxy proxy = new LatencyProxy(settings, threadName);
        proxy.thread.start();
        return proxy;
    }

    /** The bound address: the listen address with its port filled in. */
    public InetSocketAddress address() {
        return address;
    }

    public int port() {
        return address.getPort();
    }

    public ProxySettings settings() {
        return settings;
    }

    public ProxyCounters counters() {
        return new ProxyCounters(accepted.get(), open.get(), bytesToTarget.get(), bytesToClient.get(),
                upstreamFailures.get());
    }

    /**
     * Why the last connection to the server failed, if one did: a client only sees its connection reset, so this
     * is where "refused" or "no route" can still be read.
     */
    public Optional<IOException> lastUpstreamFailure() {
        return Optional.ofNullable(lastUpstreamFailure);
    }

    /** The unexpected error that stopped the proxy's thread, if any; every connection was closed then. */
    public Optional<Throwable> crash() {
        return Optional.ofNullable(crash);
    }

    /**
     * Stops accepting, lets what is in flight arrive for a moment (two delays, enough for a connection whose client
     * has just closed to finish both ways, as a pool's close leaves them), then closes every connection left, and
     * returns once the thread has ended.
     */
    @Override
    public void close() {
        closing = true;
        selector.wakeup();
        try {
            thread.join(drainMs() + CLOSE_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private long drainMs() {
        return 2 * (settings.delayMs() + settings.jitterMs()) + DRAIN_MARGIN_MS;
    }

    private void loop() {
        long drainEnd = 0;
        boolean draining = false;
        try {
            while (true) {
                long now = System.nanoTime();
                if (closing && !draining) {
                    draining = true;
                    drainEnd = now + TimeUnit.MILLISECONDS.toNanos(drainMs());
                    server.close();
                }
                if (draining && (links.isEmpty() || now - drainEnd >= 0)) {
                    return;
                }
                runDue(now);
                long waitNanos = waitNanos(draining, drainEnd);
                if (waitNanos == 0) {
                    selector.selectNow(this::ready);
                } else {
                    // Rounded up: a delay may end up to a millisecond late (select's resolution), never early.
                    long waitMs = waitNanos < 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(waitNanos + 999_999);
                    selector.select(this::ready, waitMs);
                }
            }
        } catch (IOException | RuntimeException | Error e) {
            // Even out of memory: every client then sees its connection end, rather than hang on a dead proxy.
            crash = e;
        } finally {
            shutdown();
        }
    }

    /** Until the next segment is due or the drain ends; 0 when one is due now, -1 for no deadline at all. */
    private long waitNanos(boolean draining, long drainEnd) {
        long now = System.nanoTime();
        long wait = wakeups.isEmpty() ? -1 : Math.max(0, wakeups.peek().due - now);
        if (draining) {
            long left = Math.max(0, drainEnd - now);
            wait = wait < 0 ? left : Math.min(wait, left);
        }
        return wait;
    }

    private void runDue(long now) {
        while (!wakeups.isEmpty() && wakeups.peek().due - now <= 0) {
            Wakeup wakeup = wakeups.poll();
            wakeup.link.due(wakeup.lane, now);
        }
    }

    private void ready(SelectionKey key) {
        if (!key.isValid()) {
            return;
        }
        if (key.isAcceptable()) {
            acceptAll();
            return;
        }
        ((Link) key.attachment()).ready(key, System.nanoTime(), buffer);
    }

    private void acceptAll() {
        while (true) {
            SocketChannel client;
            try {
                client = server.accept();
            } catch (IOException e) {
                // Out of file descriptors, typically: the client waits in the backlog and is retried next time.
                return;
            }
            if (client == null) {
                return;
            }
            accepted.incrementAndGet();
            Link link;
            SocketChannel upstream;
            try {
                upstream = SocketChannel.open();
            } catch (IOException e) {
                upstreamFailed(e);
                closeQuietly(client);
                continue;
            }
            link = new Link(this, client, upstream, System.nanoTime(), random);
            links.add(link);
            open.incrementAndGet();
            try {
                link.open(selector);
            } catch (IOException e) {
                upstreamFailed(e);
                link.abort();
            }
        }
    }

    void wakeAt(long due, Lane lane, Link link) {
        wakeups.add(new Wakeup(due, lane, link));
    }

    void upstreamFailed(IOException e) {
        upstreamFailures.incrementAndGet();
        lastUpstreamFailure = e;
    }

    void linkClosed(Link link) {
        if (links.remove(link)) {
            open.decrementAndGet();
        }
    }

    private void shutdown() {
        new ArrayList<>(links).forEach(Link::abort);
        wakeups.clear();
        try {
            server.close();
        } catch (IOException ignored) {
            // Closing: nothing more can be done with the listening socket.
        }
        try {
            selector.close();
        } catch (IOException ignored) {
            // Closing: the selector's own file descriptors go with the process at worst.
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // A socket that could not be used: nothing more to do with it.
        }
    }
}
