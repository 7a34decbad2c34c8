package io.poollab.cli;

import io.poollab.config.ConfigException;
import io.poollab.config.NetworkEndpoint;
import io.poollab.config.Problem;
import io.poollab.config.SimulatedNetwork;
import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxyCounters;
import io.poollab.proxy.ProxySettings;
import io.poollab.text.Units;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code poollab proxy}: the latency proxy on its own, for any client (psql, an application, another pool) and any
 * TCP server. It runs until Ctrl-C, like a run, and then exits with 130.
 */
@Command(name = "proxy", mixinStandardHelpOptions = true,
        description = "Forward TCP connections with a delay each way, so a local database behaves like a remote one.")
final class ProxyCommand implements Callable<Integer> {

    private static final Pattern HOST_PORT = Pattern.compile("(?:\\[([^\\]]+)]|([^:\\[\\]]+)):(\\d{1,5})");

    @ParentCommand
    PoolLabCli parent;

    @Option(names = "--listen", required = true, paramLabel = "HOST:PORT",
            description = "Loopback address to listen on, e.g. 127.0.0.1:6543 (port 0: a free one)")
    String listen;

    @Option(names = "--to", required = true, paramLabel = "HOST:PORT", description = "The server to forward to")
    String to;

    @Option(names = "--latency-ms", required = true, paramLabel = "N",
            description = "Delay added each way, in ms: a round trip costs twice this")
    long latencyMs;

    @Option(names = "--jitter-ms", paramLabel = "N", defaultValue = "0",
            description = "Each delay varies within ±N ms, at most the latency (default 0)")
    long jitterMs;

    @Option(names = "--bandwidth-mbps", paramLabel = "N", defaultValue = "0",
            description = "Cap per direction and connection, in Mbit/s (default 0: none)")
    double bandwidthMbps;

    @Override
    public Integer call() throws Exception {
        CliContext context = parent.context();
        PrintStream err = context.err();
        SimulatedNetwork network = new SimulatedNetwork(latencyMs, jitterMs, bandwidthMbps);
        List<Problem> problems = network.problems("", null, Map.of());
        if (!problems.isEmpty()) {
            throw new ConfigException(Problem.error(option(problems.get(0).field()), "", problems.get(0).message()));
        }
        InetSocketAddress listenAt = loopback(address("--listen", listen, 0));
        NetworkEndpoint target = address("--to", to, 1);
        InetSocketAddress server = new InetSocketAddress(target.host(), target.port());
        if (server.isUnresolved()) {
            throw new ConfigException(Problem.error("--to " + to, "", "unknown host " + target.host()));
        }
        LatencyProxy proxy;
        try {
            proxy = LatencyProxy.start(new ProxySettings(listenAt, server, latencyMs, jitterMs, bandwidthMbps));
        } catch (IOException e) {
            throw new ConfigException(Problem.error("--listen " + listen, "", "cannot listen there: "
                    + e.getMessage()));
        }
        CountDownLatch stop = new CountDownLatch(1);
        try (proxy; Interrupts interrupts = Interrupts.cancelling(stop::countDown, err, "stopping the proxy")) {
            // Said only once Ctrl-C is routed here, so whoever reads this line may already interrupt.
            err.println("proxy: " + new NetworkEndpoint(listenAt.getHostString(), proxy.port()) + " → " + target
                    + ", " + (network.isOn() ? network.describe() : "nothing added (latency 0)"));
            stop.await();
        }
        ProxyCounters counters = proxy.counters();
        err.println("proxy: stopped after " + Units.count(counters.accepted()) + " connection"
                + (counters.accepted() == 1 ? "" : "s") + ", " + Units.count(counters.bytesToTarget())
                + " bytes to the server, " + Units.count(counters.bytesToClient()) + " back");
        return ExitCode.CANCELLED;
    }

    /** {@code host:port} or {@code [v6]:port}, the port at least {@code lowestPort}. */
    private static NetworkEndpoint address(String option, String text, int lowestPort) throws ConfigException {
        Matcher matcher = HOST_PORT.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new ConfigException(Problem.error(option + " " + text, "", "give HOST:PORT, e.g. "
                    + (option.equals("--listen") ? "127.0.0.1:6543" : "db.example.com:5432")));
        }
        int port = Integer.parseInt(matcher.group(3));
        if (port < lowestPort || port > 65_535) {
            throw new ConfigException(Problem.error(option + " " + text, "", port + " is not a port ("
                    + lowestPort + " to 65535)"));
        }
        return new NetworkEndpoint(matcher.group(1) != null ? matcher.group(1) : matcher.group(2), port);
    }

    // A proxy open to the network would hand the database to anyone who can reach this machine.
    private InetSocketAddress loopback(NetworkEndpoint endpoint) throws ConfigException {
        InetSocketAddress address = new InetSocketAddress(endpoint.host(), endpoint.port());
        if (address.isUnresolved() || !address.getAddress().isLoopbackAddress()) {
            throw new ConfigException(Problem.error("--listen " + listen, "", "the proxy listens on loopback only "
                    + "(127.0.0.1, ::1 or localhost)"));
        }
        return address;
    }

    private String option(String field) {
        return switch (field) {
            case "jitterMs" -> "--jitter-ms " + jitterMs;
            case "bandwidthMbps" -> "--bandwidth-mbps " + SimulatedNetwork.format(bandwidthMbps);
            default -> "--latency-ms " + latencyMs;
        };
    }
}
