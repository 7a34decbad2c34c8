package io.poollab.proxy;

/**
 * What a {@link LatencyProxy} has done so far, read at one moment.
 *
 * @param accepted         client connections accepted since the start
 * @param open             connections not yet closed on both sides
 * @param bytesToTarget    bytes delivered to the server, over every connection
 * @param bytesToClient    bytes delivered back to clients
 * @param upstreamFailures accepted connections whose connection to the server failed
 */
public record ProxyCounters(long accepted, int open, long bytesToTarget, long bytesToClient, long upstreamFailures) {
}
