package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class RunConfigWriterTest {

    private static final Path HOME = Path.of("/var/poollab-home");
    private static final Map<String, String> ENV = Map.of("SRC_PW", "from-the-environment");

    @Test
    void everyFieldSetAwayFromItsDefaultSurvivesTheRoundTrip() throws Exception {
        RunSpec spec = everyFieldSet();

        RunSpec read = readBack(RunConfigWriter.toYaml(spec));

        assertThat(read).isEqualTo(spec.withConfigText(read.configText()));
    }

    @Test
    void automaticPartitionsAndAMissingNameAreLeftOutAndReadBackTheSame() throws Exception {
        RunSpec spec = new RunSpec(null, profile("jdbc:postgresql://127.0.0.1:5432/src", Secret.NONE),
                profile("jdbc:h2:/tmp/dst", Secret.NONE),
                List.of(new TableSpec("posts", null, null, TargetMode.CREATE)),
                2, OptionalInt.empty(), 10_000, HoldConnections.PER_PARTITION, PoolMode.SHARED,
                PoolSettings.defaultsFor(2), PoolSettings.defaultsFor(2), 250, VerifyMode.CHECKSUM, CopyFormat.BINARY,
                io.poollab.config.RetrySettings.DEFAULT, "");

        String yaml = RunConfigWriter.toYaml(spec);

        assertThat(yaml).doesNotContain("partitionsPerTable").doesNotContain("\nname:");
        RunSpec read = readBack(yaml);
        assertThat(read).isEqualTo(spec.withConfigText(read.configText()));
    }

    @Test
    void writesTheDocumentedSchemaWithEnumIdsAndEveryHikariKey() {
        RunSpec spec = new RunSpec("posts copy", profile("jdbc:postgresql://127.0.0.1:5432/src",
                new Secret.EnvVar("SRC_PW")), profile("jdbc:postgresql://127.0.0.1:5432/dst", Secret.NONE),
                List.of(new TableSpec("public.posts", "public.posts", "id", TargetMode.APPEND)), 2, OptionalInt.of(8),
                10_000, HoldConnections.PER_BATCH, PoolMode.PER_WORKER, PoolSettings.defaultsFor(2),
                PoolSettings.defaultsFor(3), 250, VerifyMode.COUNTS, CopyFormat.TEXT, io.poollab.config.RetrySettings.DEFAULT, "");

        assertThat(RunConfigWriter.toYaml(spec)).isEqualTo("""
                # A PoolLab run config, written from a run spec. Passwords are never stored in it.
                name: "posts copy"
                source:
                  jdbcUrl: "jdbc:postgresql://127.0.0.1:5432/src"
                  username: postgres
                  password: "${env:SRC_PW}"
                target:
                  jdbcUrl: "jdbc:postgresql://127.0.0.1:5432/dst"
                  username: postgres
                tables:
                  - source: public.posts
                    target: public.posts
                    key: id
                    mode: append
                workers: 2
                partitionsPerTable: 8
                batchRows: 10000
                holdConnections: perBatch
                copyFormat: text
                pool:
                  mode: per-worker
                  source:
                    maximumPoolSize: 2
                    minimumIdle: 2
                    connectionTimeout: 30000
                    idleTimeout: 600000
                    maxLifetime: 1800000
                    keepaliveTime: 120000
                    validationTimeout: 5000
                    leakDetectionThreshold: 0
                  target:
                    maximumPoolSize: 3
                    minimumIdle: 3
                    connectionTimeout: 30000
                    idleTimeout: 600000
                    maxLifetime: 1800000
                    keepaliveTime: 120000
                    validationTimeout: 5000
                    leakDetectionThreshold: 0
                sampleIntervalMs: 250
                verify: counts
                """);
    }

    @Test
    void thePoolSectionCarriesExactlyTheHikariKeysTheLoaderAccepts() {
        assertThat(RunConfigWriter.hikariSettings(PoolSettings.defaultsFor(1)).keySet())
                .containsExactly(RunConfigLoader.HIKARI_KEYS);
    }

    @Test
    void anEnvironmentReferenceIsWrittenAndReadBackAsAReference() throws Exception {
        RunSpec spec = everyFieldSet();

        String yaml = RunConfigWriter.toYaml(spec);

        assertThat(yaml).contains("  password: \"${env:SRC_PW}\"\n").doesNotContain("from-the-environment");
        assertThat(readBack(yaml).source().password()).isEqualTo(new Secret.EnvVar("SRC_PW"));
    }

    @Test
    void noPasswordWritesNoPasswordLine() throws Exception {
        RunSpec spec = everyFieldSet();

        String yaml = RunConfigWriter.toYaml(spec);

        assertThat(yaml.substring(yaml.indexOf("\ntarget:"), yaml.indexOf("\ntables:"))).doesNotContain("password");
        assertThat(readBack(yaml).target().password()).isEqualTo(Secret.NONE);
    }

    @Test
    void aPlaintextPasswordLeavesNoTraceAndOnlyAComment() throws Exception {
        String secret = "hunter2-Zq9";
        RunSpec spec = withProfiles(everyFieldSet(),
                new ConnectionProfile("jdbc:sqlserver://db.example:1433;databaseName=shop;password=" + secret
                        + "-url;encrypt=true", "sa", new Secret.Plaintext(secret), Map.of("sslpassword", secret
                        + "-property", "socketTimeout", "30"), null),
                profile("jdbc:h2:/tmp/dst", new Secret.Plaintext(secret)));

        String yaml = RunConfigWriter.toYaml(spec);

        assertThat(yaml).doesNotContain(secret).doesNotContain("hunter2");
        assertThat(yaml).contains("  # no password stored: it was typed at a prompt or lives in the OS keyring\n")
                .contains("    # driver property sslpassword not stored\n")
                .contains("databaseName=shop;password=<removed>;encrypt=true");
        RunSpec read = readBack(yaml);
        assertThat(read.source().password()).isEqualTo(Secret.NONE);
        assertThat(read.target().password()).isEqualTo(Secret.NONE);
        assertThat(read.source().properties()).isEqualTo(Map.of("socketTimeout", "30"));
    }

    @Test
    void everyKindOfSecretThatHoldsAValueIsWrittenAsACommentOnly() {
        String marker = "MARKER-Value-7f3c";
        for (Class<?> kind : Secret.class.getPermittedSubclasses()) {
            if (kind == Secret.EnvVar.class || kind == Secret.None.class) {
                continue;
            }
            Secret secret = instanceHolding(kind, marker);
            String yaml = RunConfigWriter.toYaml(withProfiles(everyFieldSet(),
                    profile("jdbc:postgresql://127.0.0.1:5432/src", secret), profile("jdbc:h2:/tmp/dst", secret)));

            assertThat(yaml).as(kind.getSimpleName()).doesNotContain(marker)
                    .contains("  # no password stored: it was typed at a prompt or lives in the OS keyring\n");
            assertThat(yaml.lines().filter(l -> l.contains("password")))
                    .as(kind.getSimpleName()).allMatch(l -> l.startsWith("  # no password stored: ") || l.startsWith("# A"));
        }
    }

    @Test
    void awkwardTextReadsBackExactlyAsWritten() throws Exception {
        List<String> texts = List.of("a: b", "#x", "x #y", "- y", "yes", "No", "null", "~", "true", "on", "123",
                "1e3", "0x1F", ".inf", "", " lead", "trail ", "tab\tand\nnewline\r", "quote\"back\\slash",
                "it's", "ünï ✓ 😀", "bell\u0007 del\u007f nel\u0085 ls\u2028 ps\u2029 bom\ufeff",
                "${home} and ${env:NOPE}", "@at", "`tick", "%pct", "!tag", "&anchor", "*alias", "|", ">", "{a: 1}",
                "[1]", "?", "<<", "-", "a,b",
                "jdbc:sqlserver://h:1433;databaseName=x;a=b?c&d:e");
        for (String text : texts) {
            RunSpec spec = everyFieldSet().withName(text);

            assertThat(readBack(RunConfigWriter.toYaml(spec)).name()).as("name %s", text).isEqualTo(text);
        }
    }

    @Test
    void withConfigTextChangesOnlyTheConfigText() {
        RunSpec spec = everyFieldSet();

        RunSpec stored = spec.withConfigText("name: x\n");

        assertThat(stored.configText()).isEqualTo("name: x\n");
        assertThat(stored.withConfigText(spec.configText())).isEqualTo(spec);
    }

    /** A spec in which every field differs from the loader's default, with values that need quoting. */
    private static RunSpec everyFieldSet() {
        ConnectionProfile source = new ConnectionProfile(
                "jdbc:postgresql://db.example:6543/src?ssl=true&sslmode=require&options=-c%20search_path=a,b",
                "etl: reader", new Secret.EnvVar("SRC_PW"),
                Map.of("ApplicationName", "night # copy", "tcpKeepAlive", "true", "socketTimeout", "30"),
                new SeedSpec("demo.posts", 12_345), new SimulatedNetwork(25, 5, 12.5));
        ConnectionProfile target = new ConnectionProfile(
                "jdbc:sqlserver://db.example:1433;databaseName=shop;encrypt=true;trustServerCertificate=true",
                "yes", Secret.NONE, Map.of(), null);
        List<TableSpec> tables = List.of(
                new TableSpec("public.posts", "archive.posts_2024", "id", TargetMode.TRUNCATE),
                new TableSpec("Order Items", "null", "created_at", TargetMode.RECREATE),
                new TableSpec("yes", null, null, TargetMode.APPEND),
                new TableSpec("t", null, null, TargetMode.CREATE));
        return new RunSpec("posts #1: nightly copy", source, target, tables, 7, OptionalInt.of(13), 2_345,
                HoldConnections.PER_BATCH, PoolMode.PER_WORKER,
                new PoolSettings(3, 1, 5_000, 60_000, 900_000, 60_000, 1_000, 5_000),
                new PoolSettings(5, 0, 4_000, 0, 0, 0, 2_000, 0),
                500, VerifyMode.COUNTS, CopyFormat.TEXT, io.poollab.config.RetrySettings.DEFAULT, "as typed");
    }

    private static RunSpec withProfiles(RunSpec spec, ConnectionProfile source, ConnectionProfile target) {
        return new RunSpec(spec.name(), source, target, spec.tables(), spec.workers(), spec.partitionsPerTable(),
                spec.batchRows(), spec.holdConnections(), spec.poolMode(), spec.sourcePool(), spec.targetPool(),
                spec.sampleIntervalMs(), spec.verify(), spec.copyFormat(), spec.retry(), spec.configText());
    }

    private static ConnectionProfile profile(String url, Secret password) {
        return ConnectionProfile.of(url, url.startsWith("jdbc:h2:") ? "sa" : "postgres", password);
    }

    private static RunSpec readBack(String yaml) throws ConfigException {
        return RunConfigLoader.parse("written.yaml", yaml, Overrides.NONE, ENV, HOME).spec();
    }

    /** Any record kind of secret, including ones added later, with every text component holding {@code marker}. */
    private static Secret instanceHolding(Class<?> kind, String marker) {
        RecordComponent[] components = kind.getRecordComponents();
        if (components == null) {
            return fail("%s is not a record; teach this test to build one", kind.getName());
        }
        Object[] values = Arrays.stream(components).map(c -> {
            Class<?> type = c.getType();
            if (type == String.class || type == CharSequence.class) {
                return marker;
            }
            if (type == char[].class) {
                return marker.toCharArray();
            }
            if (type == byte[].class) {
                return marker.getBytes(StandardCharsets.UTF_8);
            }
            return null;
        }).toArray();
        try {
            Constructor<?> constructor = kind.getDeclaredConstructor(
                    Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new));
            constructor.setAccessible(true);
            return (Secret) constructor.newInstance(values);
        } catch (ReflectiveOperationException e) {
            return fail("cannot build a %s for the leak check: %s", kind.getName(), e);
        }
    }
}
