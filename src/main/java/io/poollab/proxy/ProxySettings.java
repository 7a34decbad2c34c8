package io.poollab.proxy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What a {@link LatencyProxy} puts between its clients and one server. Callers validate user input with their own
 * messages (file and line, option name); these checks only catch a programming error.
 *
 * @param listen        where clients connect; port 0 picks a free one, which {@link LatencyProxy#address()} reports
 * @param target        the server every accepted connection is forwarded to
 * @param delayMs       one-way delay added in each direction, so a round trip costs twice this
 * @param jitterMs      each delay varies uniformly within ±jitterMs; at most {@code delayMs}, so never negative
 * @param bandwidthMbps cap per direction and connection, in megabits per second; 0 for none
 */
public record ProxySettings(InetSocketAddress listen, InetSocketAddress target, long delayMs, long jitterMs,
                            double bandwidthMbps) {

    public ProxySettings {
        Objects.requireNonNull(listen, "listen");
        Objects.requireNonNull(target, "target");
        if (delayMs < 0 || jitterMs < 0 || jitterMs > delayMs) {
            throw new IllegalArgumentException("delay " + delayMs + " ms and jitter " + jitterMs
                    + " ms: both must be 0 or more, the jitter at most the delay");
        }
        if (!(bandwidthMbps >= 0) || Double.isInfinite(bandwidthMbps)) {
            throw new IllegalArgumentException("bandwidth " + bandwidthMbps + " Mbit/s: must be 0 (no cap) or more");
        }
    }

    /** A proxy on a free loopback port: what the engine starts under a pool. */
    public static ProxySettings onLoopback(InetSocketAddress target, long delayMs, long jitterMs,
                                           double bandwidthMbps) {
        return new ProxySettings(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), target, delayMs, jitterMs,
                bandwidthMbps);
    }
}
