package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A known password goes through every path a CLI user has: a succeeded run (the password in a JDBC URL and as a
 * plaintext config value), a failed login with a wrong password under --debug (stack traces and debug logs), check,
 * history show/export/samples, compare, report (HTML, CSV) and a resume. Then every file under the home and the
 * report folder, and every stdout and stderr, is scanned for both passwords: zero hits.
 */
class PasswordScanTest {

    private static final String RIGHT = "right-password";
    private static final String WRONG = "Wr0ng-S3cret-4711";

    @TempDir
    Path dir;

    @Test
    void neitherTheRightNorAWrongPasswordIsWrittenAnywhere() throws Exception {
        String role = TestPostgres.passwordRole();
        String source = Posts.database(3_000);
        String target = TestPostgres.newDatabase("scan");
        Path home = dir.resolve("home");
        Path report = dir.resolve("report");
        List<Cli.Result> outputs = new ArrayList<>();
        Path good = Files.writeString(dir.resolve("good.yaml"), """
                source: {jdbcUrl: "%s?password=%s", username: %s}
                target: {jdbcUrl: "%s", username: %s, password: %s}
                tables: [{source: posts, mode: recreate}]
                partitionsPerTable: 3
                """.formatted(source, RIGHT, role, target, role, RIGHT));
        Path bad = Files.writeString(dir.resolve("bad.yaml"), """
                source: {jdbcUrl: "%s?user=%s&password=%s", username: %s}
                target: {jdbcUrl: "%s", username: %s, password: "%s"}
                tables: [posts]
                """.formatted(source, role, WRONG, role, target, role, WRONG));

        outputs.add(ok(Cli.run(home, Map.of(), "run", "--config", good.toString(), "--json")));
        outputs.add(ok(Cli.run(home, Map.of(), "run", "--config", good.toString(), "--label", "second")));
        Cli.Result refused = Cli.run(home, Map.of(), "--debug", "run", "--config", bad.toString());
        assertThat(refused.exitCode()).as(refused.err()).isEqualTo(2);
        assertThat(refused.err()).contains("password authentication failed");
        outputs.add(refused);
        Cli.Result refusedCheck = Cli.run(home, Map.of(), "--debug", "check", "--config", bad.toString());
        assertThat(refusedCheck.exitCode()).isEqualTo(2);
        outputs.add(refusedCheck);
        outputs.add(ok(Cli.run(home, Map.of(), "check", "--config", good.toString())));
        outputs.add(ok(Cli.run(home, Map.of(), "history", "list", "--json")));
        outputs.add(ok(Cli.run(home, Map.of(), "history", "show", "1", "--json")));
        outputs.add(ok(Cli.run(home, Map.of(), "history", "samples", "1", "--csv", dir.resolve("s.csv").toString())));
        outputs.add(ok(Cli.run(home, Map.of(), "history", "export", "1", "2", "--out",
                home.resolve("export.json.gz").toString())));
        outputs.add(ok(Cli.run(home, Map.of(), "compare", "1", "2", "--json")));
        outputs.add(ok(Cli.run(home, Map.of(), "report", "--runs", "1,2", "--out", report.toString(), "--format",
                "html,csv")));

        for (Cli.Result output : outputs) {
            assertThat(output.out() + output.err()).doesNotContain(RIGHT).doesNotContain(WRONG);
        }
        List<Path> scanned = new ArrayList<>();
        for (Path folder : List.of(home, report, dir.resolve("s.csv"))) {
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    String bytes = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                    assertThat(bytes).as(file.toString()).doesNotContain(RIGHT).doesNotContain(WRONG);
                    scanned.add(file);
                }
            }
        }
        // The scan saw the history, the export and the report, not an empty folder.
        assertThat(scanned).anyMatch(f -> f.endsWith("history.mv.db")).anyMatch(f -> f.endsWith("export.json.gz"))
                .anyMatch(f -> f.toString().endsWith(".html"));
    }

    private static Cli.Result ok(Cli.Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result;
    }
}
