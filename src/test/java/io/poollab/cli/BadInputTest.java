package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of bad input gives exactly one {@code error:} line naming what is wrong and where, exit code 2, no
 * stack trace, and leaves the target exactly as it was.
 */
class BadInputTest {

    private static String source;
    private String target;
    @TempDir
    Path dir;

    @BeforeAll
    static void sourceTables() throws Exception {
        source = Posts.database(2_000);
        TestPostgres.execute(source,
                "CREATE TABLE loose (k integer, v text)",
                "CREATE TABLE dupes (k integer NOT NULL, v text)",
                "CREATE TABLE shapes (id integer PRIMARY KEY, p point)",
                "INSERT INTO shapes VALUES (1, point(1, 2))");
    }

    @BeforeEach
    void freshTarget() {
        target = TestPostgres.newDatabase("bad");
    }

    @Test
    void malformedYaml() throws Exception {
        assertRefused(config("tables: [posts\n"), "error: cfg.yaml:7:1: malformed YAML: expected ',' or ']', "
                + "but got <stream end> while parsing a flow sequence");
    }

    @Test
    void unknownKeySuggestsTheNearest() throws Exception {
        assertRefused(config("tables: [posts]\npool:\n  source: {maxPoolSize: 2}\n"),
                "error: cfg.yaml:8:12: pool.source.maxPoolSize: unknown key \"maxPoolSize\"; "
                        + "did you mean \"maximumPoolSize\"?");
    }

    @Test
    void missingEnvironmentVariable() throws Exception {
        String yaml = config("tables: [posts]\n").replace("username: postgres}", "username: postgres, "
                + "password: '${env:POOLLAB_TEST_UNSET}'}");
        assertRefused(yaml, "error: cfg.yaml:1:");
        assertThat(lastRun.err()).contains("source.password: environment variable POOLLAB_TEST_UNSET is not set");
        assertThat(lastRun.err()).matches("error: [^ ]*cfg.yaml:1:\\d+: source.password: .*\\R");
    }

    @Test
    void wrongPassword() throws Exception {
        String role = TestPostgres.passwordRole();
        String yaml = config("tables: [posts]\n").replaceFirst("username: postgres}",
                java.util.regex.Matcher.quoteReplacement("username: " + role + ", password: '${env:PW}'}"));
        assertRefused(yaml, Map.of("PW", "wrong-password"), "error: cfg.yaml:1:19: source.jdbcUrl: cannot connect to "
                + source + ": FATAL: password authentication failed for user \"" + role + "\" (SQLState 28P01)");
        assertThat(lastRun.err()).doesNotContain("wrong-password");
    }

