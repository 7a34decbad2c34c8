package io.poollab.db;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectSettings;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.NetworkEndpoint;
import io.poollab.config.Problem;
import io.poollab.config.SimulatedNetwork;
import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxySettings;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection editor's "Test" button: opens one physical connection outside any pool, reads what explains pool
 * numbers (server version, max_connections, sessions now), times {@value #ROUND_TRIPS} round trips and checks TLS,
 * then closes it. A failure is one plain line a DBA understands, with a category the GUI can act on; never a stack
 * trace, never the password. Blocking: call it off the FX thread. A profile that simulates a network is tested
 * through a latency proxy of its own, so the round trip shown is the one a run will see.
 */
public final class ConnectionTester {

    /** The application name the test connection shows in pg_stat_activity and sys.dm_exec_sessions. */
    public static final String APPLICATION_NAME = "poollab-test";
    static final int ROUND_TRIPS = 10;

    private static final AtomicInteger THREADS = new AtomicInteger();

    /** What a test found: a {@link Success} or a {@link Failure}. */
    public sealed interface Result permits Success, Failure {
    }

    /** Whether the connection is encrypted; NOT_APPLICABLE for embedded H2. */
    public enum Tls { ON, OFF, NOT_APPLICABLE }

    /**
     * @param maxConnections  the server's connection limit, or -1 when it has none to report (H2)
     * @param currentSessions client sessions open on the server, this one included; -1 when not visible
     * @param roundTripMs     median of {@value #ROUND_TRIPS} {@code SELECT 1} round trips after one warm-up, through
     *                        the latency proxy when the profile simulates a network
     * @param connectMs       time to open the connection, login included
     */
    public record Success(String product, String version, int maxConnections, int currentSessions,
                          double roundTripMs, double connectMs, Tls tls) implements Result {
    }

    /**
     * @param message one line for the user: what failed, where, and what to check
     * @param detail  the driver's own words, SQLState and cause chain, for a details pane; never the password
     */
    public record Failure(Category category, String message, String detail) implements Result {

        public enum Category { BAD_PASSWORD, UNKNOWN_HOST, REFUSED, TIMEOUT, NO_DATABASE, TLS, OTHER }
    }

    /**
     * Tests the profile. The timeout goes to the driver (connect and login) and also bounds the whole test, so the
     * answer comes within it even from a server that accepts and then never speaks.
     */
    public Result test(ConnectionProfile profile, Map<String, String> environment, Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the connection test's timeout must be positive, got " + timeout);
        }
        ConnectionFailures failures = new ConnectionFailures(profile, timeout);
        ConnectSettings settings;
        Dialect dialect;
        try {
            dialect = Dialects.forUrl(profile.jdbcUrl());
            // The test's bounded read wins over a run's long socket timeout: a test never waits past its duration.
            Map<String, String> properties = new HashMap<>(dialect.connectionProperties(APPLICATION_NAME,
                    timeout.toMillis()));
            properties.putAll(dialect.boundedReadProperties(timeout.toMillis()));
            settings = ConnectSettings.resolve(profile, environment, properties, dialect.connectionInitSql());
        } catch (ConfigException e) {
            return new Failure(Failure.Category.OTHER, e.getMessage(), "");
        }
        failures.knowPassword(settings.password());
        List<Problem> network = profile.network().problems("", profile.jdbcUrl(), profile.properties());
        if (!network.isEmpty()) {
            return new Failure(Failure.Category.OTHER, network.get(0).oneLine(), "");
        }
        int test = THREADS.incrementAndGet();
        LatencyProxy proxy;
        try {
            proxy = startProxy(settings, "poollab-connection-test-" + test + "-proxy");
        } catch (IOException e) {
            return failures.classify(e);
        }
        try {
            return probe(dialect, proxy == null ? settings : settings.throughProxy(proxy.port()), failures, timeout,
                    test, Optional.ofNullable(proxy));
        } finally {
            if (proxy != null) {
                // After the probe: a connection it abandoned is reset here, which also frees a stuck driver.
                proxy.close();
            }
        }
    }

    private static Result probe(Dialect dialect, ConnectSettings settings, ConnectionFailures failures,
                                Duration timeout, int test, Optional<LatencyProxy> proxy) {
        ConnectionProbe probe = new ConnectionProbe(dialect, settings);
        FutureTask<Success> task = new FutureTask<>(probe::run);
        // A thread of its own per test: a driver stuck in a socket read cannot be cancelled, only abandoned.
        Thread thread = new Thread(task, "poollab-connection-test-" + test);
        thread.setDaemon(true);
        thread.start();
        try {
            return task.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            probe.abandon();
            return failures.timeout();
        } catch (ExecutionException e) {
            // Through the proxy the driver only sees its connection reset; the proxy knows why (refused, no route).
            Optional<IOException> upstream = proxy.flatMap(LatencyProxy::lastUpstreamFailure);
            return failures.classify(upstream.isPresent() ? upstream.get() : e.getCause());
        } catch (InterruptedException e) {
            probe.abandon();
            Thread.currentThread().interrupt();
            return new Failure(Failure.Category.OTHER, "the connection test was cancelled", "");
        }
    }

    /** A proxy for a profile that simulates a network, or null for a direct test. */
    private static LatencyProxy startProxy(ConnectSettings settings, String threadName) throws IOException {
        Optional<NetworkEndpoint> target = settings.proxyTarget();
        if (target.isEmpty()) {
            return null;
        }
        SimulatedNetwork network = settings.network();
        return LatencyProxy.start(ProxySettings.onLoopback(new InetSocketAddress(target.get().host(),
                target.get().port()), network.latencyMs(), network.jitterMs(), network.bandwidthMbps()), threadName);
    }
}
