package io.poollab.bench;

import io.poollab.proxy.LatencyProxy;
import io.poollab.proxy.ProxySettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Locale;
import org.postgresql.PGConnection;

/**
 * What the latency proxy costs when it adds nothing (delay 0), against a direct connection to the same server:
 * {@code SELECT 1} round trips (p50 and p99) and a 40 MB COPY out, in alternating rounds so that drift on a shared
 * machine falls on both; then the round trip at 20 ms each way, as a check of the delay itself. Figures on stdout.
 *
 * <pre>java -cp TEST_CLASSPATH io.poollab.bench.ProxyBench [--rounds 5] [--round-trips 2000] [--port N]</pre>
 *
 * Without {@code --port} it starts its own embedded PostgreSQL ({@link EmbeddedPostgresServer#start}).
 */
public final class ProxyBench {

    private static final String COPY = "COPY (SELECT g, repeat('x', 200) FROM generate_series(1, 200000) g) TO STDOUT";

    private int rounds = 5;
    private int roundTrips = 2_000;
    private Integer port;

    public static void main(String[] args) throws Exception {
        ProxyBench bench = new ProxyBench();
        bench.parse(args);
        if (bench.port != null) {
            bench.run(bench.port);
        } else {
            try (EmbeddedPostgres server = EmbeddedPostgresServer.start(null)) {
                bench.run(server.getPort());
            }
        }
    }

    private void run(int serverPort) throws Exception {
        InetSocketAddress server = new InetSocketAddress("127.0.0.1", serverPort);
        System.out.printf(Locale.ROOT, "%d rounds of %,d SELECT 1 and one COPY out of %s, direct then through the "
                + "proxy at delay 0%n", rounds, roundTrips, "200,000 rows (~40 MB)");
        System.out.println("round  direct p50  proxy p50  direct p99  proxy p99  direct COPY  proxy COPY");
        double[][] medians = new double[2][rounds];
        double[][] copies = new double[2][rounds];
        try (LatencyProxy proxy = LatencyProxy.start(ProxySettings.onLoopback(server, 0, 0, 0));
             Connection direct = connect(serverPort); Connection proxied = connect(proxy.port())) {
            roundTrips(direct, 500);
            roundTrips(proxied, 500);
            for (int round = 0; round < rounds; round++) {
                double[] a = roundTrips(direct, roundTrips);
                double[] b = roundTrips(proxied, roundTrips);
                copies[0][round] = copySeconds(direct);
                copies[1][round] = copySeconds(proxied);
                medians[0][round] = percentile(a, 50);
                medians[1][round] = percentile(b, 50);
                System.out.printf(Locale.ROOT, "%5d  %7.3f ms %7.3f ms  %7.3f ms %7.3f ms  %8.2f s  %8.2f s%n",
                        round + 1, medians[0][round], medians[1][round], percentile(a, 99), percentile(b, 99),
                        copies[0][round], copies[1][round]);
            }
        }
        double directMedian = percentile(medians[0], 50);
        double proxyMedian = percentile(medians[1], 50);
        System.out.printf(Locale.ROOT, "median of rounds: SELECT 1 %.3f ms direct, %.3f ms through the proxy "
                + "(+%.3f ms); COPY %.2f s direct, %.2f s through the proxy (%+.0f %%)%n", directMedian,
                proxyMedian, proxyMedian - directMedian, percentile(copies[0], 50), percentile(copies[1], 50),
                100 * (percentile(copies[1], 50) / percentile(copies[0], 50) - 1));
        try (LatencyProxy proxy = LatencyProxy.start(ProxySettings.onLoopback(server, 20, 0, 0));
             Connection far = connect(proxy.port())) {
            double[] rtts = roundTrips(far, 50);
            System.out.printf(Locale.ROOT, "at 20 ms each way: SELECT 1 p50 %.2f ms, max %.2f ms (expected 40)%n",
                    percentile(rtts, 50), percentile(rtts, 100));
        }
    }

    private static Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "postgres", "");
    }

    private static double[] roundTrips(Connection connection, int count) throws SQLException {
        double[] ms = new double[count];
        try (Statement statement = connection.createStatement()) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = statement.executeQuery("SELECT 1")) {
                    rs.next();
                }
                ms[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        return ms;
    }

    private static double copySeconds(Connection connection) throws Exception {
        long start = System.nanoTime();
        connection.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY, OutputStream.nullOutputStream());
        return (System.nanoTime() - start) / 1e9;
    }

    private static double percentile(double[] values, double percent) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    private void parse(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            if (value == null) {
                throw new IllegalArgumentException(args[i] + " needs a value");
            }
            switch (args[i]) {
                case "--rounds" -> rounds = Integer.parseInt(value);
                case "--round-trips" -> roundTrips = Integer.parseInt(value);
                case "--port" -> port = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]);
            }
            i++;
        }
    }
}
