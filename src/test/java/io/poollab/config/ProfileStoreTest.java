package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileStoreTest {

    @TempDir
    Path home;

    private ProfileStore store() {
        return new ProfileStore(home);
    }

    @Test
    void aSavedProfileLoadsBackFieldForField() throws Exception {
        Map<String, String> urlProperties = new LinkedHashMap<>();
        urlProperties.put("connectTimeout", "10");
        urlProperties.put("options", "-c search_path=app,public");
        Map<String, String> driverProperties = new LinkedHashMap<>();
        driverProperties.put("reWriteBatchedInserts", "true");
        driverProperties.put("prepareThreshold", "5");
        driverProperties.put("comment", "# not a comment: {really}");
        driverProperties.put("empty", "");
        SavedProfile orders = SavedProfile.of("Orders (EU)", new ConnectionForm(DbKind.POSTGRESQL, "::1", 6432,
                        "orders", "verify-full", null, null, urlProperties), "app",
                new PasswordSource.Env("ORDERS_PASSWORD")).withProperties(driverProperties);
        SavedProfile legacy = SavedProfile.ofUrl("legacy", "jdbc:postgresql://a:1,b:2/db?targetServerType=primary",
                "app", PasswordSource.PGPASS);
        SavedProfile warehouse = SavedProfile.of("warehouse", ConnectionForm.sqlServer("sql1\\DW", null, "dw")
                .withEncryption(true, false), "etl", new PasswordSource.Keyring(OsKeyring.SERVICE, "etl@sql1"));

        SavedProfile demoCopy = new SavedProfile("copy: of #1 'demo'", ConnectionForm.h2("/data/demo"), null, "sa",
                PasswordSource.NONE, Map.of(), new SeedSpec("posts", 1000), false);

        store().save(orders);
        store().save(legacy);
        store().save(warehouse);
        store().save(demoCopy);

        assertThat(store().load("Orders (EU)")).isEqualTo(orders);
        assertThat(store().load("legacy")).isEqualTo(legacy);
        assertThat(store().load("warehouse")).isEqualTo(warehouse);
        assertThat(store().load("copy: of #1 'demo'")).isEqualTo(demoCopy);
        assertThat(Files.exists(home.resolve("profiles/orders-eu.yaml"))).isTrue();
        assertThat(store().list().problems()).isEmpty();
    }

    @Test
    void theFileNeverHoldsThePasswordEvenWhenTheProfileWasUsedWithATypedOne() throws Exception {
        SavedProfile profile = SavedProfile.of("prod", ConnectionForm.postgres("db1", null, "orders"), "app",
                PasswordSource.PROMPT);
        ConnectionProfile inUse = profile.toConnectionProfile(Optional.of("hunter2-typed"));

        store().save(profile);

        assertThat(inUse.password()).isEqualTo(new Secret.Prompted("hunter2-typed"));
        byte[] bytes = Files.readAllBytes(home.resolve("profiles/prod.yaml"));
        String text = new String(bytes, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("hunter2");
        assertThat(text.lines()).contains("password: prompt");
        try (Stream<Path> files = Files.list(home.resolve("profiles"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("prod.yaml");
        }
    }

    @Test
    void aPasswordInTheUrlOrTheDriverPropertiesIsRefused() {
        SavedProfile inUrl = SavedProfile.ofUrl("raw", "jdbc:postgresql://a,b/db?password=hunter2", "app",
                PasswordSource.NONE);
        SavedProfile inProperties = SavedProfile.of("props", ConnectionForm.postgres("db1", null, "x"), "app",
                PasswordSource.NONE).withProperties(Map.of("Password", "hunter2"));

        assertThatThrownBy(() -> store().save(inUrl)).isInstanceOf(ConfigException.class)
                .hasMessage("profile \"raw\": jdbcUrl: contains a password; remove it from the URL and choose a "
                        + "password source");
        assertThatThrownBy(() -> store().save(inProperties)).isInstanceOf(ConfigException.class)
                .hasMessage("profile \"props\": properties.password: a password is never saved; choose a password "
                        + "source");
        assertThat(home.resolve("profiles")).doesNotExist();
    }

    @Test
    void anEnvironmentPasswordIsStoredAsAnEnvReference() throws Exception {
        store().save(SavedProfile.of("ci", ConnectionForm.postgres("db1", null, "x"), "ci",
                new PasswordSource.Env("CI_DB_PASSWORD")));

        String text = Files.readString(home.resolve("profiles/ci.yaml"));
        ConnectionProfile profile = store().load("ci").toConnectionProfile(Optional.empty());

        // Quoted by the YAML writer because of the braces; the loader reads it either way.
        assertThat(text.lines()).contains("password: \"${env:CI_DB_PASSWORD}\"");
        assertThat(profile.password()).isEqualTo(new Secret.EnvVar("CI_DB_PASSWORD"));
        assertThat(profile.password().resolve(Map.of("CI_DB_PASSWORD", "from-env"))).hasValue("from-env");
    }

    @Test
    void builtInsComeFirstMatchTheH2DemoConfigAndAreReadOnly() throws Exception {
        store().save(SavedProfile.of("a first by name", ConnectionForm.h2("mem:a"), "sa", PasswordSource.NONE));
        RunSpec demo = RunConfigLoader.load(Path.of("sample-configs/h2-demo.yaml"), Overrides.NONE, Map.of(), home)
                .spec();

        List<SavedProfile> listed = store().list().profiles();
        SavedProfile source = listed.get(0);
        SavedProfile target = listed.get(1);

        assertThat(listed).extracting(SavedProfile::name)
                .containsExactly("H2 demo source", "H2 demo target", "a first by name");
        assertThat(source.builtIn()).isTrue();
        assertThat(source.toConnectionProfile(Optional.empty())).isEqualTo(demo.source());
        assertThat(target.toConnectionProfile(Optional.empty())).isEqualTo(demo.target());
        assertThat(source.seed()).isEqualTo(new SeedSpec("posts", 200_000));
        assertThat(source.jdbcUrl()).isEqualTo("jdbc:h2:" + home + "/demo/h2-source");
        assertThatThrownBy(() -> store().save(source)).isInstanceOf(ConfigException.class)
                .hasMessage("\"H2 demo source\" is a built-in profile and cannot be overwritten; "
                        + "save it under another name");
        assertThatThrownBy(() -> store().delete("H2 demo target")).isInstanceOf(ConfigException.class)
                .hasMessage("\"H2 demo target\" is a built-in profile and cannot be deleted");
        assertThatThrownBy(() -> store().rename("a first by name", "h2 demo source"))
                .isInstanceOf(ConfigException.class)
                .hasMessage("\"h2 demo source\" is the name of a built-in profile; choose another name");
    }

    @Test
    void aMalformedFileIsReportedAtItsPositionWhileTheOthersLoad() throws Exception {
        store().save(SavedProfile.of("good", ConnectionForm.postgres("db1", null, "x"), "app", PasswordSource.NONE));
        Path folder = home.resolve("profiles");
        Path broken = Files.writeString(folder.resolve("broken.yaml"), "name: broken\nhost: [db1\nport: 5432\n");
        Path badPort = Files.writeString(folder.resolve("bad-port.yaml"),
                "name: bad port\ndialect: postgresql\nhost: db1\nport: 99999\n");
        Path plaintext = Files.writeString(folder.resolve("plain.yaml"),
                "name: plain\ndialect: postgresql\nhost: db1\npassword: hunter2\n");

        ProfileListing listing = store().list();

        assertThat(listing.profiles()).extracting(SavedProfile::name)
                .containsExactly("H2 demo source", "H2 demo target", "good");
        assertThat(listing.problems()).extracting(Problem::oneLine).containsExactly(
                badPort + ":4:7: port: 99999 is not between 1 and 65535",
                broken + ":3:5: malformed YAML: expected ',' or ']', but got : while parsing a flow sequence",
                plaintext + ":4:11: password: must be prompt, pgpass, none, keyring or ${env:VARIABLE}; "
                        + "a password itself is never stored in a profile");
    }

    @Test
    void aHandWrittenProfileLoadsAndMixingUrlAndFormIsBlamedOnTheUrl() throws Exception {
        Path folder = Files.createDirectories(home.resolve("profiles"));
        Files.writeString(folder.resolve("hand.yaml"), """
                name: hand written
                jdbcUrl: jdbc:postgresql://a:1,b:2/db
                username: app
                password: keyring
                keyring: {service: poollab, account: app@ab}
                """);
        Path mixed = Files.writeString(folder.resolve("mixed.yaml"), """
                name: mixed
                dialect: postgresql
                jdbcUrl: jdbc:postgresql://db1/x
                password: ${env:PW}
                """);

        ProfileListing listing = store().list();

        assertThat(store().load("hand written")).isEqualTo(SavedProfile.ofUrl("hand written",
                "jdbc:postgresql://a:1,b:2/db", "app", new PasswordSource.Keyring("poollab", "app@ab")));
        assertThat(listing.problems()).extracting(Problem::oneLine).containsExactly(mixed
                + ":3:10: jdbcUrl: give either jdbcUrl or dialect with host, port and database, not both");
    }

    @Test
    void aSimulatedNetworkIsSavedAndItsMistakesAreFoundAtTheirValues() throws Exception {
        SavedProfile far = SavedProfile.of("far away", ConnectionForm.postgres("db1", null, "orders"), "app",
                PasswordSource.NONE).withNetwork(new SimulatedNetwork(40, 10, 0.5));
        Path folder = Files.createDirectories(home.resolve("profiles"));
        Path embedded = Files.writeString(folder.resolve("embedded.yaml"), """
                name: embedded
                dialect: h2
                database: mem:x
                latencyMs: 20
                """);
        Path jitter = Files.writeString(folder.resolve("jitter.yaml"), """
                name: jitter
                jdbcUrl: jdbc:postgresql://db1/x
                latencyMs: 5
                jitterMs: 9
                """);

        store().save(far);

        assertThat(store().load("far away")).isEqualTo(far);
        assertThat(Files.readString(folder.resolve("far-away.yaml")))
                .contains("\nlatencyMs: 40\njitterMs: 10\nbandwidthMbps: 0.5\n");
        assertThat(store().list().problems()).extracting(Problem::oneLine).containsExactlyInAnyOrder(
                embedded + ":4:12: latencyMs: jdbc:h2:mem:x has no network endpoint: the latency proxy sits on a TCP "
                        + "connection, so use an H2 server (jdbc:h2:tcp://HOST:PORT/…) or remove the setting",
                jitter + ":4:11: jitterMs: 9 ms is more than latencyMs 5 ms: a delay would go below zero");
        assertThatThrownBy(() -> store().save(far.withName("embedded copy").withNetwork(new SimulatedNetwork(-3, 0, 0))))
                .isInstanceOf(ConfigException.class)
                .hasMessage("profile \"embedded copy\": latencyMs: must be between 0 and 10,000 ms, got -3");
    }

    @Test
    void profilesListByNameAndARenameMovesTheFile() throws Exception {
        for (String name : List.of("zeta", "Alpha", "beta")) {
            store().save(SavedProfile.of(name, ConnectionForm.postgres("db1", null, name), "app",
                    PasswordSource.NONE));
        }

        store().rename("beta", "Gamma");

        assertThat(store().list().profiles()).extracting(SavedProfile::name)
                .containsExactly("H2 demo source", "H2 demo target", "Alpha", "Gamma", "zeta");
        assertThat(home.resolve("profiles/beta.yaml")).doesNotExist();
        assertThat(store().load("Gamma").form().database()).isEqualTo("beta");
        assertThatThrownBy(() -> store().rename("Gamma", "zeta")).isInstanceOf(ConfigException.class)
                .hasMessage("a profile named \"zeta\" already exists");
    }

    @Test
    void namesWithTheSameSlugGetFilesOfTheirOwn() throws Exception {
        store().save(SavedProfile.of("Orders EU", ConnectionForm.h2("mem:a"), "sa", PasswordSource.NONE));
        store().save(SavedProfile.of("orders-eu", ConnectionForm.h2("mem:b"), "sa", PasswordSource.NONE));
        store().save(SavedProfile.of("Orders EU", ConnectionForm.h2("mem:c"), "sa", PasswordSource.NONE));

        assertThat(store().load("Orders EU").form().database()).isEqualTo("mem:c");
        assertThat(store().load("orders-eu").form().database()).isEqualTo("mem:b");
        assertThat(home.resolve("profiles/orders-eu-2.yaml")).exists();
    }

    @Test
    void deleteRemovesTheFileAndAnUnknownNameIsAnError() throws Exception {
        store().save(SavedProfile.of("old", ConnectionForm.h2("mem:a"), "sa", PasswordSource.NONE));

        store().delete("old");

        assertThat(home.resolve("profiles/old.yaml")).doesNotExist();
        assertThatThrownBy(() -> store().delete("old")).isInstanceOf(ConfigException.class)
                .hasMessage("no saved profile named \"old\" in " + home.resolve("profiles"));
    }

    @Test
    void slugsAreLowerCaseAsciiWords() {
        assertThat(ProfileStore.slug("Produktion Köln / EU")).isEqualTo("produktion-koln-eu");
        assertThat(ProfileStore.slug("***")).isEqualTo("profile");
        assertThat(ProfileStore.slug("NUL")).isEqualTo("nul-profile");
    }
}
