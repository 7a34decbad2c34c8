package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.testing.Cli;
import io.poollab.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import sun.misc.Signal;

/** {@code poollab proxy}: forwards with its delay until Ctrl-C (exit 130); bad input is one line and exit 2. */
class ProxyCommandTest {

    @TempDir
    Path dir;

    @Test
    void forwardsWithTheDelayUntilCtrlC() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return PoolLabCli.execute(new String[] {"proxy", "--listen", "127.0.0.1:0", "--to",
                    "127.0.0.1:" + TestPostgres.port(), "--latency-ms", "10", "--jitter-ms", "2", "--home",
                    dir.toString()}, System.out, e, Map.of());
            }
        });
        String started = waitForLine(err, "proxy: ");
        Matcher line = Pattern.compile("proxy: 127\\.0\\.0\\.1:(\\d+) → 127\\.0\\.0\\.1:" + TestPostgres.port()
                + ", \\+10 ms each way \\(RTT \\+20 ms\\), ±2 ms jitter").matcher(started);
        assertThat(line.matches()).as(started).isTrue();
        int port = Integer.parseInt(line.group(1));

        double[] rtts = new double[10];
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                "postgres", ""); Statement s = c.createStatement()) {
            s.execute("SELECT 1");
            for (int i = 0; i < rtts.length; i++) {
                long start = System.nanoTime();
                try (ResultSet rs = s.executeQuery("SELECT 1")) {
                    rs.next();
                }
                rtts[i] = (System.nanoTime() - start) / 1e6;
            }
        }
        Signal.raise(new Signal("INT"));

        assertThat(exit.get(10, TimeUnit.SECONDS)).isEqualTo(ExitCode.CANCELLED);
        Arrays.sort(rtts);
        assertThat(rtts[0]).as("the fastest round trip").isGreaterThanOrEqualTo(2 * (10 - 2));
        assertThat(rtts[rtts.length / 2]).as("the median round trip").isBetween(20.0 - 4, 20.0 + 10);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("stopping the proxy")
                .containsPattern("proxy: stopped after 1 connection, [\\d,]+ bytes to the server, [\\d,]+ back");
        try (Socket probe = new Socket()) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> probe.connect(
                    new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000))
                    .isInstanceOf(ConnectException.class);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "--listen 127.0.0.1 --to db:5432 --latency-ms 20 | error: --listen 127.0.0.1: give HOST:PORT, e.g. "
                + "127.0.0.1:6543",
        "--listen 127.0.0.1:6543 --to db:99999 --latency-ms 20 | error: --to db:99999: 99999 is not a port (1 to "
                + "65535)",
        "--listen 127.0.0.1:6543 --to db:5432 --latency-ms -5 | error: --latency-ms -5: must be between 0 and "
                + "10,000 ms, got -5",
        "--listen 127.0.0.1:6543 --to db:5432 --latency-ms 20 --jitter-ms 30 | error: --jitter-ms 30: 30 ms is more "
                + "than latencyMs 20 ms: a delay would go below zero",
        "--listen 127.0.0.1:6543 --to db:5432 --latency-ms 20 --bandwidth-mbps -1 | error: --bandwidth-mbps -1: "
                + "must be 0 (no cap) or between 0.01 and 100,000 Mbit/s, got -1",
        "--listen 0.0.0.0:6543 --to db:5432 --latency-ms 20 | error: --listen 0.0.0.0:6543: the proxy listens on "
                + "loopback only (127.0.0.1, ::1 or localhost)",
        "--listen 127.0.0.1:6543 --to nohost.invalid:5432 --latency-ms 20 | error: --to nohost.invalid:5432: "
                + "unknown host nohost.invalid",
        "--listen 127.0.0.1:6543 --to db:5432 --latency-ms twenty | error: Invalid value for option '--latency-ms': "
                + "'twenty' is not a long (see poollab proxy --help)",
    })
    void badInputIsOneErrorLineAndExitCodeTwo(String arguments, String error) {
        List<String> args = new java.util.ArrayList<>(List.of("proxy"));
        args.addAll(List.of(arguments.split(" ")));

        Cli.Result run = Cli.run(dir.resolve("home"), Map.of(), args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(error);
    }

    @Test
    void aPortInUseIsBadInputAndNothingIsLeftRunning() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            String listen = "127.0.0.1:" + taken.getLocalPort();

            Cli.Result run = Cli.run(dir.resolve("home"), Map.of(), "proxy", "--listen", listen, "--to", "127.0.0.1:5432",
                    "--latency-ms", "5");

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.errLines()).containsExactly("error: --listen " + listen + ": cannot listen there: "
                    + "Address already in use");
            assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.isAlive()
                    && t.getName().equals("poollab-proxy-" + taken.getLocalPort()));
        }
    }

    private static String waitForLine(ByteArrayOutputStream err, String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() - deadline < 0) {
            String text = err.toString(StandardCharsets.UTF_8);
            for (String line : text.lines().toList()) {
                if (line.startsWith(start) && text.contains(line + System.lineSeparator())) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line starting \"" + start + "\" within 20 s: " + err);
    }
}