    @Test
    void unreachableServerFailsWithinTheConnectionTimeout() throws Exception {
        // A listener that accepts TCP connections and never answers: the worst case, a hung server.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            List<Socket> accepted = new ArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        accepted.add(silent.accept());
                    }
                } catch (IOException closed) {
                    // The test is over.
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String url = "jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/nowhere";
            String yaml = config("tables: [posts]\npool:\n  source: {connectionTimeout: 1000}\n")
                    .replaceFirst(java.util.regex.Pattern.quote(source), url);
            long start = System.nanoTime();
            assertRefused(yaml, "error: cfg.yaml:1:19: source.jdbcUrl: cannot connect to " + url + ": ");
            assertThat((System.nanoTime() - start) / 1e9).as("seconds to give up").isLessThan(15);
        }
    }

    @Test
    void unknownTable() throws Exception {
        assertRefused(config("tables:\n  - source: public.nope\n"),
                "error: cfg.yaml:7:13: tables[0].source: table public.nope not found in the source database");
    }

    @Test
    void nullableKey() throws Exception {
        assertRefused(config("tables:\n  - {source: loose, key: k}\n"),
                "error: cfg.yaml:7:26: tables[0].key: key column k of public.loose is nullable; a partitioning key "
                        + "must be NOT NULL");
    }

    @Test
    void nonUniqueKey() throws Exception {
        assertRefused(config("tables:\n  - {source: dupes, key: k}\n"),
                "error: cfg.yaml:7:26: tables[0].key: key column k of public.dupes is not unique; use the primary "
                        + "key or a NOT NULL column with a unique index");
    }

    @Test
    void unmappedType() throws Exception {
        String h2 = "jdbc:h2:" + dir.resolve("h2target");
        String yaml = config("tables: [shapes]\n").replace("{jdbcUrl: " + target + ", username: postgres}",
                "{jdbcUrl: " + h2 + ", username: sa}");
        assertRefused(yaml, "error: cfg.yaml:6:10: tables[0].source: column public.shapes.p: point has no H2 "
                + "equivalent");
        assertThat(lastRun.err()).doesNotContain("more;");
        try (Connection c = DriverManager.getConnection(h2, "sa", "");
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT count(*) FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = 'PUBLIC'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("tables created in the H2 target").isZero();
        }
    }

    @Test
    void createModeOnANonEmptyTarget() throws Exception {
        TestPostgres.execute(target, "CREATE TABLE posts (id bigint PRIMARY KEY)", "INSERT INTO posts VALUES (42)");
        assertRefused(config("tables:\n  - {source: posts, mode: create}\n"),
                "error: cfg.yaml:7:27: tables[0].mode: target table public.posts already holds 1 rows; use mode "
                        + "truncate or append, or drop it");
    }

    @Test
    void workersBelowOne() throws Exception {
        assertRefused(config("tables: [posts]\nworkers: 0\n"),
                "error: cfg.yaml:7:10: workers: must be between 1 and 1,024, got 0");
    }

    @Test
    void workersBelowOneOnTheCommandLine() throws Exception {
        Path file = write(config("tables: [posts]\n"));
        lastRun = Cli.run(dir.resolve("home"), Map.of(), "run", "--config", file.toString(), "--workers", "0");
        assertOneErrorLine("error: --workers 0: workers: must be between 1 and 1,024, got 0");
    }

    @Test
    void minimumIdleAboveMaximumPoolSize() throws Exception {
        assertRefused(config("tables: [posts]\npool:\n  target: {maximumPoolSize: 2, minimumIdle: 5}\n"),
                "error: cfg.yaml:8:45: pool.target.minimumIdle: 5 is more than maximumPoolSize 2; HikariCP would "
                        + "silently lower it");
    }

    @Test
    void negativeLatency() throws Exception {
        String yaml = config("tables: [posts]\n").replaceFirst("username: postgres}",
                "username: postgres, latencyMs: -5}");
        int column = yaml.lines().findFirst().orElseThrow().indexOf("-5") + 1;
        assertRefused(yaml, "error: cfg.yaml:1:" + column + ": source.latencyMs: must be between 0 and 10,000 ms, "
                + "got -5");
    }

    @Test
    void latencyOnAnEmbeddedH2Target() throws Exception {
        String h2 = "jdbc:h2:" + dir.resolve("h2target");
        String yaml = config("tables: [posts]\n").replace("{jdbcUrl: " + target + ", username: postgres}",
                "{jdbcUrl: " + h2 + ", username: sa, latencyMs: 20}");
        int column = yaml.lines().skip(1).findFirst().orElseThrow().indexOf("20}") + 1;
        assertRefused(yaml, "error: cfg.yaml:2:" + column + ": target.latencyMs: " + h2 + " has no network endpoint: "
                + "the latency proxy sits on a TCP connection, so use an H2 server (jdbc:h2:tcp://HOST:PORT/…) or "
                + "remove the setting");
        assertThat(dir.resolve("h2target.mv.db")).as("nothing created").doesNotExist();
    }

    // ---- helpers ----

    private Cli.Result lastRun;

    private String config(String rest) {
        return "source: {jdbcUrl: " + source + ", username: postgres}\n"
                + "target: {jdbcUrl: " + target + ", username: postgres}\n"
                + "verify: checksum\n" + "batchRows: 500\n" + "# tables and the rest follow\n" + rest;
    }

    private void assertRefused(String yaml, String expectedErrorStart) throws Exception {
        assertRefused(yaml, Map.of(), expectedErrorStart);
    }

    private void assertRefused(String yaml, Map<String, String> environment, String expectedErrorStart)
            throws Exception {
        String before = targetState();
        Path file = write(yaml);
        lastRun = Cli.run(dir.resolve("home"), environment, "run", "--config", file.toString());
        assertOneErrorLine(expectedErrorStart);
        assertThat(targetState()).as("target database after the refused run").isEqualTo(before);
    }

    private void assertOneErrorLine(String expectedErrorStart) {
        assertThat(lastRun.exitCode()).as(lastRun.err()).isEqualTo(2);
        assertThat(lastRun.out()).isEmpty();
        List<String> errors = lastRun.errLines().stream().filter(l -> !l.startsWith("warning: ")).toList();
        assertThat(errors).singleElement().asString().startsWith(expectedErrorStart.replace("cfg.yaml",
                dir.resolve("cfg.yaml").toString()));
        assertThat(lastRun.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Path write(String yaml) throws IOException {
        return Files.writeString(dir.resolve("cfg.yaml"), yaml);
    }

    /** Every table of the target with its row count. */
    private String targetState() throws Exception {
        StringBuilder state = new StringBuilder();
        try (Connection c = TestPostgres.connect(target);
             ResultSet rs = c.createStatement().executeQuery(
                     "SELECT relname FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace "
                             + "ORDER BY relname")) {
            while (rs.next()) {
                state.append(rs.getString(1)).append('=')
                        .append(TestPostgres.queryLong(target, "SELECT count(*) FROM " + rs.getString(1))).append(' ');
            }
        }
        return state.toString();
    }
}
