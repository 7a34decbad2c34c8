package io.poollab.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.ConnectionProfile;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.config.Secret;
import io.poollab.config.TableSpec;
import io.poollab.config.TargetMode;
import io.poollab.migrate.Engine;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.testing.Posts;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's least-privilege grants are enough: a copy with a role that may only read the source table and one
 * that may only create, write, read back, delete and truncate in the target schema, both with no superuser, runs
 * (create, then truncate) and verifies; without the source grant it is refused before anything is written.
 */
class LeastPrivilegeTest {

    @Test
    void theDocumentedGrantsAreEnoughAndNothingMoreIsUsed() throws Exception {
        String source = Posts.database(5_000);
        String target = TestPostgres.newDatabase("leastpriv");
        String src = source.substring(source.lastIndexOf('/') + 1);
        String dst = target.substring(target.lastIndexOf('/') + 1);
        String admin = TestPostgres.url("postgres");
        TestPostgres.execute(admin,
                "DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'poollab_reader') THEN "
                        + "CREATE ROLE poollab_reader LOGIN; END IF; "
                        + "IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'poollab_writer') THEN "
                        + "CREATE ROLE poollab_writer LOGIN; END IF; END $$",
                "REVOKE CONNECT ON DATABASE " + src + " FROM PUBLIC",
                "REVOKE CONNECT ON DATABASE " + dst + " FROM PUBLIC",
                "GRANT CONNECT ON DATABASE " + src + " TO poollab_reader",
                "GRANT CONNECT ON DATABASE " + dst + " TO poollab_writer");
        TestPostgres.execute(target, "REVOKE ALL ON SCHEMA public FROM PUBLIC",
                "GRANT USAGE, CREATE ON SCHEMA public TO poollab_writer");
        RunSpec spec = Specs.copy(source, target, "posts", 2, 2);
        spec = new RunSpec(spec.name(), ConnectionProfile.of(source, "poollab_reader", Secret.NONE),
                ConnectionProfile.of(target, "poollab_writer", Secret.NONE), spec.tables(), 2,
                java.util.OptionalInt.of(4), 1_000, HoldConnections.PER_BATCH, spec.poolMode(), spec.sourcePool(),
                spec.targetPool(), spec.sampleIntervalMs(), spec.verify(), spec.copyFormat(), spec.retry(), "");

        RunResult refused = null;
        try {
            refused = new Engine().start(spec, 1, List.of()).await();
        } catch (io.poollab.config.ConfigException | java.sql.SQLException expected) {
            assertThat(expected.getMessage()).contains("permission denied");
        }
        assertThat(refused).as("a run without SELECT on the source").isNull();
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'"))
                .isZero();

        TestPostgres.execute(source, "GRANT USAGE ON SCHEMA public TO poollab_reader",
                "GRANT SELECT ON public.posts TO poollab_reader");
        RunResult created = new Engine().start(spec, 2, List.of()).await();
        assertThat(created.status()).as(created.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(created.tables().get(0).verified()).isTrue();

        RunResult truncated = new Engine().start(Specs.withTables(spec, List.of(new TableSpec("posts", null, null,
                TargetMode.TRUNCATE))), 3, List.of()).await();
        assertThat(truncated.status()).as(truncated.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(truncated.tables().get(0).verified()).isTrue();
        assertThat(TestPostgres.queryLong(admin, "SELECT count(*) FROM pg_roles WHERE rolname IN "
                + "('poollab_reader', 'poollab_writer') AND (rolsuper OR rolcreatedb OR rolcreaterole)")).isZero();
    }
}
