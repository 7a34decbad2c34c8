package io.poollab.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where URLs connect, and the same URLs pointed at a latency proxy with everything else left as written. */
class UrlEndpointsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jdbc:postgresql://db1.example.com/orders?sslmode=require&ApplicationName=x | db1.example.com:5432"
                + " | jdbc:postgresql://127.0.0.1:6000/orders?sslmode=require&ApplicationName=x",
        "jdbc:postgresql://[::1]:5433/orders | [::1]:5433 | jdbc:postgresql://127.0.0.1:6000/orders",
        "jdbc:postgresql:orders?password=pw | localhost:5432 | jdbc:postgresql://127.0.0.1:6000/orders?password=pw",
        "jdbc:postgresql:/orders | localhost:5432 | jdbc:postgresql://127.0.0.1:6000/orders",
        "jdbc:h2:tcp://h2host/~/test;IFEXISTS=TRUE | h2host:9092 | jdbc:h2:tcp://127.0.0.1:6000/~/test;IFEXISTS=TRUE",
        "jdbc:h2:tcp://[::1]:9093//abs/path | [::1]:9093 | jdbc:h2:tcp://127.0.0.1:6000//abs/path",
        "jdbc:sqlserver://sql1;databaseName=orders;encrypt=true | sql1:1433"
                + " | jdbc:sqlserver://127.0.0.1:6000;databaseName=orders;encrypt=true;hostNameInCertificate=sql1",
        "jdbc:sqlserver://sql1\\SQLEXPRESS:1500;databaseName={a;b} | sql1:1500"
                + " | jdbc:sqlserver://127.0.0.1:6000;databaseName={a;b};hostNameInCertificate=sql1",
        "jdbc:sqlserver://;serverName=::1;portNumber=1444;hostNameInCertificate=*.corp | [::1]:1444"
                + " | jdbc:sqlserver://127.0.0.1:6000;hostNameInCertificate=*.corp",
    })
    void theProxyReplacesOnlyTheHostAndPort(String url, String endpoint, String throughProxy) {
        assertThat(JdbcUrls.endpoint(url)).get().hasToString(endpoint);
        assertThat(JdbcUrls.throughLoopback(url, 6000)).isEqualTo(throughProxy);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "jdbc:h2:mem:scratch;DB_CLOSE_DELAY=-1",
        "jdbc:h2:/var/poollab/demo/h2-source",
        "jdbc:postgresql://a:1,b:2/db",
        "jdbc:sqlserver://sql1\\SQLEXPRESS;databaseName=orders",
        "jdbc:oracle:thin:@db:1521/x",
    })
    void urlsWithoutOneNetworkEndpointHaveNone(String url) {
        assertThat(JdbcUrls.endpoint(url)).isEmpty();
        assertThatThrownBy(() -> JdbcUrls.throughLoopback(url, 6000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("no single network endpoint in ");
    }
}
