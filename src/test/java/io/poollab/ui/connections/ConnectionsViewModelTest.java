package io.poollab.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.DbKind;
import io.poollab.config.SimulatedNetwork;
import io.poollab.db.ConnectionTester;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.Background;
import io.poollab.ui.UiTesting;
import io.poollab.ui.Workbench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The connection editor's state, without a window, against the embedded PostgreSQL. */
class ConnectionsViewModelTest {

    @TempDir
    Path home;
    private Workbench workbench;
    private ConnectionsViewModel model;

    @BeforeEach
    void open() throws Exception {
        workbench = UiTesting.workbench(home, Background.inline());
        model = new ConnectionsViewModel(workbench);
        model.refresh();
    }

    @AfterEach
    void close() {
        workbench.close();
    }

    @Test
    void theBuiltInDemoProfilesAreListedFirstAndReadOnly() {
        assertThat(model.profiles()).extracting(p -> p.name()).startsWith("H2 demo source", "H2 demo target");
        assertThat(model.selectedProperty().get().name()).isEqualTo("H2 demo source");
        assertThat(model.form().readOnlyProperty().get()).isTrue();
    }

    @Test
    void theFieldsBuildTheUrlAndAnEditedUrlFillsTheFields() {
        model.newProfile();
        model.form().hostProperty().set("db.example.com");
        model.form().portProperty().set("6432");
        model.form().databaseProperty().set("sales");
        model.form().sslmodeProperty().set("require");

        assertThat(model.form().jdbcUrlProperty().get()).isEqualTo("jdbc:postgresql://db.example.com:6432/sales?sslmode=require");

        model.form().jdbcUrlProperty().set("jdbc:sqlserver://mssql.local:1444;databaseName=erp;encrypt=true");

        assertThat(model.form().dialectProperty().get()).isEqualTo(DbKind.SQLSERVER);
        assertThat(model.form().hostProperty().get()).isEqualTo("mssql.local");
        assertThat(model.form().portProperty().get()).isEqualTo("1444");
        assertThat(model.form().databaseProperty().get()).isEqualTo("erp");
        assertThat(model.form().encryptProperty().get()).isTrue();
        assertThat(model.form().rawUrlProperty().get()).isFalse();
    }

    @Test
    void theEditorSaysWhetherTlsIsUsedAndWarnsWhenItIsOffForAnotherHost() {
        model.newProfile();
        model.form().hostProperty().set("127.0.0.1");
        model.form().databaseProperty().set("sales");
        assertThat(model.form().tlsWarningProperty().get()).isFalse();

        model.form().hostProperty().set("db.example.com");
        assertThat(model.form().tlsWarningProperty().get()).isTrue();
        assertThat(model.form().tlsProperty().get()).startsWith("warning: TLS is not enforced for db.example.com");

        model.form().sslmodeProperty().set("verify-full");
        assertThat(model.form().tlsWarningProperty().get()).isFalse();
        assertThat(model.form().tlsProperty().get()).startsWith("TLS required and the server's certificate checked");
    }

    @Test
    void aBadPortIsRefusedNextToItsFieldAndNothingIsSaved() throws Exception {
        model.newProfile();
        model.form().nameProperty().set("bad port");
        model.form().portProperty().set("54x2");

        model.save();

        assertThat(model.form().fieldProblems()).containsEntry("port", "\"54x2\" is not a port number");
        assertThat(model.messageProperty().get()).isEqualTo("Not saved: port \"54x2\" is not a port number");
        assertThat(workbench.profiles().list().profiles()).extracting(p -> p.name()).doesNotContain("bad port");
    }

    @Test
    void testConnectionShowsTheServerVersionLimitsSessionsAndRoundTrip() throws Exception {
        String database = UiTesting.databaseOf(TestPostgres.newDatabase("editor"));
        model.newProfile();
        model.form().nameProperty().set("embedded");
        model.form().hostProperty().set("127.0.0.1");
        model.form().portProperty().set(String.valueOf(TestPostgres.port()));
        model.form().databaseProperty().set(database);
        model.form().userProperty().set("postgres");
        model.form().passwordSourceProperty().set("none");

        model.test();

        assertThat(model.testResultProperty().get()).isInstanceOf(ConnectionTester.Success.class);
        ConnectionTester.Success ok = (ConnectionTester.Success) model.testResultProperty().get();
        assertThat(ok.version()).startsWith("16");
        assertThat(ok.maxConnections()).isEqualTo(200);
        assertThat(ok.roundTripMs()).isPositive();
        assertThat(ok.tls()).isEqualTo(ConnectionTester.Tls.OFF);
        assertThat(model.testingProperty().get()).isFalse();
    }

