package io.poollab.cli;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import io.poollab.metrics.MetricsServer;
import io.poollab.metrics.RunMetrics;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** {@code --metrics-port} and {@code --metrics-bind}, shared by the commands that run migrations. */
final class MetricsOptions {

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve /metrics (Prometheus), /health and /stats on this port while the run goes on "
                    + "(default: off; 0: any free port)")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDR",
            description = "Address the metrics endpoint listens on (default " + MetricsServer.DEFAULT_BIND
                    + ": this machine only)")
    String bind;

    /** An endpoint that is open, with the listener that feeds it. */
    record Endpoint(MetricsServer server, RunMetrics metrics) implements AutoCloseable {

        List<io.poollab.migrate.RunListener> listeners() {
            return List.of(metrics);
        }

        @Override
        public void close() {
            server.close();
        }
    }

    /**
     * Binds the endpoint when asked for, before any run starts: a port in use is bad input (exit 2), and then no run
     * is created and nothing is written to the target.
     */
    Optional<Endpoint> open(PrintStream err) throws ConfigException {
        if (port == null) {
            if (bind != null) {
                throw new ConfigException(Problem.error("", "--metrics-bind", "needs --metrics-port PORT"));
            }
            return Optional.empty();
        }
        if (port < 0 || port > 65_535) {
            throw new ConfigException(Problem.error("", "--metrics-port", port + " is not a port (0 to 65535)"));
        }
        String host = bind == null ? MetricsServer.DEFAULT_BIND : bind.trim();
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new ConfigException(Problem.error("", "--metrics-bind", "unknown address " + host));
        }
        RunMetrics metrics = new RunMetrics();
        MetricsServer server;
        try {
            server = MetricsServer.start(address, port, metrics);
        } catch (IOException e) {
            throw new ConfigException(Problem.error("", "--metrics-port", "cannot listen on " + host + ":" + port
                    + ": " + e.getMessage() + " (pick another port, or 0 for any free one)"));
        }
        if (!address.isLoopbackAddress()) {
            err.println("warning: --metrics-bind " + host + ": the metrics endpoint can be reached from other "
                    + "machines (it shows pool numbers and run progress, no secrets)");
        }
        err.println("metrics: " + server.baseUrl() + "/metrics · /health · /stats");
        return Optional.of(new Endpoint(server, metrics));
    }
}
