package io.poollab.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.poollab.config.PoolLabVersion;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The installable app as a user gets it: packaging/build.sh makes the jpackage app-image from the packaged jar (a
 * jlink'd runtime, JavaFX jars for this platform, the class-data archive where a display could train it), and
 * its {@code poollab} launcher and the start script run the CLI. Runs wherever the
 * JDK has jpackage and jlink (every JDK 17 with its jmods); the .deb is left to {@code mvn -Ppackage package}.
 */
class AppImageIT {

    private static final Path IMAGE = Path.of("target", "dist", "PoolLab");
    private static final Path CLI = IMAGE.resolve("bin/poollab");
    private static final Path SCRIPT = IMAGE.resolve("lib/app/poollab-start.sh");

    @TempDir
    Path home;

    @BeforeAll
    static void buildTheAppImage() throws Exception {
        Path jdk = Path.of(System.getProperty("java.home"));
        assumeTrue(Files.isExecutable(jdk.resolve("bin/jpackage")) && Files.isDirectory(jdk.resolve("jmods")),
                "this JDK has no jpackage or no jmods");
        Result build = run(Path.of("."), List.of("bash", "packaging/build.sh", PoolLabVersion.get(),
                "--app-image-only"), 300);
        assertThat(build.exitCode()).as(build.output()).isZero();
        assertThat(build.output()).contains("app-image: target/dist/PoolLab");
    }

    @Test
    void theLauncherAnswersItsVersionFromThePom() throws Exception {
        Result version = run(home, List.of(CLI.toAbsolutePath().toString(), "--version"), 60);

        assertThat(version.exitCode()).isZero();
        assertThat(version.output().strip()).isEqualTo("PoolLab " + PoolLabVersion.get());
    }

    @Test
    void theStartScriptAnswersLikeTheLauncher() throws Exception {
        Result version = run(home, List.of(SCRIPT.toAbsolutePath().toString(), "--version"), 60);

        assertThat(version.exitCode()).as(version.output()).isZero();
        assertThat(version.output().strip()).isEqualTo("PoolLab " + PoolLabVersion.get());
    }

    @Test
    void bothLaunchersMapTheClassDataArchive() throws Exception {
        assumeTrue(Files.exists(IMAGE.resolve("lib/app/poollab.jsa")),
                "no class-data archive: its training start needs a display or xvfb-run");
        for (Path launcher : List.of(CLI, SCRIPT)) {
            // -Xshare:on makes an archive that does not fit the class path an error, not a silently slower start.
            Result version = run(home, List.of(launcher.toAbsolutePath().toString(), "--version"), 60,
                    Map.of("_JAVA_OPTIONS", "-Xshare:on"));

            assertThat(version.exitCode()).as(launcher + ": " + version.output()).isZero();
            assertThat(version.output()).contains("PoolLab " + PoolLabVersion.get());
        }
    }

    @Test
    void theLauncherRunsTheDemoConfigAndVerifiesIt() throws Exception {
        Path config = Path.of("sample-configs", "h2-demo.yaml").toAbsolutePath();

        Result run = run(home, List.of(CLI.toAbsolutePath().toString(), "--home", home.toString(), "run",
                "--config", config.toString(), "--json"), 240);

        assertThat(run.exitCode()).as(run.output()).isZero();
        assertThat(run.output()).contains("\"status\":\"succeeded\"").contains("\"verified\":true");
        assertThat(home.resolve("history.mv.db")).exists();
    }

    @Test
    void theRuntimeIsTrimmedToTheModulesPoolLabNeeds() throws IOException {
        List<String> modules = Files.readAllLines(IMAGE.resolve("lib/runtime/release")).stream()
                .filter(l -> l.startsWith("MODULES=")).toList();

        assertThat(modules).hasSize(1);
        assertThat(modules.get(0)).contains("java.desktop").contains("java.sql").contains("jdk.crypto.ec")
                .doesNotContain("jdk.jshell").doesNotContain("jdk.javadoc");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(Path dir, List<String> command, int seconds) throws Exception {
        return run(dir, command, seconds, Map.of());
    }

    private static Result run(Path dir, List<String> command, int seconds, Map<String, String> environment)
            throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("DISPLAY");
        builder.environment().putAll(environment);
        Process process = builder.start();
        byte[] out = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(seconds, TimeUnit.SECONDS)).as("finished within " + seconds + " s").isTrue();
        return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
