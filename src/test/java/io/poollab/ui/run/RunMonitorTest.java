package io.poollab.ui.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.migrate.RunEvent;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.pool.Health;
import org.junit.jupiter.api.Test;

/** The coalescing queue between engine threads and the FX thread, driven directly. */
class RunMonitorTest {

    private static RunSample sample(long ms, int active, int pending, long borrows, double p95) {
        SideSample pool = new SideSample(active, 4 - Math.min(4, active), pending, 4, 4, p95 / 2, p95, p95 * 2,
                p95 * 3, borrows, 0, 0, active);
        return new RunSample(ms, ms * 10, ms * 100, 40_000, 4, pool, pool);
    }

    @Test
    void manySamplesBetweenDrainsBecomeOneUpdate() {
        RunMonitor monitor = new RunMonitor();
        for (int i = 1; i <= 400; i++) {
            monitor.feed().sample(sample(i * 250L, 2, 0, 0, 0));
        }

        monitor.pump();
        monitor.pump();

        assertThat(monitor.drainsProperty().get()).as("the empty second drain changes nothing").isEqualTo(1);
        assertThat(monitor.series().samplesSeen()).isEqualTo(400);
        assertThat(monitor.rateProperty().get()).isEqualTo("40k rows/s");
        assertThat(monitor.connectionsProperty().get()).isEqualTo("2 of 4  ·  2 of 4");
    }

    @Test
    void unpooledConnectionsAreCountedOnceWithTheModeInTheCaption() {
        RunMonitor monitor = new RunMonitor();
        SideSample open = new SideSample(4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 4);
        monitor.feed().sample(new RunSample(250, 2_500, 25_000, 10_000, 4, open, open));

        monitor.pump();

        assertThat(monitor.connectionsProperty().get()).isEqualTo("4  ·  4");
        assertThat(monitor.connectionsCaptionProperty().get()).isEqualTo("connections open, unpooled: source · target");
    }

    @Test
    void theLatestMeasuredWaitStaysShownThroughIntervalsWithoutBorrows() {
        RunMonitor monitor = new RunMonitor();
        monitor.feed().sample(sample(250, 4, 0, 12, 0.31));
        monitor.feed().sample(sample(500, 4, 0, 0, 0));

        monitor.pump();

        assertThat(monitor.waitProperty().get()).isEqualTo("0.31 ms p95");
    }

    @Test
    void aResizeEventBecomesAMarkerAndALogLine() {
        RunMonitor monitor = new RunMonitor();
        monitor.feed().event(new RunEvent(4_200, RunEvent.Type.RESIZE,
                "source pool resized: maximumPoolSize 2 → 4, minimumIdle 2 → 4"));
        monitor.feed().event(new RunEvent(4_300, RunEvent.Type.INFO, "sample data created"));

        monitor.pump();

        assertThat(monitor.series().markers()).singleElement().satisfies(m -> {
            assertThat(m.label()).isEqualTo("source max 2 → 4");
            assertThat(m.elapsedSeconds()).isEqualTo(4.2);
        });
        assertThat(monitor.eventLog()).containsExactly(
                "0:04  resize  source pool resized: maximumPoolSize 2 → 4, minimumIdle 2 → 4",
                "0:04  info  sample data created");
    }

    @Test
    void healthFollowsTheThresholdsWithTheReasonInNumbers() {
        RunMonitor monitor = new RunMonitor();
        for (int i = 1; i <= 8; i++) {
            monitor.feed().sample(sample(i * 250L, 4, 3, 1, 5));
        }

        monitor.pump();

        assertThat(monitor.healthProperty().get()).isEqualTo(Health.UNHEALTHY);
        assertThat(monitor.healthReasonProperty().get()).startsWith("source pool at 100% of 4 with 3 waiting for");
    }
}
