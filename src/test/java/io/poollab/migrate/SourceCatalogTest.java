package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.poollab.config.ConfigException;
import io.poollab.config.ConnectionProfile;
import io.poollab.config.RunSpec;
import io.poollab.config.SeedSpec;
import io.poollab.config.Secret;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceCatalogTest {

    private static final String NO_KEY = "no single-column NOT NULL unique key of integer, date or timestamp type";

    @Test
    void postgresListsUserTablesWithEstimatesAndKeysOrWhyNone() throws Exception {
        String url = postgresWithAwkwardTables();

        List<CatalogTable> tables = new Engine(Map.of()).catalog(Specs.profile(url));

        assertThat(tables).containsExactly(
                new CatalogTable("archive.events", -1, "id", null),
                new CatalogTable("CamelCase", -1, "Id", null),
                new CatalogTable("codes", -1, null, NO_KEY
                        + " (primary key code has type text): copied as one partition by one worker"),
                new CatalogTable("loose", -1, null, NO_KEY
                        + " (no primary key; unique key ext_id is nullable): copied as one partition by one worker"),
                new CatalogTable("measures", -1, null, NO_KEY
                        + " (primary key (id, day) has 2 columns): copied as one partition by one worker"),
                new CatalogTable("notes", -1, null, NO_KEY
                        + " (no primary key or unique key): copied as one partition by one worker"),
                new CatalogTable("posts", 1_000, "id", null));
    }

    @Test
    void theCatalogsKeyIsTheKeyTheRunPlansOnUnderTheNameItGives() throws Exception {
        String url = postgresWithAwkwardTables();
        List<CatalogTable> catalog = new Engine(Map.of()).catalog(Specs.profile(url));

        RunInfo plan = checkEvery(catalog, url, TestPostgres.newDatabase("catalogdst"));

        assertThat(plan.tables()).extracting(RunInfo.TablePlanInfo::key)
                .containsExactlyElementsOf(catalog.stream().map(CatalogTable::key).toList());
        assertThat(plan.tables()).extracting(RunInfo.TablePlanInfo::source)
                .doesNotContainNull().hasSize(catalog.size());
        assertThat(plan.warnings()).hasSize((int) catalog.stream().filter(t -> !t.partitionable()).count())
                .contains("public.codes has " + NO_KEY + ": it is copied as one partition by one worker");
    }

    @Test
    void anH2DemoSourceShowsItsSampleTableBeforeTheFirstRun() throws Exception {
        String url = CrossDialectCopyTest.h2Url();
        ConnectionProfile demo = new ConnectionProfile(url, "sa", Secret.NONE, Map.of(), new SeedSpec("posts", 2_000));
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA audit");
            s.execute("CREATE TABLE audit.ticks (at TIMESTAMP(9) PRIMARY KEY, note VARCHAR(20))");
            s.execute("CREATE TABLE days (d DATE NOT NULL UNIQUE, label VARCHAR(20))");
            s.execute("CREATE VIEW recent AS SELECT d FROM days");
        }

        List<CatalogTable> tables = new Engine(Map.of()).catalog(demo);

        assertThat(tables).containsExactly(
                new CatalogTable("AUDIT.TICKS", 0, null, NO_KEY + " (primary key AT has type TIMESTAMP(9), finer than "
                        + "microseconds): copied as one partition by one worker"),
                new CatalogTable("DAYS", 0, "D", null),
                new CatalogTable("posts", 2_000, "ID", null));
        assertThat(new Engine(Map.of()).catalog(demo)).as("seeded once").isEqualTo(tables);
        RunInfo plan = checkEvery(tables, url, TestPostgres.newDatabase("catalogh2dst"));
        assertThat(plan.tables()).extracting(RunInfo.TablePlanInfo::key).containsExactly(null, "D", "ID");
    }

    @Test
    void aConnectionThatFailsIsOneLineNamingTheSourceAndNoPassword() {
        String role = TestPostgres.passwordRole();
        String url = TestPostgres.url("postgres");
        ConnectionProfile profile = ConnectionProfile.of(url, role, new Secret.EnvVar("PW"));

        assertThatThrownBy(() -> new Engine(Map.of("PW", "wrong-password")).catalog(profile))
                .isInstanceOf(ConfigException.class)
                .hasMessage("source.jdbcUrl: cannot connect to " + url + ": FATAL: password authentication failed "
                        + "for user \"" + role + "\" (SQLState 28P01)");
    }

    @Test
    void aMissingPasswordVariableIsNamedBeforeAnythingOpens() {
        ConnectionProfile profile = ConnectionProfile.of(TestPostgres.url("postgres"), "postgres",
                new Secret.EnvVar("POOLLAB_TEST_UNSET"));

        assertThatThrownBy(() -> new Engine(Map.of()).catalog(profile))
                .isInstanceOf(ConfigException.class)
                .hasMessage("source.password: environment variable POOLLAB_TEST_UNSET is not set");
    }

    @Test
    void anUnsupportedUrlIsNamed() {
        ConnectionProfile profile = ConnectionProfile.of("jdbc:mysql://127.0.0.1/x", "root", Secret.NONE);

        assertThatThrownBy(() -> new Engine(Map.of()).catalog(profile))
                .isInstanceOf(ConfigException.class)
                .hasMessage("source.jdbcUrl: unsupported JDBC URL \"jdbc:mysql://127.0.0.1/x\"; PoolLab supports "
                        + "jdbc:postgresql:, jdbc:sqlserver: and jdbc:h2:");
    }

    /** posts (1,000 rows, analysed) and tables whose keys cannot be split, each for its own reason. */
    private static String postgresWithAwkwardTables() throws Exception {
        String url = Posts.database(1_000);
        TestPostgres.execute(url,
                "CREATE TABLE codes (code text PRIMARY KEY, label text)",
                "CREATE TABLE loose (ext_id bigint UNIQUE, note text)",
                "CREATE TABLE notes (body text)",
                "CREATE TABLE \"CamelCase\" (\"Id\" integer PRIMARY KEY)",
                "CREATE TABLE measures (id bigint NOT NULL, day date NOT NULL, PRIMARY KEY (id, day)) "
                        + "PARTITION BY RANGE (day)",
                "CREATE TABLE measures_2024 PARTITION OF measures FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')",
                "CREATE SCHEMA archive",
                "CREATE TABLE archive.events (id integer PRIMARY KEY, at timestamptz)",
                "CREATE VIEW recent_posts AS SELECT id FROM posts");
        return url;
    }

    /** Plans a copy of every catalogued table, by the names the catalog gave, as {@code poollab check} would. */
    private static RunInfo checkEvery(List<CatalogTable> catalog, String sourceUrl, String targetUrl)
            throws Exception {
        List<TableSpec> tables = catalog.stream()
                .map(t -> new TableSpec(t.name(), "copy_" + catalog.indexOf(t), null, TargetMode.CREATE)).toList();
        RunSpec spec = Specs.withTables(Specs.copy(sourceUrl, targetUrl, "unused", 2, 2), tables);
        return new Engine(Map.of()).check(spec);
    }
}
