package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code --metrics-port} and {@code --metrics-bind} of run and sweep, through the CLI. */
class MetricsEndpointCommandTest {

    private static final Pattern ENDPOINT = Pattern.compile("metrics: http://([0-9.]+):(\\d+)/metrics · /health · "
            + "/stats");

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"run", "sweep"})
    void aPortInUseIsOneErrorLineAndExitTwoBeforeAnythingIsWritten(String command) throws Exception {
        String target = TestPostgres.newDatabase("untouched");
        Path config = config(Posts.database(1_000), target, 0);
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();
            List<String> args = new ArrayList<>(List.of(command, "--config", config.toString(), "--metrics-port",
                    Integer.toString(port)));
            if (command.equals("sweep")) {
                args.addAll(List.of("--workers", "1", "--pool-size", "1"));
            }

            Cli.Result run = Cli.run(dir.resolve("home"), Map.of(), args.toArray(String[]::new));

            assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCode.BAD_INPUT);
            assertThat(run.out()).isEmpty();
            assertThat(run.errLines()).containsExactly("error: --metrics-port: cannot listen on 127.0.0.1:" + port
                    + ": Address already in use (pick another port, or 0 for any free one)");
        }
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = 'public'")).as("tables in the target").isZero();
        Cli.Result history = Cli.run(dir.resolve("home"), Map.of(), "history", "list", "--json");
        assertThat(new ObjectMapper().readTree(history.out()).get("runs")).as(history.out()).isEmpty();
    }

    @Test
    void theEndpointListensOnLoopbackOnlyUnlessToldAndServesWhileTheRunGoes() throws Exception {
        // A narrow link to the target makes the copy last a few seconds.
        Path config = config(Posts.database(30_000), TestPostgres.newDatabase("looped"), 20);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> {
            try (PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
                return PoolLabCli.execute(new String[] {"run", "--config", config.toString(), "--metrics-port", "0",
                    "--home", dir.resolve("home").toString()}, new PrintStream(new ByteArrayOutputStream()), e,
                        Map.of());
            }
        });
        Matcher line = ENDPOINT.matcher(waitForLine(err, "metrics: "));
        assertThat(line.matches()).as(err.toString(StandardCharsets.UTF_8)).isTrue();
        assertThat(line.group(1)).isEqualTo("127.0.0.1");
        int port = Integer.parseInt(line.group(2));

        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(health.statusCode()).as(health.body()).isIn(200, 503);
        assertThat(new ObjectMapper().readTree(health.body()).get("status").asText())
                .isIn("healthy", "degraded", "unhealthy");
        // Another loopback address of this machine is not where it listens: it is bound to 127.0.0.1 alone.
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.2", port), 1_000);
            }
        }).isInstanceOf(ConnectException.class);

        assertThat(exit.get(60, TimeUnit.SECONDS)).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThatThrownBy(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1_000);
            }
        }).as("the endpoint closes with the run").isInstanceOf(ConnectException.class);
    }

    @Test
    void aBindAddressWithoutAPortIsBadInput() throws Exception {
        Path config = config("jdbc:postgresql://127.0.0.1:1/none", "jdbc:postgresql://127.0.0.1:1/none", 0);

        Cli.Result run = Cli.run(dir.resolve("home"), Map.of(), "run", "--config", config.toString(),
                "--metrics-bind", "0.0.0.0");

        assertThat(run.exitCode()).isEqualTo(ExitCode.BAD_INPUT);
        assertThat(run.errLines()).containsExactly("error: --metrics-bind: needs --metrics-port PORT");
    }

    private Path config(String source, String target, double targetMbps) throws Exception {
        return Files.writeString(dir.resolve("metrics-" + System.nanoTime() + ".yaml"), """
                source: {jdbcUrl: %s, username: postgres}
                target: {jdbcUrl: %s, username: postgres%s}
                tables: [public.posts]
                partitionsPerTable: 4
                sampleIntervalMs: 100
                """.formatted(source, target, targetMbps > 0 ? ", latencyMs: 1, bandwidthMbps: " + targetMbps : ""));
    }

    private static String waitForLine(ByteArrayOutputStream err, String start) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() - deadline < 0) {
            String text = err.toString(StandardCharsets.UTF_8);
            for (String line : text.lines().toList()) {
                if (line.startsWith(start) && text.contains(line + System.lineSeparator())) {
                    return line;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no line starting \"" + start + "\" within 30 s: " + err);
    }
}
