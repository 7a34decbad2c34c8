package io.poollab.ui.run;

import io.poollab.metrics.MetricsServer;
import io.poollab.metrics.RunMetrics;
import io.poollab.ui.Background;
import io.poollab.ui.Errors;
import java.net.InetAddress;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The Run view's live metrics endpoint: a toggle that serves {@code /metrics}, {@code /health} and {@code /stats}
 * of the run going on (or of the last one) on 127.0.0.1, as {@code poollab run --metrics-port} does. Every run the
 * view starts is followed by one {@link RunMetrics}, so the toggle works mid-run too, HikariCP's timers included;
 * only the HTTP server comes and goes. Binding happens off the FX thread.
 */
public final class MetricsEndpointModel implements AutoCloseable {

    private final Background background;
    private final RunMetrics metrics = new RunMetrics();
    private final BooleanProperty enabled = new SimpleBooleanProperty();
    private final IntegerProperty port = new SimpleIntegerProperty(MetricsServer.DEFAULT_PORT);
    private final StringProperty url = new SimpleStringProperty("");
    private final StringProperty error = new SimpleStringProperty();
    private MetricsServer server;

    MetricsEndpointModel(Background background) {
        this.background = background;
        enabled.addListener((o, was, on) -> {
            if (on) {
                open();
            } else {
                stop();
            }
        });
    }

    /** The listener to give every run, whether the endpoint is on or not. */
    RunMetrics metrics() {
        return metrics;
    }

    private void open() {
        error.set(null);
        int wanted = port.get();
        background.run(() -> MetricsServer.start(InetAddress.getByName(MetricsServer.DEFAULT_BIND), wanted, metrics),
                started -> {
                    if (!enabled.get()) {
                        // Turned off again while binding.
                        background.run(started::close);
                        return;
                    }
                    server = started;
                    url.set(started.baseUrl() + "/metrics");
                }, e -> {
                    error.set("Cannot serve metrics on " + MetricsServer.DEFAULT_BIND + ":" + wanted + ": "
                            + Errors.oneLine(e) + ". Pick another port.");
                    enabled.set(false);
                });
    }

    private void stop() {
        MetricsServer running = server;
        server = null;
        url.set("");
        if (running != null) {
            background.run(running::close);
        }
    }

    /** Stops serving, when the window closes. */
    @Override
    public void close() {
        MetricsServer running = server;
        server = null;
        if (running != null) {
            running.close();
        }
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public IntegerProperty portProperty() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT/metrics} while serving, else empty. */
    public StringProperty urlProperty() {
        return url;
    }

    public StringProperty errorProperty() {
        return error;
    }
}
