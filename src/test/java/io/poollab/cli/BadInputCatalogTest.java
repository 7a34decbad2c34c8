package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bad inputs of issue 9's catalogue that {@link BadInputTest} does not cover: each is one {@code error:} line,
 * exit 2, no stack trace, and the target as it was. Also: hostile table names are quoted, never spliced.
 */
class BadInputCatalogTest {

    /** A name with a quote, a semicolon, a comment and a non-ASCII letter: SQL if it were ever spliced. */
    static final String HOSTILE = "we\"ird; DROP TABLE posts; -- ü";

    private static String source;
    private String target;
    private Cli.Result last;
    @TempDir
    Path dir;

    @BeforeAll
    static void sourceTables() throws Exception {
        source = Posts.database(1_000);
        TestPostgres.execute(source,
                "CREATE TABLE texty (k text PRIMARY KEY, v integer)",
                "INSERT INTO texty VALUES ('a', 1)",
                "CREATE TABLE \"" + HOSTILE.replace("\"", "\"\"") + "\" (id integer PRIMARY KEY, \"v;\"\"x\" text)",
                "INSERT INTO \"" + HOSTILE.replace("\"", "\"\"") + "\" SELECT g, 'row ' || g FROM generate_series(1, 300) g");
    }

    @BeforeEach
    void freshTarget() {
        target = TestPostgres.newDatabase("catalogue");
    }

    @Test
    void theSameTableAsSourceAndTargetIsRefused() throws Exception {
        String yaml = "source: {jdbcUrl: " + source + ", username: postgres}\n"
                + "target: {jdbcUrl: " + source.replace("127.0.0.1", "localhost") + ", username: postgres}\n"
                + "tables:\n  - {source: posts, mode: truncate}\n";
        long before = TestPostgres.queryLong(source, "SELECT count(*) FROM posts");
        refused(yaml, "error: cfg.yaml:4:5: tables[0].target: table public.posts is the source table itself "
                + "(source and target are the same database): name another target table");
        assertThat(TestPostgres.queryLong(source, "SELECT count(*) FROM posts")).isEqualTo(before);
    }

    @Test
    void aConnectionTimeoutUnder250MsIsRefused() throws Exception {
        refused(config("tables: [posts]\npool:\n  target: {connectionTimeout: 100}\n"),
                "error: cfg.yaml:7:31: pool.target.connectionTimeout: must be at least 250 ms, got 100 (0, wait "
                        + "forever, is not allowed: a run must never hang on an exhausted pool)");
    }

    @Test
    void aMaximumBackoffBelowTheInitialOneIsRefused() throws Exception {
        refused(config("tables: [posts]\nretry: {initialBackoffMs: 1000, maxBackoffMs: 100}\n"),
                "error: cfg.yaml:6:47: retry.maxBackoffMs: 100 ms is less than initialBackoffMs 1000 ms");
    }

    @Test
    void retryAttemptsOutOfRangeAreRefused() throws Exception {
        refused(config("tables: [posts]\nretry: {attempts: 1000}\n"),
                "error: cfg.yaml:6:19: retry.attempts: must be between 0 and 100, got 1000");
    }

    @Test
    void failFastThatIsNotABooleanIsRefused() throws Exception {
        refused(config("tables: [posts]\nfailFast: maybe\n"),
                "error: cfg.yaml:6:11: failFast: must be true or false, got maybe");
    }

    @Test
    void aKeyOfAnUnsplittableTypeIsRefused() throws Exception {
        refused(config("tables:\n  - {source: texty, key: k}\n"),
                "error: cfg.yaml:6:26: tables[0].key: key column k of public.texty has type text; PoolLab splits "
                        + "integer, date and timestamp (up to microsecond) keys");
    }

    @Test
    void aHostileTableNameThatDoesNotExistIsNotFoundAndRunsNothing() throws Exception {
        refused(config("tables:\n  - {source: 'posts\"; DROP TABLE posts; --'}\n"),
                "error: cfg.yaml:6:14: tables[0].source: table posts\"; DROP TABLE posts; -- not found in the "
                        + "source database");
        assertThat(TestPostgres.queryLong(source, "SELECT count(*) FROM posts")).isEqualTo(1_000);
    }

    @Test
    void hostileTableAndColumnNamesAreQuotedAndCopiedRowForRow() throws Exception {
        TestPostgres.execute(target, "CREATE TABLE posts (id integer)");
        // A table is named as schema.name, taken literally (no quoting syntax to get wrong) and looked up by value.
        String quoted = "'public." + HOSTILE.replace("'", "''") + "'";
        last = Cli.run(dir.resolve("home"), Map.of(), "run", "--config",
                write(config("tables:\n  - {source: " + quoted + "}\n")).toString());

        assertThat(last.exitCode()).as(last.err()).isZero();
        String table = "\"" + HOSTILE.replace("\"", "\"\"") + "\"";
        String digest = "SELECT count(*) || md5(string_agg(id || \"v;\"\"x\", ',' ORDER BY id)) FROM " + table;
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM " + table)).isEqualTo(300);
        assertThat(query(target, digest)).isEqualTo(query(source, digest));
        // Neither posts table was dropped by the name.
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM posts")).isZero();
        assertThat(TestPostgres.queryLong(source, "SELECT count(*) FROM posts")).isEqualTo(1_000);
    }

