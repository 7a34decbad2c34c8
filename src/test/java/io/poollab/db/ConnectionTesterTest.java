package io.poollab.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.ConnectionProfile;
import io.poollab.config.Secret;
import io.poollab.config.SimulatedNetwork;
import io.poollab.db.ConnectionTester.Failure;
import io.poollab.db.ConnectionTester.Failure.Category;
import io.poollab.db.ConnectionTester.Result;
import io.poollab.db.ConnectionTester.Success;
import io.poollab.db.ConnectionTester.Tls;
import io.poollab.testing.TestPostgres;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Against the embedded PostgreSQL 16, embedded H2, and local sockets that refuse or never answer: no mocks. */
class ConnectionTesterTest {

    private static final Duration GENEROUS = Duration.ofSeconds(10);

    private final ConnectionTester tester = new ConnectionTester();

    @Test
    void aHealthyPostgresReportsVersionLimitSessionsRoundTripAndNoTls() throws Exception {
        String url = TestPostgres.newDatabase("tester");

        Result result = tester.test(ConnectionProfile.of(url, "postgres", Secret.NONE), Map.of(), GENEROUS);

        assertThat(result).isInstanceOf(Success.class);
        Success success = (Success) result;
        assertThat(success.product()).isEqualTo("PostgreSQL");
        assertThat(success.version()).startsWith("16");
        assertThat(success.maxConnections()).isEqualTo(200);
        assertThat(success.currentSessions()).isGreaterThanOrEqualTo(1);
        assertThat(success.roundTripMs()).isGreaterThan(0).isLessThan(50);
        assertThat(success.connectMs()).isGreaterThan(0);
        assertThat(success.tls()).isEqualTo(Tls.OFF);
        // The database is new and only the tester connected to it, so any session left on it is the tester's.
        assertThat(sessionsOn(url.substring(url.lastIndexOf('/') + 1))).as("the test connection closed").isZero();
    }

    @Test
    void theRightPasswordConnectsAndAWrongOneIsNamedAsSuch() {
        String role = TestPostgres.passwordRole();
        String url = TestPostgres.url("postgres");

        Result right = tester.test(ConnectionProfile.of(url, role, new Secret.Prompted("right-password")), Map.of(),
                GENEROUS);
        Result wrong = tester.test(ConnectionProfile.of(url, role, new Secret.Prompted("wrong-password")), Map.of(),
                GENEROUS);

        assertThat(right).isInstanceOf(Success.class);
        assertThat(wrong).isInstanceOf(Failure.class);
        Failure failure = (Failure) wrong;
        assertThat(failure.category()).isEqualTo(Category.BAD_PASSWORD);
        assertThat(failure.message()).isEqualTo("password authentication failed for user pw_user (SQLState 28P01)");
        assertThat(failure.detail()).contains("28P01").doesNotContain("wrong-password");
    }

    @Test
    void aMissingPasswordSaysOneIsNeeded() {
        String role = TestPostgres.passwordRole();
        // No pgpass file either, whatever the machine running the test has.
        System.setProperty("org.postgresql.pgpassfile", "/nonexistent/pgpass");
        try {
            Failure failure = failure(tester.test(ConnectionProfile.of(TestPostgres.url("postgres"), role,
                    Secret.NONE), Map.of(), GENEROUS));

            assertThat(failure.category()).isEqualTo(Category.BAD_PASSWORD);
            assertThat(failure.message()).isEqualTo("the server asks for a password for user pw_user and none was "
                    + "given; choose a password source (SQLState 08004)");
        } finally {
            System.clearProperty("org.postgresql.pgpassfile");
        }
    }

    @Test
    void anUnknownHostIsNamed() {
        for (String url : new String[] {"jdbc:postgresql://nohost.invalid/x", "jdbc:sqlserver://nohost.invalid"}) {
            Failure failure = failure(tester.test(ConnectionProfile.of(url, "app", Secret.NONE), Map.of(), GENEROUS));

            assertThat(failure.category()).as(failure.toString()).isEqualTo(Category.UNKNOWN_HOST);
            assertThat(failure.message()).isEqualTo("unknown host nohost.invalid");
        }
    }

