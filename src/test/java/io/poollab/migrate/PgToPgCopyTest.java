package io.poollab.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.testing.EveryType;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PgToPgCopyTest {

    // Rows rendered as text in key order and hashed by PostgreSQL itself: an independent check of the copy.
    private static final String TABLE_FINGERPRINT =
            "SELECT md5(string_agg(t::text, '|' ORDER BY id)) FROM every_type t";

    @ParameterizedTest
    @EnumSource(CopyFormat.class)
    void everyTypeIsCopiedExactlyAndVerifiedByChecksum(CopyFormat format) throws Exception {
        String source = TestPostgres.newDatabase("pgsrc");
        String target = TestPostgres.newDatabase("pgdst");
        EveryType.createPostgres(source, 20_000, true);
        RunSpec spec = Specs.with(Specs.copy(source, target, "every_type", 2, 2), 6, HoldConnections.PER_PARTITION,
                10_000, format);

        RunResult result = new Engine(Map.of()).start(spec, 1, List.of()).await();

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.rows()).isEqualTo(20_003);
        assertThat(result.tables()).singleElement().satisfies(table -> {
            assertThat(table.verified()).isTrue();
            assertThat(table.partitions()).isEqualTo(6);
            assertThat(table.sourceChecksum()).isEqualTo(table.targetChecksum());
        });
        assertThat(TestPostgres.queryLong(target, "SELECT count(*) FROM every_type")).isEqualTo(20_003);
        assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
        assertThat(TestPostgres.queryLong(target, "SELECT length(t) FROM every_type WHERE id = 3"))
                .isEqualTo(Long.parseLong(EveryType.BIG_TEXT_LENGTH));
    }

    @ParameterizedTest
    @EnumSource(CopyFormat.class)
    void perBatchCopiesEveryRowOnceWithKeysetBatches(CopyFormat format) throws Exception {
        String source = TestPostgres.newDatabase("pgsrc");
        String target = TestPostgres.newDatabase("pgdst");
        EveryType.createPostgres(source, 5_000, true);
        RunSpec spec = Specs.with(Specs.copy(source, target, "every_type", 2, 2), 3, HoldConnections.PER_BATCH,
                700, format);

        RunResult result = new Engine(Map.of()).start(spec, 2, List.of()).await();

        assertThat(result.status()).as(result.error()).isEqualTo(RunStatus.SUCCEEDED);
        assertThat(result.tables().get(0).verified()).isTrue();
        assertThat(fingerprint(target)).isEqualTo(fingerprint(source));
        // 5,003 rows in batches of at most 700 rows: every batch borrowed its own connections.
        assertThat(result.pools().get(io.poollab.config.Side.TARGET).borrows()).isGreaterThanOrEqualTo(8);
    }

    private static String fingerprint(String url) throws Exception {
        try (var c = TestPostgres.connect(url); var s = c.createStatement(); var rs = s.executeQuery(TABLE_FINGERPRINT)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