    @Test
    void aPoolLargerThanTheServerAllowsIsAWarningBeforeTheRun() throws Exception {
        last = Cli.run(dir.resolve("home"), Map.of(), "check", "--config", write(config(
                "tables: [posts]\npool:\n  target: {maximumPoolSize: 500, minimumIdle: 0}\n")).toString());

        assertThat(last.exitCode()).as(last.err()).isZero();
        assertThat(last.errLines()).anyMatch(l -> l.startsWith("warning: pool.target: this run may open 502 target "
                + "connections (maximumPoolSize 500, + 2 for monitoring and verification) but the server has room "
                + "for ") && l.contains("(max_connections 200 − 3 reserved − ")
                && l.endsWith(" sessions now): connections beyond it will be refused"));
    }

    @Test
    void anUnknownOptionSuggestsTheNearest() {
        last = Cli.run(dir.resolve("home"), Map.of(), "run", "--config", "x.yaml", "--jsn");
        assertOneError("error: Unknown option: '--jsn'; did you mean --json? (see poollab run --help)");
    }

    @Test
    void resumingAnUnknownRunIsRefused() {
        last = Cli.run(dir.resolve("home"), Map.of(), "run", "--resume", "999");
        assertOneError("error: --resume: there is no run 999 in " + dir.resolve("home").resolve("history.mv.db"));
    }

    @Test
    void resumingARunWhoseStoredConfigChangedIsRefused() throws Exception {
        // A failed run: every row appended again onto a target that already holds one of their keys.
        Path home = dir.resolve("home");
        Cli.Result made = Cli.run(home, Map.of(), "run", "--config", write(config("tables: [posts]\n")).toString());
        assertThat(made.exitCode()).as(made.err()).isZero();
        TestPostgres.execute(target, "DELETE FROM posts WHERE id > 1");
        Cli.Result failed = Cli.run(home, Map.of(), "run", "--config",
                write(config("tables:\n  - {source: posts, mode: append}\n")).toString());
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + home.resolve("history") + ";AUTO_SERVER=TRUE",
                "sa", "")) {
            c.createStatement().executeUpdate("UPDATE run SET config_yaml = config_yaml || '# edited' WHERE id = 2");
        }
        String before = query(target, "SELECT count(*) || ':' || sum(id) FROM posts");

        last = Cli.run(home, Map.of(), "run", "--resume", "2");

        assertOneError("error: --resume: run 2's stored config no longer matches its recorded hash; it was altered, "
                + "so the run cannot be resumed safely");
        assertThat(query(target, "SELECT count(*) || ':' || sum(id) FROM posts")).isEqualTo(before);
    }

    @Test
    void aCorruptHistoryFileIsNamedInOneLine() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        Files.write(home.resolve("history.mv.db"), "this is not an H2 database\n".repeat(200).getBytes());
        last = Cli.run(home, Map.of(), "history", "list");
        assertThat(last.exitCode()).as(last.err()).isEqualTo(2);
        assertThat(last.errLines()).singleElement().asString().startsWith("error: " + home.resolve("history.mv.db")
                + ": cannot open the history store: the file cannot be read as an H2 2.x database (damaged, another kind of file, or not readable: ");
        assertThat(last.err()).doesNotContain("\tat ");
    }

    // ---- helpers ----

    private String config(String rest) {
        return "source: {jdbcUrl: " + source + ", username: postgres}\n"
                + "target: {jdbcUrl: " + target + ", username: postgres}\n"
                + "batchRows: 500\n" + "# tables and the rest follow\n" + rest;
    }

    private void refused(String yaml, String expected) throws Exception {
        String before = targetState();
        last = Cli.run(dir.resolve("home"), Map.of(), "run", "--config", write(yaml).toString());
        assertOneError(expected.replace("cfg.yaml", dir.resolve("cfg.yaml").toString()));
        assertThat(targetState()).as("target after the refused run").isEqualTo(before);
    }

    private void assertOneError(String expected) {
        assertThat(last.exitCode()).as(last.err()).isEqualTo(2);
        assertThat(last.out()).isEmpty();
        List<String> errors = last.errLines().stream().filter(l -> !l.startsWith("warning: ")).toList();
        assertThat(errors).singleElement().asString().isEqualTo(expected);
        assertThat(last.err()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("cfg.yaml"), yaml);
    }

    private static String query(String url, String sql) throws Exception {
        try (Connection c = TestPostgres.connect(url); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String targetState() throws Exception {
        return query(target, "SELECT count(*) || ':' || coalesce(string_agg(relname, ',' ORDER BY relname), '') "
                + "FROM pg_class WHERE relkind = 'r' AND relnamespace = 'public'::regnamespace");
    }
}
