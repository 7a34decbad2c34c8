package io.poollab.testing;

import io.poollab.cli.PoolLabCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the CLI in this JVM, as {@code java -jar poollab.jar} would, and captures what it prints. */
public final class Cli {

    private Cli() {
    }

    public record Result(int exitCode, String out, String err) {

        public List<String> errLines() {
            return err.lines().toList();
        }
    }

    public static Result run(Path home, Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--home");
        all.add(home.toString());
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = PoolLabCli.execute(all.toArray(String[]::new), o, e, environment);
        }
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
