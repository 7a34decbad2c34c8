package io.poollab.proxy;

import java.util.SplittableRandom;

/**
 * When bytes read now reach the other side of one direction of one connection: after the simulated wire has carried
 * them at the bandwidth cap, behind the bytes read before them, plus the one-way delay with its jitter. Arrivals
 * never go backwards: a short delay drawn after a long one waits behind the earlier bytes, as on a TCP stream, so
 * jitter never reorders bytes and never makes a delay negative. Times are {@link System#nanoTime} values, compared
 * by difference since they may wrap.
 */
final class LaneClock {

    private final long delayNanos;
    private final long jitterNanos;
    private final double nanosPerByte;
    private final SplittableRandom random;
    private long wireFreeAt;
    private long lastArrival;

    /**
     * @param openAt no byte leaves before this time: the end of the simulated TCP handshake for the direction to the
     *               server, the moment of the accept for the one back
     */
    LaneClock(long delayMs, long jitterMs, double bandwidthMbps, long openAt, SplittableRandom random) {
        this.delayNanos = delayMs * 1_000_000;
        this.jitterNanos = jitterMs * 1_000_000;
        // 8 bits per byte at bandwidthMbps million bits per second.
        this.nanosPerByte = bandwidthMbps > 0 ? 8_000 / bandwidthMbps : 0;
        this.random = random;
        this.wireFreeAt = openAt;
        this.lastArrival = openAt;
    }

    /** The arrival time of {@code bytes} bytes read at {@code now}; 0 bytes stands for the end of the stream. */
    long arrival(long now, int bytes) {
        long sent = later(now, wireFreeAt) + Math.round(bytes * nanosPerByte);
        wireFreeAt = sent;
        long delay = jitterNanos == 0 ? delayNanos : delayNanos + random.nextLong(-jitterNanos, jitterNanos + 1);
        lastArrival = later(sent + Math.max(0, delay), lastArrival);
        return lastArrival;
    }

    /** Bytes to read at once, so that one read is never a long burst on a capped wire: about 10 ms of it. */
    static int segmentBytes(double bandwidthMbps, int most) {
        if (bandwidthMbps <= 0) {
            return most;
        }
        return (int) Math.max(1024, Math.min(most, bandwidthMbps * 1_250));
    }

    static long later(long a, long b) {
        return a - b > 0 ? a : b;
    }
}
