package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With no password in the config, PostgreSQL logins use the pgpass file, as psql does. */
class PgpassTest {

    private static final String PGPASS_PROPERTY = "org.postgresql.pgpassfile";

    @TempDir
    Path dir;

    @AfterEach
    void forgetPgpass() {
        System.clearProperty(PGPASS_PROPERTY);
    }

    @Test
    void passwordOmittedFromTheConfigComesFromPgpass() throws Exception {
        String role = TestPostgres.passwordRole();
        String source = Posts.database(100);
        String target = TestPostgres.newDatabase("pgpass");
        Path config = Files.writeString(dir.resolve("pg.yaml"), """
                source: {jdbcUrl: %s, username: %s}
                target: {jdbcUrl: %s, username: %s}
                tables: [posts]
                """.formatted(source, role, target, role));

        Cli.Result withoutPgpass = Cli.run(dir.resolve("home"), Map.of(), "check", "--config", config.toString());
        Path pgpass = Files.writeString(dir.resolve("pgpass"),
                "127.0.0.1:" + TestPostgres.port() + ":*:" + role + ":right-password\n");
        System.setProperty(PGPASS_PROPERTY, pgpass.toString());
        Cli.Result withPgpass = Cli.run(dir.resolve("home"), Map.of(), "check", "--config", config.toString());

        assertThat(withoutPgpass.exitCode()).isEqualTo(2);
        assertThat(withoutPgpass.err()).contains("source.jdbcUrl: cannot connect to");
        assertThat(withPgpass.exitCode()).as(withPgpass.err()).isZero();
        assertThat(withPgpass.out()).contains("ok: the config is valid and both databases answer");
    }
}
