package io.poollab.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.db.h2.H2Dialect;
import io.poollab.db.postgres.PostgresDialect;
import io.poollab.db.sqlserver.SqlServerDialect;
import org.junit.jupiter.api.Test;

/** Which schemas a table picker hides: each database's own catalog, never a user's schema of a similar name. */
class SystemSchemasTest {

    @Test
    void postgresHidesItsCatalogToastAndOtherSessionsTemporarySchemas() {
        PostgresDialect postgres = new PostgresDialect();

        assertThat(postgres.isSystemSchema("pg_catalog")).isTrue();
        assertThat(postgres.isSystemSchema("information_schema")).isTrue();
        assertThat(postgres.isSystemSchema("pg_toast")).isTrue();
        assertThat(postgres.isSystemSchema("pg_toast_temp_3")).isTrue();
        assertThat(postgres.isSystemSchema("pg_temp_3")).isTrue();
        assertThat(postgres.isSystemSchema("public")).isFalse();
        assertThat(postgres.isSystemSchema("sys")).isFalse();
        assertThat(postgres.isSystemSchema("pg_stats_archive")).isFalse();
    }

    @Test
    void sqlServerHidesSysAndInformationSchema() {
        SqlServerDialect sqlServer = new SqlServerDialect();

        assertThat(sqlServer.isSystemSchema("sys")).isTrue();
        assertThat(sqlServer.isSystemSchema("INFORMATION_SCHEMA")).isTrue();
        assertThat(sqlServer.isSystemSchema("dbo")).isFalse();
        assertThat(sqlServer.isSystemSchema("system")).isFalse();
    }

    @Test
    void h2HidesInformationSchemaOnly() {
        H2Dialect h2 = new H2Dialect();

        assertThat(h2.isSystemSchema("INFORMATION_SCHEMA")).isTrue();
        assertThat(h2.isSystemSchema("PUBLIC")).isFalse();
        assertThat(h2.isSystemSchema("sys")).isFalse();
    }
}
