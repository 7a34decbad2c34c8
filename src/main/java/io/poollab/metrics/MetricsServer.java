package io.poollab.metrics;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live HTTP endpoint over one {@link RunMetrics}: {@code /metrics} (Prometheus text), {@code /health} and
 * {@code /stats} (JSON). The JDK's own server, on one thread of its own: scrapes are rare (a Prometheus default is
 * every 15 s) and each is a read of the latest snapshot, so one thread never queues, and it never competes with
 * the run for more than a core's sliver.
 */
public final class MetricsServer implements AutoCloseable {

    /** Where the endpoint listens unless told otherwise: loopback, reachable from this machine only. */
    public static final String DEFAULT_BIND = "127.0.0.1";
    public static final int DEFAULT_PORT = 9464;

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService thread;
    private final RunMetrics metrics;

    private MetricsServer(HttpServer server, ExecutorService thread, RunMetrics metrics) {
        this.server = server;
        this.thread = thread;
        this.metrics = metrics;
    }

    /**
     * Binds now, so that a port in use is known before anything else happens.
     *
     * @param port 0 for any free port ({@link #port()} tells which)
     * @throws IOException the address cannot be bound (a {@link java.net.BindException} when the port is in use)
     */
    public static MetricsServer start(InetAddress bind, int port, RunMetrics metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(bind, port), 16);
        ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "poollab-metrics-" + server.getAddress().getPort());
            t.setDaemon(true);
            return t;
        });
        MetricsServer endpoint = new MetricsServer(server, thread, metrics);
        server.createContext("/", endpoint::handle);
        server.setExecutor(thread);
        server.start();
        return endpoint;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public InetAddress address() {
        return server.getAddress().getAddress();
    }

    /** {@code http://host:port}, the host in brackets when it is IPv6. */
    public String baseUrl() {
        String host = address().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                send(exchange, 405, "text/plain; charset=utf-8", "only GET and HEAD\n");
                return;
            }
            String path = exchange.getRequestURI().getPath();
            switch (path) {
                case "/metrics" -> send(exchange, 200, PROMETHEUS_TEXT, metrics.scrape());
                case "/health" -> {
                    HealthReport health = metrics.health();
                    send(exchange, health.httpStatus(), "application/json", JSON.writeValueAsString(health.body()));
                }
                case "/stats" -> send(exchange, 200, "application/json", JSON.writeValueAsString(metrics.stats()));
                case "/" -> send(exchange, 200, "text/plain; charset=utf-8",
                        "PoolLab live endpoint: /metrics (Prometheus), /health, /stats\n");
                default -> send(exchange, 404, "text/plain; charset=utf-8", "not found: try /metrics, /health or "
                        + "/stats\n");
            }
        } catch (RuntimeException e) {
            // The exchange is closed by now; the scraper sees a dropped answer, the log says why.
            LOG.warn("the metrics endpoint failed to answer {}", exchange.getRequestURI(), e);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Stops listening at once (an answer being written gets a moment to finish) and ends the thread. */
    @Override
    public void close() {
        server.stop(0);
        thread.shutdown();
        try {
            if (!thread.awaitTermination(2, TimeUnit.SECONDS)) {
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
