package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionTlsTest {

    @Test
    void tlsThatIsNotEnforcedTowardsAnotherHostIsAWarningAndOnLoopbackItIsNot() {
        ConnectionTls.Status remote = ConnectionTls.of(ConnectionForm.postgres("db.example.com", null, "app"));
        assertThat(remote.warning()).isTrue();
        assertThat(remote.text()).isEqualTo("warning: TLS is not enforced for db.example.com (sslmode=prefer, the "
                + "driver default): the password and every row may cross the network readable; choose sslmode "
                + "require or verify-full");
        assertThat(ConnectionTls.of(ConnectionForm.postgres("127.0.0.1", 5432, "app")).warning()).isFalse();
        assertThat(ConnectionTls.of(ConnectionForm.postgres("localhost", 5432, "app")).warning()).isFalse();
    }

    @Test
    void eachSslmodeSaysWhatItChecks() {
        assertThat(pg("require").text()).startsWith("TLS required (sslmode=require); the server's certificate is not "
                + "checked");
        assertThat(pg("verify-full").text()).isEqualTo("TLS required and the server's certificate checked "
                + "(sslmode=verify-full; the CA file is the sslrootcert driver property)");
        assertThat(pg("disable").warning()).isTrue();
        assertThat(pg("verify-ca").warning()).isFalse();
    }

    @Test
    void sqlServerEncryptsByDefaultAndWarnsOnlyWhenTurnedOff() {
        ConnectionTls.Status byDefault = ConnectionTls.of(ConnectionForm.sqlServer("sql1.example.com", null, "app"));
        assertThat(byDefault.warning()).isFalse();
        assertThat(byDefault.text()).isEqualTo("TLS on (encrypt=true, mssql-jdbc's default since version 10); the "
                + "server's certificate is checked");
        ConnectionTls.Status trusting = ConnectionTls.of(new ConnectionForm(DbKind.SQLSERVER, "sql1", null, "app",
                null, true, true, Map.of()));
        assertThat(trusting.text()).endsWith("the server's certificate is not checked (trustServerCertificate=true)");
        ConnectionTls.Status off = ConnectionTls.of(new ConnectionForm(DbKind.SQLSERVER, "sql1", null, "app", null,
                false, null, Map.of()));
        assertThat(off.warning()).isTrue();
        assertThat(off.text()).contains("(encrypt=false)");
    }

    private static ConnectionTls.Status pg(String mode) {
        return ConnectionTls.of(new ConnectionForm(DbKind.POSTGRESQL, "db.example.com", null, "app", mode, null, null,
                Map.of()));
    }
}
