package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JdbcUrlsTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://db1.example.com/orders",
        "jdbc:postgresql://db1.example.com:6432/orders?sslmode=verify-full",
        "jdbc:postgresql://[::1]:5433/orders?sslmode=require&ApplicationName=x&connectTimeout=5",
        "jdbc:postgresql://[fe80::1%25eth0]/orders",
        "jdbc:postgresql://10.0.0.7/",
        "jdbc:postgresql://h/my%20db%2Fx?options=-c%20search_path=app&sslrootcert=/etc/ssl/root.crt",
        "jdbc:sqlserver://sql1:1433;databaseName=orders;encrypt=true;trustServerCertificate=false",
        "jdbc:sqlserver://sql1\\SQLEXPRESS;databaseName=orders;encrypt=false",
        "jdbc:sqlserver://sql1;loginTimeout=7;applicationIntent=ReadOnly",
        "jdbc:sqlserver://;serverName=::1;portNumber=1444;databaseName=x",
        "jdbc:sqlserver://sql1;databaseName={semi;colon}}brace};encrypt=true",
        "jdbc:h2:/var/poollab/demo/h2-source",
        "jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1",
        "jdbc:h2:~/data/test;MODE=PostgreSQL;AUTO_SERVER=TRUE",
        "jdbc:h2:tcp://localhost/~/test",
        "jdbc:h2:tcp://[::1]:9093//abs/path;IFEXISTS=TRUE",
    })
    void canonicalUrlsSurviveParseAndBuildUnchanged(String url) throws Exception {
        ParsedUrl parsed = JdbcUrls.parse(url).orElseThrow();

        assertThat(JdbcUrls.build(parsed.form())).isEqualTo(url);
        assertThat(parsed.passwordRemoved()).isFalse();
    }

    @Test
    void postgresFieldsComeOutOfTheUrlWithDefaultPortLeftOpenAndParamsInAnyOrder() {
        ConnectionForm form = JdbcUrls.parse(
                "jdbc:postgresql://[2001:db8::7]/sales?connectTimeout=5&sslmode=require&tcpKeepAlive=true")
                .orElseThrow().form();

        assertThat(form.dialect()).isEqualTo(DbKind.POSTGRESQL);
        assertThat(form.host()).isEqualTo("2001:db8::7");
        assertThat(form.port()).isNull();
        assertThat(form.effectivePort()).isEqualTo(5432);
        assertThat(form.database()).isEqualTo("sales");
        assertThat(form.sslmode()).isEqualTo("require");
        assertThat(form.properties()).containsExactly(Map.entry("connectTimeout", "5"),
                Map.entry("tcpKeepAlive", "true"));
    }

    @Test
    void sqlServerKeysAreReadCaseInsensitivelyAndUnknownOnesKept() {
        ConnectionForm form = JdbcUrls.parse(
                "jdbc:sqlserver://sql1:1500;ENCRYPT=True;Database=orders;TrustServerCertificate=FALSE;"
                        + "hostNameInCertificate=*.corp;encrypt=true").orElseThrow().form();

        assertThat(form).isEqualTo(new ConnectionForm(DbKind.SQLSERVER, "sql1", 1500, "orders", null, true, false,
                Map.of("hostNameInCertificate", "*.corp")));
    }

    @Test
    void sqlServerEncryptStrictIsKeptAsAPropertyBecauseTheFormOnlyHoldsTrueOrFalse() throws Exception {
        ConnectionForm form = JdbcUrls.parse("jdbc:sqlserver://sql1;encrypt=strict").orElseThrow().form();

        assertThat(form.encrypt()).isNull();
        assertThat(form.properties()).containsExactly(Map.entry("encrypt", "strict"));
        assertThat(JdbcUrls.build(form)).isEqualTo("jdbc:sqlserver://sql1;encrypt=strict");
    }

    @Test
    void formsBuildTheUrlsTheDriversExpect() throws Exception {
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("options", "-c statement_timeout=5s");
        extra.put("ApplicationName", "a+b&c");

        assertThat(JdbcUrls.build(ConnectionForm.postgres("db1", 5432, "orders").withSslmode("prefer")
                .withProperties(extra)))
                .isEqualTo("jdbc:postgresql://db1:5432/orders?sslmode=prefer&options=-c%20statement_timeout=5s"
                        + "&ApplicationName=a%2Bb%26c");
        assertThat(JdbcUrls.build(ConnectionForm.sqlServer("sql1", 1433, "orders").withEncryption(true, false)))
                .isEqualTo("jdbc:sqlserver://sql1:1433;databaseName=orders;encrypt=true;trustServerCertificate=false");
        assertThat(JdbcUrls.build(ConnectionForm.sqlServer("::1", null, null)))
                .isEqualTo("jdbc:sqlserver://;serverName=::1");
        assertThat(JdbcUrls.build(ConnectionForm.h2("mem:demo"))).isEqualTo("jdbc:h2:mem:demo");
        assertThat(JdbcUrls.build(new ConnectionForm(DbKind.H2, "h2host", 9101, "~/test", null, null, null,
                Map.of()))).isEqualTo("jdbc:h2:tcp://h2host:9101/~/test");
    }

    @Test
    void otherPostgresSpellingsParseToTheSameFieldsAsTheCanonicalOne() {
        assertThat(JdbcUrls.parse("jdbc:postgresql:orders").orElseThrow().form())
                .isEqualTo(ConnectionForm.postgres("localhost", null, "orders"));
        assertThat(JdbcUrls.parse("jdbc:postgresql://db1/orders?&sslmode=disable&").orElseThrow().form())
                .isEqualTo(ConnectionForm.postgres("db1", null, "orders").withSslmode("disable"));
        assertThat(JdbcUrls.parse("jdbc:postgresql://db1/my+db?options=-c+search_path%3Dapp").orElseThrow().form())
                .isEqualTo(ConnectionForm.postgres("db1", null, "my db")
                        .withProperties(Map.of("options", "-c search_path=app")));
    }

    @Test
    void aPasswordInTheUrlIsDroppedAndFlaggedInEveryDialect() throws Exception {
        ParsedUrl postgres = JdbcUrls.parse("jdbc:postgresql://db1/orders?password=s3cret&user=app").orElseThrow();
        ParsedUrl sqlServer = JdbcUrls.parse("jdbc:sqlserver://sql1;Password={s3;cret};databaseName=x")
                .orElseThrow();
        ParsedUrl h2 = JdbcUrls.parse("jdbc:h2:mem:x;PASSWORD=s3cret;MODE=MySQL").orElseThrow();

        assertThat(postgres.passwordRemoved()).isTrue();
        assertThat(JdbcUrls.build(postgres.form())).isEqualTo("jdbc:postgresql://db1/orders?user=app");
        assertThat(sqlServer.passwordRemoved()).isTrue();
        assertThat(JdbcUrls.build(sqlServer.form())).isEqualTo("jdbc:sqlserver://sql1;databaseName=x");
        assertThat(h2.passwordRemoved()).isTrue();
        assertThat(JdbcUrls.build(h2.form())).isEqualTo("jdbc:h2:mem:x;MODE=MySQL");
    }

    @Test
    void withoutPasswordCleansUrlsTheFormCannotShow() {
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://a:1,b:2/db?password=x&ssl=true"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/db?ssl=true");
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://a:1,b:2/db?ssl=true&password=x"))
                .isEqualTo("jdbc:postgresql://a:1,b:2/db?ssl=true");
        assertThat(JdbcUrls.withoutPassword("jdbc:postgresql://a,b/db?password=x"))
                .isEqualTo("jdbc:postgresql://a,b/db");
        assertThat(JdbcUrls.withoutPassword("jdbc:h2:ssl://h/db;PASSWORD=x;MODE=Oracle"))
                .isEqualTo("jdbc:h2:ssl://h/db;MODE=Oracle");
        assertThat(JdbcUrls.withoutPassword("jdbc:sqlserver://h;password={a;b}}c};x=1"))
                .isEqualTo("jdbc:sqlserver://h;x=1");
        assertThat(JdbcUrls.containsPassword("jdbc:sqlserver://h;x=1")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:postgresql://a:5432,b:5433/db",
        "jdbc:postgresql://db1",
        "jdbc:postgresql://db1:port/x",
        "jdbc:postgresql://db1/x?a=%zz",
        "jdbc:sqlserver://[::1]:1433;databaseName=x",
        "jdbc:sqlserver://sql1;databaseName",
        "jdbc:sqlserver://sql1;databaseName={open",
        "jdbc:h2:ssl://localhost/~/test",
        "jdbc:h2:",
        "jdbc:h2:mem:x;FLAG",
        "jdbc:mysql://localhost/x",
        "",
    })
    void urlsTheFormCannotShowParseToEmpty(String url) {
        assertThat(JdbcUrls.parse(url)).isEmpty();
    }

    @Test
    void anInvalidFormNamesEveryFieldAtFault() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("password", "x");
        properties.put("bad key", "y");
        ConnectionForm form = new ConnectionForm(DbKind.POSTGRESQL, "db1:5432", 70_000, "x", "maybe", true, null,
                properties);

        assertThat(JdbcUrls.problems(form)).extracting(Problem::oneLine).containsExactly(
                "host: \"db1:5432\" is not a host name or IP address; put the port in the port field",
                "port: 70000 is not between 1 and 65535",
                "sslmode: \"maybe\" is not one of disable, allow, prefer, require, verify-ca, verify-full",
                "encrypt: applies to SQL Server only",
                "properties.password: a password never goes into the URL; choose a password source",
                "properties.bad key: \"bad key\" is not a property name (letters, digits, _ . -)");
        assertThatThrownBy(() -> JdbcUrls.build(form)).isInstanceOf(ConfigException.class)
                .hasMessage("host: \"db1:5432\" is not a host name or IP address; put the port in the port field");
    }

    @Test
    void anEmbeddedH2NeedsAPathAndNoPort() {
        ConnectionForm form = new ConnectionForm(DbKind.H2, null, 9092, null, null, null, null, Map.of());

        assertThat(JdbcUrls.problems(form)).extracting(Problem::oneLine).containsExactly(
                "port: needs a host: an embedded H2 database has no port",
                "database: is required: the H2 file path, or mem:NAME");
    }
}
