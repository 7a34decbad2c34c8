package io.poollab.pool;

import io.poollab.config.ConnectSettings;
import io.poollab.config.NetworkEndpoint;
import io.poollab.config.SimulatedNetwork;
import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.sql.SQLException;
import java.util.Optional;

/**
 * The latency proxy under one side's pools when its profile simulates a network: started before the first
 * connection, closed after the last. Every pool of the side connects through it, with a URL that differs from the
 * profile's only in host and port; without a simulated network the settings pass through unchanged.
 */
final class ProxyRoute implements AutoCloseable {

    private final LatencyProxy proxy;
    private final ConnectSettings connect;

    private ProxyRoute(LatencyProxy proxy, ConnectSettings connect) {
        this.proxy = proxy;
        this.connect = connect;
    }

    /** @param threadName what the proxy's thread is called, after the run and side it serves */
    static ProxyRoute open(ConnectSettings settings, String threadName) throws SQLException {
        Optional<NetworkEndpoint> target = settings.proxyTarget();
        if (target.isEmpty()) {
            return new ProxyRoute(null, settings);
        }
        SimulatedNetwork network = settings.network();
        try {
            LatencyProxy proxy = LatencyProxy.start(ProxySettings.onLoopback(
                    new InetSocketAddress(target.get().host(), target.get().port()), network.latencyMs(),
                    network.jitterMs(), network.bandwidthMbps()), threadName);
            return new ProxyRoute(proxy, settings.throughProxy(proxy.port()));
        } catch (IOException e) {
            throw new SQLException("cannot start the latency proxy to " + target.get() + ": " + e, "08001", e);
        }
    }

    /** What the pools connect with: through the proxy, or the settings as given. */
    ConnectSettings connect() {
        return connect;
    }

    @Override
    public void close() {
        if (proxy != null) {
            proxy.close();
        }
    }
}