    @Test
    void networkFieldsAreCheckedNextToThemAndSavedWithTheProfile() throws Exception {
        model.newProfile();
        model.form().nameProperty().set("far away");
        model.form().hostProperty().set("db.example.com");

        model.form().latencyProperty().set("20ms");
        assertThat(model.form().fieldProblems()).containsEntry("latencyMs", "\"20ms\" is not a whole number of "
                + "milliseconds");
        model.form().latencyProperty().set("10");
        model.form().jitterProperty().set("20");
        assertThat(model.form().fieldProblems()).containsEntry("jitterMs", "20 ms is more than latencyMs 10 ms: a "
                + "delay would go below zero");
        assertThat(model.form().networkSummaryProperty().get()).isEqualTo("jitterMs: 20 ms is more than latencyMs "
                + "10 ms: a delay would go below zero");
        model.form().jitterProperty().set("5");
        model.form().bandwidthProperty().set("fast");
        assertThat(model.form().fieldProblems()).containsEntry("bandwidthMbps", "\"fast\" is not a number of Mbit/s");
        model.form().bandwidthProperty().set("8");

        assertThat(model.form().fieldProblems()).isEmpty();
        assertThat(model.form().networkSummaryProperty().get()).isEqualTo("Through PoolLab's latency proxy: +10 ms "
                + "each way (RTT +20 ms), ±5 ms jitter, 8 Mbit/s. Runs and Test connection pay it; planning and "
                + "verification connect directly.");
        model.save();
        assertThat(workbench.profiles().load("far away").network()).isEqualTo(new SimulatedNetwork(10, 5, 8));

        model.form().dialectProperty().set(DbKind.H2);
        model.form().hostProperty().set("");
        model.form().databaseProperty().set("mem:near");
        assertThat(model.form().fieldProblems()).containsEntry("latencyMs", "jdbc:h2:mem:near has no network "
                + "endpoint: the latency proxy sits on a TCP connection, so use an H2 server "
                + "(jdbc:h2:tcp://HOST:PORT/…) or remove the setting");
    }

    @Test
    void testConnectionWithALatencyShowsTheRoundTripItAdds() throws Exception {
        String database = UiTesting.databaseOf(TestPostgres.newDatabase("editor_far"));
        model.newProfile();
        model.form().nameProperty().set("embedded far away");
        model.form().hostProperty().set("127.0.0.1");
        model.form().portProperty().set(String.valueOf(TestPostgres.port()));
        model.form().databaseProperty().set(database);
        model.form().userProperty().set("postgres");
        model.form().passwordSourceProperty().set("none");
        model.form().latencyProperty().set("15");

        model.test();

        ConnectionTester.Success ok = (ConnectionTester.Success) model.testResultProperty().get();
        // Never below the two delays; the upper bound leaves room for a loaded machine (LatencyProxyTest is exact).
        assertThat(ok.roundTripMs()).isBetween(30.0, 30.0 + 20);
        assertThat(model.testedNetworkProperty().get()).isEqualTo(new SimulatedNetwork(15, 0, 0));
    }

    @Test
    void aWrongPasswordIsReportedInPlainWordsAndTheTypedPasswordIsNeverSaved() throws Exception {
        String role = TestPostgres.passwordRole();
        model.newProfile();
        model.form().nameProperty().set("with password");
        model.form().hostProperty().set("127.0.0.1");
        model.form().portProperty().set(String.valueOf(TestPostgres.port()));
        model.form().databaseProperty().set("postgres");
        model.form().userProperty().set(role);
        model.form().passwordSourceProperty().set("prompt");
        model.testPasswordProperty().set("wrong-secret-42");

        model.test();
        ConnectionTester.Failure failure = (ConnectionTester.Failure) model.testResultProperty().get();
        model.save();

        assertThat(failure.category()).isEqualTo(ConnectionTester.Failure.Category.BAD_PASSWORD);
        assertThat(failure.message()).isEqualTo("password authentication failed for user pw_user (SQLState 28P01)");
        try (Stream<Path> files = Files.list(workbench.profiles().folder())) {
            for (Path file : files.toList()) {
                assertThat(Files.readString(file)).doesNotContain("wrong-secret-42");
            }
        }
        assertThat(workbench.profiles().load("with password").password().id()).isEqualTo("prompt");
    }
}
