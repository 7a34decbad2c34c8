package io.poollab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.poollab.config.Side;
import io.poollab.migrate.RunResult;
import io.poollab.migrate.RunStatus;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import io.poollab.ui.Background;
import io.poollab.ui.UiTesting;
import io.poollab.ui.Workbench;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Run view's live metrics toggle, without a window: background work runs inline. */
class MetricsEndpointModelTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path home;
    private Workbench workbench;
    private RunViewModel model;

    @BeforeEach
    void open() throws Exception {
        workbench = UiTesting.workbench(home, Background.inline());
        model = new RunViewModel(workbench);
    }

    @AfterEach
    void close() {
        model.metricsEndpoint().close();
        workbench.close();
    }

    @Test
    void theToggleServesTheViewsRunAtTheUrlItShowsAndStopsWhenTurnedOff() throws Exception {
        MetricsEndpointModel endpoint = model.metricsEndpoint();
        endpoint.portProperty().set(0);
        endpoint.enabledProperty().set(true);
        String url = endpoint.urlProperty().get();
        assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/metrics");
        UiTesting.postgres(workbench, "src", UiTesting.databaseOf(Posts.database(20_000)));
        UiTesting.postgres(workbench, "dst", UiTesting.databaseOf(TestPostgres.newDatabase("gui_metrics")));
        workbench.prefs().set("run.source", "src");
        workbench.prefs().set("run.target", "dst");
        model.setup().refreshProfiles();

        model.start(null);

        RunResult result = model.resultProperty().get();
        assertThat(result.status()).isEqualTo(RunStatus.SUCCEEDED);
        String run = "run=\"" + result.runId() + "\"";
        String metrics = get(url).body();
        assertThat(metrics).contains("poollab_rows_copied_total{" + run + "} " + (double) result.rows())
                .contains("poollab_pool_connections_opened_total{" + run + ",side=\"source\"} "
                        + (double) result.pools().get(Side.SOURCE).created());
        JsonNode stats = new ObjectMapper().readTree(get(url.replace("/metrics", "/stats")).body());
        assertThat(stats.get("run").get("state").asText()).isEqualTo("succeeded");
        assertThat(stats.get("run").get("progress").asDouble()).isEqualTo(1.0);

        endpoint.enabledProperty().set(false);

        assertThat(endpoint.urlProperty().get()).isEmpty();
        assertThatThrownBy(() -> get(url)).isInstanceOf(ConnectException.class);
    }

    @Test
    void aPortInUseIsSaidNextToTheToggleWhichTurnsBackOff() throws Exception {
        MetricsEndpointModel endpoint = model.metricsEndpoint();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            endpoint.portProperty().set(taken.getLocalPort());

            endpoint.enabledProperty().set(true);

            assertThat(endpoint.errorProperty().get()).isEqualTo("Cannot serve metrics on 127.0.0.1:"
                    + taken.getLocalPort() + ": Address already in use. Pick another port.");
            assertThat(endpoint.enabledProperty().get()).isFalse();
            assertThat(endpoint.urlProperty().get()).isEmpty();
        }
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
