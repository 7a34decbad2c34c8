package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunConfigLoaderTest {

    private static final Path HOME = Path.of("/var/poollab-home");
    private static final String VALID = """
            name: posts copy
            source:
              jdbcUrl: jdbc:postgresql://127.0.0.1:5432/src
              username: postgres
              password: ${env:SRC_PASSWORD}
            target:
              jdbcUrl: jdbc:h2:${home}/dst
              username: sa
            tables:
              - source: public.posts
                target: posts_copy
                key: id
                mode: truncate
              - comments
            workers: 4
            partitionsPerTable: 16
            batchRows: 5000
            holdConnections: perBatch
            pool:
              mode: per-worker
              source: {maximumPoolSize: 2, minimumIdle: 1, connectionTimeout: 5000, idleTimeout: 60000}
              target: {maximumPoolSize: 3}
            sampleIntervalMs: 100
            verify: counts
            copyFormat: text
            """;

    @Test
    void readsEveryKeyOfTheSchema() throws Exception {
        RunSpec spec = load(VALID, Overrides.NONE).spec();

        assertThat(spec.name()).isEqualTo("posts copy");
        assertThat(spec.source().password()).isEqualTo(new Secret.EnvVar("SRC_PASSWORD"));
        assertThat(spec.target().jdbcUrl()).isEqualTo("jdbc:h2:" + HOME + "/dst");
        assertThat(spec.tables()).containsExactly(
                new TableSpec("public.posts", "posts_copy", "id", TargetMode.TRUNCATE),
                new TableSpec("comments", null, null, TargetMode.CREATE));
        assertThat(spec.workers()).isEqualTo(4);
        assertThat(spec.partitionsPerTable()).hasValue(16);
        assertThat(spec.batchRows()).isEqualTo(5000);
        assertThat(spec.holdConnections()).isEqualTo(HoldConnections.PER_BATCH);
        assertThat(spec.poolMode()).isEqualTo(PoolMode.PER_WORKER);
        assertThat(spec.sourcePool()).isEqualTo(new PoolSettings(2, 1, 5000, 60_000, 1_800_000, 120_000, 5000, 0));
        // Unset sizes follow HikariCP: minimumIdle defaults to maximumPoolSize.
        assertThat(spec.targetPool().maximumPoolSize()).isEqualTo(3);
        assertThat(spec.targetPool().minimumIdle()).isEqualTo(3);
        assertThat(spec.sampleIntervalMs()).isEqualTo(100);
        assertThat(spec.verify()).isEqualTo(VerifyMode.COUNTS);
        assertThat(spec.copyFormat()).isEqualTo(CopyFormat.TEXT);
    }

    @Test
    void commandLineOverridesWinAndMinimumIdleLeftUnsetFollowsThePoolSize() throws Exception {
        RunSpec spec = load(VALID, new Overrides(8, 6, PoolMode.SHARED, "run A")).spec();

        assertThat(spec.workers()).isEqualTo(8);
        assertThat(spec.poolMode()).isEqualTo(PoolMode.SHARED);
        assertThat(spec.name()).isEqualTo("run A");
        assertThat(spec.sourcePool().maximumPoolSize()).isEqualTo(6);
        assertThat(spec.sourcePool().minimumIdle()).isEqualTo(1);
        assertThat(spec.targetPool().maximumPoolSize()).isEqualTo(6);
        assertThat(spec.targetPool().minimumIdle()).isEqualTo(6);
    }

    @Test
    void anOverrideThatBreaksALimitIsBlamedOnTheOption() {
        String config = VALID.replace("minimumIdle: 1,", "minimumIdle: 5,");

        assertThatThrownBy(() -> load(config, new Overrides(null, 4, null, null)))
                .hasMessage("cfg.yaml:21:45: pool.source.minimumIdle: 5 is more than maximumPoolSize 4; "
                        + "HikariCP would silently lower it");
    }

    @Test
    void unknownKeyNamesItsPlaceAndTheNearestValidKey() {
        String config = VALID.replace("{maximumPoolSize: 3}", "{maxPoolSize: 3}");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .hasMessage("cfg.yaml:22:12: pool.target.maxPoolSize: unknown key \"maxPoolSize\"; "
                        + "did you mean \"maximumPoolSize\"?");
    }

    @Test
    void unknownTopLevelKeyWithNothingCloseListsTheValidKeys() {
        assertThatThrownBy(() -> load(VALID + "zzz: 1\n", Overrides.NONE))
                .hasMessageStartingWith("cfg.yaml:26:1: zzz: unknown key \"zzz\"; expected one of name, source, ");
    }

    @Test
    void malformedYamlNamesLineAndColumn() {
        assertThatThrownBy(() -> load("source:\n  jdbcUrl: [unclosed\ntarget: x\n", Overrides.NONE))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("cfg.yaml:3:")
                .hasMessageContaining("malformed YAML");
    }

    @Test
    void duplicateKeyIsRefused() {
        assertThatThrownBy(() -> load(VALID + "workers: 2\n", Overrides.NONE))
                .hasMessageStartingWith("cfg.yaml:26:")
                .hasMessageContaining("malformed YAML: Duplicate field 'workers'");
    }

    @Test
    void missingEnvironmentVariableIsNamedAtItsValue() {
        assertThatThrownBy(() -> RunConfigLoader.parse("cfg.yaml", VALID, Overrides.NONE, Map.of(), HOME))
                .hasMessage("cfg.yaml:5:13: source.password: environment variable SRC_PASSWORD is not set");
    }

    @Test
    void minimumIdleAboveMaximumIsAnErrorNotASilentClamp() {
        String config = VALID.replace("minimumIdle: 1,", "minimumIdle: 8,");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .hasMessage("cfg.yaml:21:45: pool.source.minimumIdle: 8 is more than maximumPoolSize 2; "
                        + "HikariCP would silently lower it");
    }

    @Test
    void workersBelowOneIsRefused() {
        assertThatThrownBy(() -> load(VALID.replace("workers: 4", "workers: 0"), Overrides.NONE))
                .hasMessage("cfg.yaml:15:10: workers: must be between 1 and 1,024, got 0");
    }

    @Test
    void hikariTimeoutsBelowTheirFloorsAreRefused() {
        String config = VALID.replace("idleTimeout: 60000", "idleTimeout: 500");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .hasMessage("cfg.yaml:21:86: pool.source.idleTimeout: must be 0 (never retire idle connections) "
                        + "or at least 10000 ms, got 500");
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        String config = VALID.replace("workers: 4", "workers: many").replace("verify: counts", "verify: sha");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::oneLine)
                        .containsExactly("cfg.yaml:15:10: workers: must be a whole number, got \"many\"",
                                "cfg.yaml:24:9: verify: \"sha\" is not one of none, counts, checksum"));
    }

    @Test
    void wrongValueOfAnEnumerationSuggestsTheNearest() {
        assertThatThrownBy(() -> load(VALID.replace("mode: per-worker", "mode: perworker"), Overrides.NONE))
                .hasMessage("cfg.yaml:20:9: pool.mode: \"perworker\" is not one of shared, per-worker, unpooled; "
                        + "did you mean \"per-worker\"?");
    }

    @Test
    void plaintextPasswordWarnsAndNeverReachesTheStoredConfigText() throws Exception {
        String config = VALID.replace("${env:SRC_PASSWORD}", "hunter2")
                .replace("jdbc:h2:${home}/dst", "jdbc:h2:${home}/dst;PASSWORD=s3cret")
                .replace("jdbc:postgresql://127.0.0.1:5432/src", "\"jdbc:postgresql://127.0.0.1:5432/src?password=pw1\"");

        LoadedConfig loaded = load(config, Overrides.NONE);

        assertThat(loaded.warnings()).extracting(Problem::oneLine).contains("cfg.yaml:5:13: source.password: "
                + "a plaintext password in a config file; prefer ${env:VAR}, or omit it and let PostgreSQL read "
                + "~/.pgpass");
        assertThat(loaded.spec().configText()).doesNotContain("hunter2").doesNotContain("s3cret")
                .doesNotContain("pw1").contains("password: <removed>");
        // What is kept must still be a config: a resume reads it back.
        assertThat(load(loaded.spec().configText(), Overrides.NONE).spec().source().jdbcUrl())
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/src?password=<removed>");
        assertThat(loaded.spec().source().toString()).doesNotContain("hunter2");
    }

    @Test
    void latencyJitterAndBandwidthAreReadPerSide() throws Exception {
        String config = VALID.replace("  password: ${env:SRC_PASSWORD}\n",
                "  password: ${env:SRC_PASSWORD}\n  latencyMs: 20\n  jitterMs: 5\n  bandwidthMbps: 0.5\n");

        RunSpec spec = load(config, Overrides.NONE).spec();

        assertThat(spec.source().network()).isEqualTo(new SimulatedNetwork(20, 5, 0.5));
        assertThat(spec.target().network()).isEqualTo(SimulatedNetwork.NONE);
    }

    @Test
    void latencyOnAnEmbeddedH2IsRefusedAtItsValue() {
        String config = VALID.replace("  username: sa\n", "  username: sa\n  latencyMs: 20\n");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .hasMessage("cfg.yaml:9:14: target.latencyMs: jdbc:h2:/var/poollab-home/dst has no network "
                        + "endpoint: the latency proxy sits on a TCP connection, so use an H2 server "
                        + "(jdbc:h2:tcp://HOST:PORT/…) or remove the setting");
    }

    @Test
    void negativeValuesAndJitterAboveTheLatencyAreRefusedAtTheirValues() {
        String config = VALID.replace("  password: ${env:SRC_PASSWORD}\n",
                "  password: ${env:SRC_PASSWORD}\n  latencyMs: 2\n  jitterMs: 5\n  bandwidthMbps: -8\n")
                .replace("  username: sa\n", "  username: sa\n  latencyMs: -1\n");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::oneLine)
                        .containsExactly(
                                "cfg.yaml:7:13: source.jitterMs: 5 ms is more than latencyMs 2 ms: a delay would go "
                                        + "below zero",
                                "cfg.yaml:8:18: source.bandwidthMbps: must be 0 (no cap) or between 0.01 and "
                                        + "100,000 Mbit/s, got -8",
                                "cfg.yaml:12:14: target.latencyMs: must be between 0 and 10,000 ms, got -1"));
    }

    @Test
    void aMistypedLatencyKeySuggestsTheRightOne() {
        String config = VALID.replace("  username: postgres\n", "  username: postgres\n  latencyMS: 20\n")
                .replace("  username: sa\n", "  username: sa\n  bandwidthMbps: fast\n");

        assertThatThrownBy(() -> load(config, Overrides.NONE))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(Problem::oneLine)
                        .containsExactly(
                                "cfg.yaml:5:3: source.latencyMS: unknown key \"latencyMS\"; did you mean "
                                        + "\"latencyMs\"?",
                                "cfg.yaml:10:18: target.bandwidthMbps: must be a number, got \"fast\""));
    }

    @Test
    void everySampleConfigLoads() throws Exception {
        Map<String, String> environment = Map.of("SRC_PASSWORD", "x", "DST_PASSWORD", "x", "MSSQL_PASSWORD", "x");
        try (var files = java.nio.file.Files.list(Path.of("sample-configs"))) {
            List<Path> configs = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
            assertThat(configs).hasSizeGreaterThanOrEqualTo(4);
            for (Path config : configs) {
                LoadedConfig loaded = RunConfigLoader.load(config, Overrides.NONE, environment, HOME);
                assertThat(loaded.spec().tables()).as(config.toString()).isNotEmpty();
                assertThat(loaded.warnings()).as(config.toString()).noneMatch(Problem::isError);
            }
        }
    }

    private static LoadedConfig load(String text, Overrides overrides) throws ConfigException {
        return RunConfigLoader.parse("cfg.yaml", text, overrides, Map.of("SRC_PASSWORD", "pw"), HOME);
    }
}
