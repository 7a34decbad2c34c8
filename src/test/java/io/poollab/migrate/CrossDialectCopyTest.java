package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.RunSpec;
import io.poollab.testing.EveryType;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CrossDialectCopyTest {

    private static final AtomicInteger H2_DATABASES = new AtomicInteger();

    @Test
    void postgresToH2CarriesEveryMappedTypeAndVerifies() throws Exception {
        String source = TestPostgres.newDatabase("pgsrc");
        String h2 = h2Url();
        EveryType.createPostgres(source, 5_000, false);

        RunResult result = run(Specs.copy(source, h2, "public.every_type", 2, 2));

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.tables().get(0).verified()).isTrue();
        assertThat(result.tables().get(0).target()).isEqualTo("PUBLIC.EVERY_TYPE");
        try (Connection c = DriverManager.getConnection(h2, "sa", "")) {
            assertTrickyValues(c, "PUBLIC.EVERY_TYPE", "\"ID\"", "\"T\"", "\"N\"", "\"TSTZ\"", "\"U\"", "\"BY\"");
        }
    }

    @Test
    void h2ToPostgresCarriesEveryMappedTypeAndVerifies() throws Exception {
        String pgStage = TestPostgres.newDatabase("pgstage");
        String h2 = h2Url();
        String target = TestPostgres.newDatabase("pgdst");
        EveryType.createPostgres(pgStage, 5_000, false);
        // Stage the fixture into H2 with PoolLab itself, then copy it back out to a fresh PostgreSQL database.
        assertThat(run(Specs.copy(pgStage, h2, "every_type", 1, 1)).status()).isEqualTo(RunStatus.SUCCEEDED);

        RunResult result = run(Specs.copy(h2, target, "EVERY_TYPE", 2, 2));

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.tables().get(0).verified()).isTrue();
        assertThat(result.rows()).isEqualTo(5_003);
        try (Connection c = TestPostgres.connect(target)) {
            assertTrickyValues(c, "every_type", "id", "t", "n", "tstz", "u", "by");
        }
    }

    private static void assertTrickyValues(Connection c, String table, String id, String text, String numeric,
                                           String tstz, String uuid, String bytes) throws Exception {
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT " + text + ", " + tstz + ", " + uuid + ", " + bytes + " FROM "
                    + table + " WHERE " + id + " = 2")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo(EveryType.UNICODE);
                assertThat(rs.getObject(2, OffsetDateTime.class).toInstant())
                        .isEqualTo(OffsetDateTime.parse("2024-02-29T12:00:00.654321+05:30").toInstant());
                assertThat(rs.getObject(3, UUID.class)).isEqualTo(UUID.fromString("a0eebc99-9c0b-4ef8-bb6d-6bb9bd380a11"));
                assertThat(rs.getBytes(4)).containsExactly(0x00, 0xff, 0x10);
            }
            try (ResultSet rs = s.executeQuery("SELECT " + numeric + ", LENGTH(" + text + ") FROM " + table
                    + " WHERE " + id + " = 3")) {
                rs.next();
                assertThat(rs.getBigDecimal(1)).isEqualByComparingTo(new BigDecimal("1234.5600"));
                assertThat(rs.getBigDecimal(1).scale()).isEqualTo(4);
                assertThat(rs.getLong(2)).isEqualTo(Long.parseLong(EveryType.BIG_TEXT_LENGTH));
            }
            try (ResultSet rs = s.executeQuery("SELECT " + text + ", " + numeric + " FROM " + table + " WHERE " + id + " = 1")) {
                rs.next();
                assertThat(rs.getString(1)).isNull();
                assertThat(rs.getBigDecimal(2)).isNull();
            }
        }
    }

    private static RunResult run(RunSpec spec) throws Exception {
        return new Engine(Map.of()).start(spec, 1, List.of()).await();
    }

    static String h2Url() {
        return "jdbc:h2:mem:poollab_" + H2_DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    }
}