    @Test
    void aClosedPortIsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:" + port + "/x",
            "jdbc:sqlserver://127.0.0.1:" + port + ";databaseName=x"}) {
            Failure failure = failure(tester.test(ConnectionProfile.of(url, "app", Secret.NONE), Map.of(), GENEROUS));

            assertThat(failure.category()).as(failure.toString()).isEqualTo(Category.REFUSED);
            assertThat(failure.message()).isEqualTo("connection refused by 127.0.0.1:" + port
                    + " (is the server running and listening on that port?)");
        }
    }

    @Test
    void aSimulatedNetworkIsTestedThroughTheProxyAndShowsItsRoundTrip() throws Exception {
        String url = TestPostgres.newDatabase("tester_far");
        ConnectionProfile far = ConnectionProfile.of(url, "postgres", Secret.NONE)
                .withNetwork(new SimulatedNetwork(15, 0, 0));

        Success success = (Success) tester.test(far, Map.of(), GENEROUS);

        System.out.printf("Test connection at latencyMs 15: RTT %.2f ms, connect %.2f ms%n", success.roundTripMs(),
                success.connectMs());
        // Never below the two delays; the upper bound leaves room for a loaded machine (LatencyProxyTest is exact).
        assertThat(success.roundTripMs()).isBetween(30.0, 30.0 + 20);
        // The TCP handshake and at least the startup exchange: two round trips.
        assertThat(success.connectMs()).isGreaterThanOrEqualTo(60.0);
        assertThat(sessionsOn(url.substring(url.lastIndexOf('/') + 1))).as("the test connection closed").isZero();
        assertThat(Thread.getAllStackTraces().keySet()).as("proxy threads after the test")
                .noneMatch(t -> t.isAlive() && t.getName().startsWith("poollab-connection-test-")
                        && t.getName().endsWith("-proxy"));
    }

    @Test
    void throughTheProxyARefusedServerIsStillNamedAsRefused() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        ConnectionProfile far = ConnectionProfile.of("jdbc:postgresql://127.0.0.1:" + port + "/x", "app", Secret.NONE)
                .withNetwork(new SimulatedNetwork(5, 0, 0));

        Failure failure = failure(tester.test(far, Map.of(), GENEROUS));

        assertThat(failure.category()).as(failure.toString()).isEqualTo(Category.REFUSED);
        assertThat(failure.message()).isEqualTo("connection refused by 127.0.0.1:" + port
                + " (is the server running and listening on that port?)");
    }

    @Test
    void aSimulatedNetworkOnAnEmbeddedH2IsRefusedBeforeConnecting() {
        ConnectionProfile embedded = ConnectionProfile.of("jdbc:h2:mem:far", "sa", Secret.NONE)
                .withNetwork(new SimulatedNetwork(5, 0, 0));

        Failure failure = failure(tester.test(embedded, Map.of(), GENEROUS));

        assertThat(failure.message()).isEqualTo("latencyMs: jdbc:h2:mem:far has no network endpoint: the latency "
                + "proxy sits on a TCP connection, so use an H2 server (jdbc:h2:tcp://HOST:PORT/…) or remove the "
                + "setting");
    }

    @Test
    void aServerThatNeverAnswersTimesOutWithinTheDurationAndTheSocketIsClosed() throws Exception {
        for (String url : new String[] {"jdbc:postgresql://127.0.0.1:%d/x", "jdbc:sqlserver://127.0.0.1:%d"}) {
            // 1.5 s: the drivers' own timeouts are whole seconds (2 s), so only the tester's guard can meet it.
            Duration timeout = Duration.ofMillis(1500);
            try (ServerSocket silent = new ServerSocket(0)) {
                CompletableFuture<Long> hungUpAtNanos = CompletableFuture.supplyAsync(() -> readUntilClosed(silent));
                String target = url.formatted(silent.getLocalPort());
                long start = System.nanoTime();

                Failure failure = failure(tester.test(ConnectionProfile.of(target, "app", new Secret.Plaintext("pw")),
                        Map.of(), timeout));

                double seconds = (System.nanoTime() - start) / 1e9;
                assertThat(failure.category()).as(failure.toString()).isEqualTo(Category.TIMEOUT);
                assertThat(failure.message())
                        .isEqualTo("no answer from 127.0.0.1:" + silent.getLocalPort() + " within 1.5 s");
                assertThat(seconds).isBetween(1.4, 2.0);
                long hungUp = hungUpAtNanos.get(10, TimeUnit.SECONDS);
                // The drivers' own limits (2 s here) end the attempt the guard gave up on.
                assertThat((hungUp - start) / 1e9).as(target + ": the client closed its socket").isLessThan(3.5);
            }
        }
    }

    @Test
    void aMissingDatabaseIsNamed() {
        String url = TestPostgres.url("nope_db");

        Failure failure = failure(tester.test(ConnectionProfile.of(url, "postgres", Secret.NONE), Map.of(), GENEROUS));

        assertThat(failure.category()).isEqualTo(Category.NO_DATABASE);
        assertThat(failure.message()).isEqualTo("database nope_db does not exist on 127.0.0.1:" + TestPostgres.port()
                + " (SQLState 3D000)");
    }

    @Test
    void requiringTlsFromAServerWithoutItIsATlsFailure() {
        String url = TestPostgres.url("postgres") + "?sslmode=require";

        Failure failure = failure(tester.test(ConnectionProfile.of(url, "postgres", Secret.NONE), Map.of(), GENEROUS));

        assertThat(failure.category()).isEqualTo(Category.TLS);
        assertThat(failure.message()).isEqualTo("the server at 127.0.0.1:" + TestPostgres.port()
                + " does not support TLS, which the connection requires (check sslmode or encrypt)");
    }

    @Test
    void anInMemoryH2WorksAndHasNoConnectionLimitOrTls() {
        Result result = tester.test(ConnectionProfile.of("jdbc:h2:mem:connection_tester", "sa", Secret.NONE),
                Map.of(), GENEROUS);

        assertThat(result).isInstanceOf(Success.class);
        Success success = (Success) result;
        assertThat(success.product()).isEqualTo("H2");
        assertThat(success.version()).startsWith("2.");
        assertThat(success.maxConnections()).isEqualTo(-1);
        assertThat(success.currentSessions()).isGreaterThanOrEqualTo(1);
        assertThat(success.roundTripMs()).isGreaterThan(0);
        assertThat(success.tls()).isEqualTo(Tls.NOT_APPLICABLE);
    }

    @Test
    void anUnsetEnvironmentVariableFailsBeforeAnyConnection() {
        Failure failure = failure(tester.test(ConnectionProfile.of("jdbc:h2:mem:x", "sa",
                new Secret.EnvVar("POOLLAB_TEST_UNSET")), Map.of(), GENEROUS));

        assertThat(failure.category()).isEqualTo(Category.OTHER);
        assertThat(failure.message()).isEqualTo("environment variable POOLLAB_TEST_UNSET is not set");
    }

    @Test
    void aPasswordInTheUrlNeverReachesTheMessage() {
        Failure failure = failure(tester.test(ConnectionProfile.of("jdbc:mysql://db1/x?password=hunter2", "app",
                Secret.NONE), Map.of(), GENEROUS));

        assertThat(failure.category()).isEqualTo(Category.OTHER);
        assertThat(failure.message()).isEqualTo("unsupported JDBC URL \"jdbc:mysql://db1/x?password=…\"; PoolLab "
                + "supports jdbc:postgresql:, jdbc:sqlserver: and jdbc:h2:");
    }

    private static Failure failure(Result result) {
        assertThat(result).isInstanceOf(Failure.class);
        return (Failure) result;
    }

    /** Accepts one connection, never writes, and returns when the client hangs up. */
    private static long readUntilClosed(ServerSocket server) {
        try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
            byte[] buffer = new byte[256];
            while (in.read(buffer) >= 0) {
                // Swallow the client's greeting: this server never answers.
            }
            return System.nanoTime();
        } catch (IOException e) {
            return System.nanoTime();
        }
    }

    private static long sessionsOn(String database) throws Exception {
        String sql = "SELECT count(*) FROM pg_stat_activity WHERE datname = '" + database + "'";
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long count;
        // A backend leaves pg_stat_activity a moment after its client hangs up.
        String postgres = TestPostgres.url("postgres");
        while ((count = TestPostgres.queryLong(postgres, sql)) > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return count;
    }
}
