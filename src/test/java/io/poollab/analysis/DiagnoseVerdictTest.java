package io.poollab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.Side;
import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;
import io.poollab.migrate.RunWaits;
import io.poollab.migrate.TimeBreakdown;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The verdict rules on constructed experiments: each rule fires on its numbers and on nothing else. */
class DiagnoseVerdictTest {

    private static final TimeBreakdown.Snapshot LITTLE_ACQUIRE = new TimeBreakdown.Snapshot(500, 10, 100, 300, 90);
    private static final RunWaits.ClientUsage QUIET_CLIENT = new RunWaits.ClientUsage(1_000, 20, 2, 10_000);

    private static ServerWaits target(long cpu, long io, long client, long idle) {
        long[] counts = new long[WaitBucket.values().length];
        counts[WaitBucket.CPU.ordinal()] = cpu;
        counts[WaitBucket.IO.ordinal()] = io;
        counts[WaitBucket.CLIENT.ordinal()] = client;
        counts[WaitBucket.IDLE.ordinal()] = idle;
        return new ServerWaits(counts, io > 0 ? Map.of("io:DataFileWrite", io * 2 / 3, "io:WALWrite", io / 3)
                : Map.of(), 40);
    }

    private static WaitSummary waits(ServerWaits t, RunWaits.ClientUsage client, TimeBreakdown.Snapshot time) {
        return WaitSummary.of(new RunWaits(Map.of(Side.TARGET, t), client), time);
    }

    private static final WaitSummary BALANCED = waits(target(30, 20, 30, 20), QUIET_CLIENT, LITTLE_ACQUIRE);

    private static Experiment experiment(String id, int workers, String mode, WaitSummary waits, double... rates) {
        List<Double> r = java.util.Arrays.stream(rates).boxed().toList();
        return new Experiment(id, workers + " workers, " + mode, workers, mode, List.of(1L, 2L), r, List.of(),
                r.stream().map(x -> 10_000L).toList(), waits);
    }

    private static DiagnoseVerdict.Finding finding(List<DiagnoseVerdict.Finding> verdict, String topic) {
        return verdict.stream().filter(f -> f.topic().equals(topic)).findFirst().orElseThrow();
    }

    @Test
    void poolingHurtsWhenThePooledRunsAreSlowerBeyondTheSpreadOfTheRepeats() {
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 4, "shared", BALANCED, 70_000, 72_000),
                experiment("unpooled", 4, "unpooled", BALANCED, 100_000, 98_000)));

        DiagnoseVerdict.Finding pooling = finding(verdict, "pooling");
        assertThat(pooling.outcome()).isEqualTo("hurts");
        assertThat(pooling.sentence()).startsWith("Pooling hurts by 28%: ").contains("71k rows/s against 99k rows/s");
        assertThat((Boolean) pooling.numbers().get("beyondNoise")).isTrue();
    }

    @Test
    void poolingHelpsWhenThePooledRunsAreFasterBeyondTheNoise() {
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 2, "shared", BALANCED, 120_000, 118_000),
                experiment("unpooled", 2, "unpooled", BALANCED, 80_000, 81_000)));

        assertThat(finding(verdict, "pooling").outcome()).isEqualTo("helps");
        assertThat(finding(verdict, "pooling").sentence()).startsWith("Pooling helps by 48%");
    }

    @Test
    void aDifferenceInsideTheSpreadOfTheRepeatsIsNoMeasurableDifference() {
        // 8% apart, but each experiment's repeats spread 20%: the noise swallows it.
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 2, "shared", BALANCED, 90_000, 110_000),
                experiment("unpooled", 2, "unpooled", BALANCED, 82_000, 102_000)));

        assertThat(finding(verdict, "pooling").outcome()).isEqualTo("none");
        assertThat(finding(verdict, "pooling").sentence()).startsWith("Pooling makes no measurable difference");
        assertThat(finding(verdict, "next").outcome()).isEqualTo("given");
    }

    @Test
    void sessionsWaitingOnIoMakeTheServerTheBottleneckAndNameTheWaits() {
        WaitSummary io = waits(target(9, 61, 10, 20), QUIET_CLIENT, LITTLE_ACQUIRE);
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 4, "shared", io, 50_000, 50_500)));

        DiagnoseVerdict.Finding bottleneck = finding(verdict, "bottleneck");
        assertThat(bottleneck.outcome()).isEqualTo("server");
        assertThat(bottleneck.sentence()).contains("The bottleneck is the target server")
                .contains("target sessions spent 61% of their time waiting on IO (DataFileWrite, WALWrite), 9% on CPU")
                .contains("Workers spent 1% of their time acquiring connections: the pool is not the bottleneck.");
    }

    @Test
    void aBusyClientProcessMakesTheClientTheBottleneck() {
        RunWaits.ClientUsage busy = new RunWaits.ClientUsage(18_000, 300, 2, 10_000);
        WaitSummary client = waits(target(10, 5, 60, 25), busy, LITTLE_ACQUIRE);
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 4, "shared", client, 50_000, 50_500)));

        assertThat(finding(verdict, "bottleneck").outcome()).isEqualTo("client");
        assertThat(finding(verdict, "bottleneck").sentence()).contains("PoolLab's process used 90% of 2 cores");
    }

    @Test
    void workersThatSpendAFifthOfTheirTimeAcquiringMakeThePoolTheBottleneck() {
        WaitSummary pool = waits(target(30, 20, 30, 20), QUIET_CLIENT, new TimeBreakdown.Snapshot(300, 300, 100,
                200, 100));
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 8, "shared", pool, 50_000, 50_500),
                experiment("shared-sized", 8, "shared", BALANCED, 80_000, 81_000)));

        assertThat(finding(verdict, "bottleneck").outcome()).isEqualTo("pool");
        assertThat(finding(verdict, "bottleneck").sentence()).contains("Workers spent 30% of their time acquiring "
                + "connections: the pool is the bottleneck.");
        assertThat(finding(verdict, "next").outcome()).isEqualTo("shared-sized");
    }

    @Test
    void workersInterfereWhenEachDoesFarLessThanALoneWorker() {
        var verdict = DiagnoseVerdict.of(List.of(experiment("given", 4, "shared", BALANCED, 100_000, 101_000),
                experiment("single-worker", 1, "shared", BALANCED, 90_000, 91_000)));

        DiagnoseVerdict.Finding workers = finding(verdict, "workers");
        assertThat(workers.outcome()).isEqualTo("interfere");
        assertThat(workers.sentence()).contains("each worker did 28% of a lone worker's rate");
    }

    @Test
    void withoutASuccessfulRunAsGivenThereIsNoVerdict() {
        Experiment failed = new Experiment("given", "4 workers", 4, "shared", List.of(7L), List.of(),
                List.of("run 7 failed: boom"), List.of(), BALANCED);

        var verdict = DiagnoseVerdict.of(List.of(failed));

        assertThat(verdict).singleElement().satisfies(f -> assertThat(f.sentence())
                .isEqualTo("No verdict: the configuration as given has no successful run (run 7 failed: boom)."));
    }
}
