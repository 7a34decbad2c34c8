package io.poollab.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.PoolSettings;
import io.poollab.config.RunSpecValidator;
import io.poollab.config.Side;
import io.poollab.history.RunDetail;
import io.poollab.history.RunSummary;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

/**
 * Every rule of the advisor on constructed runs: pool figures taken from real HdrHistograms of chosen acquire waits
 * and hold times, and samples shaped to saturate, idle or not.
 */
class AdvisorTest {

    @Test
    void aSaturatedPoolWithTimeoutsGrowsToThePeakDemandAndLittlesLawIsShownBeside() {
        // 4 workers on a pool of 2: both busy, 2 waiting, for 3 s of a 10 s run; 3 borrows timed out.
        Fixture run = new Fixture("shared", 4, 10).pool("target", 2, 2, p -> p.peak(2, 2, 2).timeouts(3)
                .holds(LongStream.range(0, 100).map(i -> 200)) // 100 borrows held 200 ms each
                .waits(LongStream.range(0, 100).map(i -> i < 90 ? 1 : 5_000)));
        run.samples(30, "target", 2, 0, 2, 2).samples(70, "target", 2, 0, 0, 2);

        Advisor.Advice advice = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);

        assertThat(advice.pools().get("target").maximumPoolSize()).isEqualTo(4);
        Advisor.Reason size = reason(advice, "maximumPoolSize", "target");
        assertThat(size.because()).startsWith("too small: every connection was busy with workers waiting for 3 s, "
                + "and 3 borrows timed out");
        // 100 borrows in 10 s = 10/s, held 200 ms on average: 2 connections busy.
        assertThat((double) size.numbers().get("borrowsPerSecond")).isEqualTo(10.0);
        assertThat((double) size.numbers().get("meanHoldMs")).isCloseTo(200.0, within(0.5));
        assertThat((double) size.numbers().get("littlesLawConnections")).isCloseTo(2.0, within(0.01));
        assertThat(size.numbers()).containsEntry("saturatedMs", 3_000L).containsEntry("peakPending", 2);
        // The timeouts are the size's fault: the timeout itself stays.
        assertThat(advice.pools().get("target").connectionTimeoutMs()).isEqualTo(30_000);
        assertThat(reason(advice, "connectionTimeout", "target").because()).startsWith("3 borrows timed out");
    }

    @Test
    void aPoolUsedUnderHalfShrinksToWhatItUsedButNotUnderLittlesLaw() {
        Fixture run = new Fixture("shared", 2, 20).pool("source", 16, 16, p -> p.peak(2, 0, 16)
                .holds(LongStream.range(0, 40).map(i -> 1_000)));

        Advisor.Advice advice = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);

        // 40 borrows in 20 s held 1 s each: 2 busy on average, 2 at peak.
        assertThat(advice.pools().get("source").maximumPoolSize()).isEqualTo(2);
        assertThat(reason(advice, "maximumPoolSize", "source").because())
                .startsWith("too big: the peak used 13% of it; shrunk to what the run used");
        // A pool between half and full with no waiting stays.
        assertThat(advice.pools().get("target").maximumPoolSize()).isEqualTo(2);
        assertThat(reason(advice, "maximumPoolSize", "target").because()).startsWith("kept: its peak used 100%");
    }

    @Test
    void moreConnectionsThanTheWorkersCanHoldAreCappedAndTheDeadlockFloorRaisesNestedBorrowing() {
        Fixture saturated = new Fixture("shared", 2, 10).pool("target", 2, 2, p -> p.peak(2, 6, 2).timeouts(1));
        Fixture nested = new Fixture("shared", 8, 10).pool("target", 8, 8, p -> p.peak(1, 0, 8));

        Advisor.Advice capped = Advisor.forRun(saturated.detail(), saturated.samples, Advisor.Fleet.SINGLE);
        Advisor.Advice floored = Advisor.forRun(nested.detail(), nested.samples, new Advisor.Fleet(1, 3, 2));

        // Demand said 8, but 2 workers never hold more than 2 target connections at once.
        assertThat(capped.pools().get("target").maximumPoolSize()).isEqualTo(2);
        assertThat(reason(capped, "maximumPoolSize", "target").because())
                .endsWith("capped at 2: 2 workers never hold more at once");
        // 8 threads holding 2 each: 8 × (2 − 1) + 1 = 9, though one connection was the peak.
        assertThat(floored.pools().get("target").maximumPoolSize()).isEqualTo(9);
        assertThat(floored.reasonsFor("maximumPoolSize")).anySatisfy(r -> assertThat(r.because())
                .startsWith("deadlock floor: threads × (connections per thread − 1) + 1 = 8 × (2 − 1) + 1 = 9"));
        assertThat(Advisor.deadlockFloor(4, Advisor.Fleet.SINGLE)).isEqualTo(1);
    }

    @Test
    void churnMakesAWarmPoolAndItsCostIsCounted() {
        // A pool of 4 that opened 64 connections in 2 minutes, 20 ms each: 30 beyond its peak per minute.
        Fixture run = new Fixture("shared", 4, 120).pool("source", 4, 0, p -> p.peak(4, 0, 4).created(64)
                .connectMs(20));

        Advisor.Advice advice = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);

        assertThat(advice.pools().get("source").minimumIdle()).isEqualTo(4);
        Advisor.Reason idle = reason(advice, "minimumIdle", "source");
        assertThat(idle.because()).startsWith("warm pool, = maximumPoolSize: churn of 64 connections opened for a "
                + "peak of 4 open (60 beyond it, 30.0/min, 20 ms each, 1.28 s connecting in all)");
        assertThat(idle.numbers()).containsEntry("openedBeyondPeak", 60L).containsEntry("connectSeconds", 1.28);
        // A calm, long run is still fixed-size, for HikariCP's reason.
        assertThat(reason(advice, "minimumIdle", "target").because()).startsWith("= maximumPoolSize (a fixed-size");
    }

    @Test
    void aShortRunWithAColdPoolGetsAWarmOne() {
        Fixture run = new Fixture("shared", 2, 5).pool("target", 2, 0, p -> p.peak(2, 0, 2).created(2));

        Advisor.Advice advice = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);

        assertThat(advice.pools().get("target").minimumIdle()).isEqualTo(2);
        assertThat(reason(advice, "minimumIdle", "target").because())
                .startsWith("warm pool, = maximumPoolSize: a 5 s run with minimumIdle 0 pays its connects");
    }

    @Test
    void connectionTimeoutKeepsItsHeadroomOrIsRaisedToTenTimesTheLongestWait() {
        Fixture calm = new Fixture("shared", 2, 10).pool("target", 2, 2,
                p -> p.waits(LongStream.of(1, 2, 3, 12)));
        Fixture tight = new Fixture("shared", 2, 10).pool("target", 2, 2,
                p -> p.connectionTimeout(500).waits(LongStream.of(1, 2, 180)));

        Advisor.Advice kept = Advisor.forRun(calm.detail(), calm.samples, Advisor.Fleet.SINGLE);
        Advisor.Advice raised = Advisor.forRun(tight.detail(), tight.samples, Advisor.Fleet.SINGLE);

        assertThat(kept.pools().get("target").connectionTimeoutMs()).isEqualTo(30_000);
        assertThat(reason(kept, "connectionTimeout", "target").because())
                .startsWith("kept: 30 s is 2,500× the longest measured wait (12 ms");
        // 10 × 180 ms = 1.8 s, rounded up to 2 s.
        assertThat(raised.pools().get("target").connectionTimeoutMs()).isEqualTo(2_000);
        assertThat(reason(raised, "connectionTimeout", "target").because())
                .startsWith("raised to 10× the longest measured wait (180 ms)");
    }

    @Test
    void lifetimesShorterThanTheRunAreRaisedAndKeepaliveFollowsIdleTime() {
        // A 20-minute run with maxLifetime 60 s replaced its connections; half of them sat idle.
        Fixture run = new Fixture("shared", 2, 1_200).pool("source", 4, 4, p -> p.peak(2, 0, 4).created(80)
                .maxLifetime(60_000).keepalive(0));
        run.samples(100, "source", 2, 2, 0, 4);

        Advisor.Advice advice = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);

        PoolSettings source = advice.pools().get("source");
        assertThat(source.maxLifetimeMs()).isEqualTo(2_000_000); // 1.5 × 1,200 s, rounded up
        assertThat(reason(advice, "maxLifetime", "source").because()).startsWith("raised: 1:00 is shorter than the "
                + "20:00 run, and 76 connections were replaced mid-run");
        assertThat(source.keepaliveTimeMs()).isEqualTo(120_000);
        assertThat(reason(advice, "keepaliveTime", "source").because()).startsWith("on: 50% of the open connections "
                + "were idle");
        assertThat(source.idleTimeoutMs()).isEqualTo(600_000);
        assertThat(reason(advice, "idleTimeout", "source").because()).startsWith("no effect while minimumIdle = "
                + "maximumPoolSize");
        // The target was busy: no keepalive needed, its setting stays.
        assertThat(reason(advice, "keepaliveTime", "target").because()).startsWith("kept at 2:00: 0% of the open");
    }

    @Test
    void perWorkerAndUnpooledBecomeOneSharedPoolSizedForAllTheWorkers() {
        Fixture perWorker = new Fixture("per-worker", 4, 10)
                .pool("source", 4, 4, p -> p.peak(4, 0, 16).utilization(0.25))
                .pool("target", 4, 4, p -> p.peak(4, 0, 16).utilization(0.25));
        Fixture unpooled = new Fixture("unpooled", 4, 10)
                .pool("source", 0, 0, p -> p.peak(4, 0, 4).created(2_000).connectMs(3))
                .pool("target", 0, 0, p -> p.peak(4, 0, 4).created(2_000).connectMs(3));

        Advisor.Advice shared = Advisor.forRun(perWorker.detail(), perWorker.samples, Advisor.Fleet.SINGLE);
        Advisor.Advice pooled = Advisor.forRun(unpooled.detail(), unpooled.samples, Advisor.Fleet.SINGLE);

        assertThat(shared.poolMode()).isEqualTo("shared");
        assertThat(shared.pools().get("source").maximumPoolSize()).isEqualTo(4);
        assertThat(shared.reasonsFor("poolMode").get(0).because()).startsWith("shared: per-worker pools multiply the "
                + "connections by the workers (4 pools × 4 per side); the run opened up to 32 and used at most 8");
        assertThat(pooled.poolMode()).isEqualTo("shared");
        assertThat(pooled.pools().get("target").maximumPoolSize()).isEqualTo(4);
        // 4,000 connects × 3 ms = 12 s of the 4 workers' 40 s.
        assertThat(pooled.reasonsFor("poolMode").get(0).because()).isEqualTo("shared: unpooled, every borrow opened "
                + "a new connection (4,000 connects, 3 ms each: 12.00 s, 30% of the workers' time); a pool opens "
                + "each once");
    }

    @Test
    void aFleetOverTheServersLimitIsFlaggedWithItsSum() {
        Fixture run = new Fixture("shared", 8, 10).pool("target", 8, 8, p -> p.peak(8, 0, 8))
                .server("target", 100, 7);

        Advisor.Advice one = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);
        Advisor.Advice twelve = Advisor.forRun(run.detail(), run.samples, new Advisor.Fleet(12, 3, 1));

        assertThat(one.warnings()).isEmpty();
        assertThat(reason(one, "fleetBudget", "target").because()).isEqualTo("fits: 1 instance × 8 = 8 connections "
                + "against max_connections 100 − 3 reserved − 7 other sessions = 90");
        assertThat(twelve.warnings()).singleElement().asString().startsWith("target server over budget: 12 instances "
                + "× 8 = 96 connections against max_connections 100 − 3 reserved − 7 other sessions = 90");
        assertThat(reason(twelve, "fleetBudget", "target").numbers()).containsEntry("violation", true);
    }

    @Test
    void rulesOfThumbAreShownBesideAndLabelled() {
        Fixture run = new Fixture("shared", 4, 10).server("target", 100, 1);

        Advisor.Advice advice = Advisor.forRun(run.detail(), run.samples, Advisor.Fleet.SINGLE);

        assertThat(advice.rulesOfThumb()).extracting(Advisor.Reason::because).containsExactly(
                "rule of thumb: cores × 2 + spindles = 8 × 2 + 1 = 17 (PoolLab's host cores; the server's are not "
                        + "visible over JDBC)",
                "rule of thumb: workers × connections per worker + overhead = 4 × 1 + 1 = 5",
                "rule of thumb: min = max / 4 = 4 / 4 = 1");
    }

    @Test
    void aSweepsKneeSetsWorkersAndSizeAndEverySettingHasAReasonThatValidates() {
        Knee.Cell knee = new Knee.Cell(2, 2, 4, List.of(151_000.0));
        Knee.Cell best = new Knee.Cell(4, 8, 16, List.of(155_000.0));
        Knee.Result result = Knee.of(List.of(knee, best), 0.05).orElseThrow();
        Fixture run = new Fixture("shared", 2, 10);

        Advisor.Advice advice = Advisor.forSweep(new Advisor.SweepKnee(3, result), run.detail(), run.samples,
                Advisor.Fleet.SINGLE);

        assertThat(advice.sweepId()).isEqualTo(3);
        assertThat(advice.workers()).isEqualTo(2);
        assertThat(advice.maximumPoolSize()).isEqualTo(2);
        assertThat(advice.connections()).isEqualTo(4);
        assertThat(advice.reasonsFor("workers").get(0).because()).isEqualTo("the sweep's knee: 151k rows/s with 4 "
                + "connections, within 5% of the best cell's 155k rows/s with 16 (4 workers × pool 8)");
        for (String setting : List.of("workers", "poolMode", "maximumPoolSize", "minimumIdle", "connectionTimeout",
                "idleTimeout", "maxLifetime", "keepaliveTime")) {
            assertThat(advice.reasonsFor(setting)).as(setting).isNotEmpty()
                    .allSatisfy(r -> assertThat(r.because()).isNotBlank());
        }
        advice.pools().forEach((side, pool) -> assertThat(RunSpecValidator.validatePool(Side.valueOf(
                side.toUpperCase()), pool)).as(side).isEmpty());
    }

    @Test
    void aKneeWhoseRunNeverUsedItsWholePoolSaysSoInAWarning() {
        // 1 worker × pool 4 was the fastest cell, but one worker holds one connection per side at a time.
        Knee.Cell knee = new Knee.Cell(1, 4, 8, List.of(165_000.0));
        Knee.Cell small = new Knee.Cell(1, 1, 2, List.of(150_000.0));
        Knee.Result result = Knee.of(List.of(knee, small), 0.05).orElseThrow();
        Fixture run = new Fixture("shared", 1, 2).pool("source", 4, 4, p -> p.peak(1, 0, 4))
                .pool("target", 4, 4, p -> p.peak(1, 0, 4));

        Advisor.Advice advice = Advisor.forSweep(new Advisor.SweepKnee(5, result), run.detail(), run.samples,
                Advisor.Fleet.SINGLE);

        assertThat(advice.maximumPoolSize()).isEqualTo(4);
        assertThat(advice.warnings()).containsExactly(
                "source: the knee's run never asked for more than 1 of its 4 connections at once (peak active + "
                        + "waiting in its samples), so the rest made no difference to it; the knee's size comes from "
                        + "rates that may differ only by noise (see the caveats), and a pool of 1 would have served "
                        + "the same work",
                "target: the knee's run never asked for more than 1 of its 4 connections at once (peak active + "
                        + "waiting in its samples), so the rest made no difference to it; the knee's size comes from "
                        + "rates that may differ only by noise (see the caveats), and a pool of 1 would have served "
                        + "the same work");
    }

    @Test
    void roundsUpToFiguresADbaWouldType() {
        assertThat(TimingRules.roundUp(1_800)).isEqualTo(2_000);
        assertThat(TimingRules.roundUp(2_001)).isEqualTo(5_000);
        assertThat(TimingRules.roundUp(10)).isEqualTo(10);
        assertThat(TimingRules.roundUp(1_800_001)).isEqualTo(2_000_000);
    }

    private static Advisor.Reason reason(Advisor.Advice advice, String setting, String side) {
        return advice.reasons().stream().filter(r -> r.setting().equals(setting) && side.equals(r.side()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + side + " " + setting + " reason"));
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }

    /** A stored run built by hand: both pools default to a calm, fully used pool of {@code workers}. */
    private static final class Fixture {
        private final String mode;
        private final int workers;
        private final double seconds;
        private final Map<String, PoolFixture> pools = new LinkedHashMap<>();
        private final Map<String, RunDetail.Environment> environment = new LinkedHashMap<>();
        final List<RunSample> samples = new ArrayList<>();

        Fixture(String mode, int workers, double seconds) {
            this.mode = mode;
            this.workers = workers;
            this.seconds = seconds;
            for (String side : List.of("source", "target")) {
                PoolFixture pool = new PoolFixture(workers, workers);
                pool.peak(workers, 0, workers).holds(LongStream.of(100)).waits(LongStream.of(1));
                pools.put(side, pool);
            }
        }

        Fixture pool(String side, int max, int minimumIdle, java.util.function.Consumer<PoolFixture> shape) {
            PoolFixture pool = new PoolFixture(max, minimumIdle);
            pool.peak(Math.min(max, workers), 0, max).holds(LongStream.of(100)).waits(LongStream.of(1));
            shape.accept(pool);
            pools.put(side, pool);
            return this;
        }

        Fixture server(String side, int maxConnections, int sessions) {
            environment.put(side, new RunDetail.Environment("PostgreSQL", "16.4", maxConnections, sessions, 8,
                    "Linux", "17"));
            return this;
        }

        /** {@code count} samples 100 ms apart, after those already there, with this side's gauges. */
        Fixture samples(int count, String side, int active, int idle, int pending, int max) {
            for (int i = 0; i < count; i++) {
                long elapsed = (samples.size() + 1) * 100L;
                SideSample shaped = new SideSample(active, idle, pending, active + idle, max, 0, 0, 0, 0, 0, 0, 0, -1);
                SideSample busy = new SideSample(workers, 0, 0, workers, workers, 0, 0, 0, 0, 0, 0, 0, -1);
                samples.add(new RunSample(elapsed, 0, 0, 0, workers, side.equals("source") ? shaped : busy,
                        side.equals("target") ? shaped : busy));
            }
            return this;
        }

        RunDetail detail() {
            RunSummary summary = new RunSummary(41, Instant.EPOCH, null, "succeeded", "public.posts", 1_000_000L,
                    seconds, workers, mode, pools.get("source").max, pools.get("target").max, 1.0, "healthy", null,
                    null, null, null);
            Map<String, RunDetail.Pool> stored = new LinkedHashMap<>();
            pools.forEach((side, p) -> stored.put(side, p.stored()));
            return new RunDetail(summary, Instant.EPOCH, "host", 1, "0.1.0", "", "jdbc:postgresql://db/src",
                    "jdbc:postgresql://db/dst", "perPartition", 10_000, "checksum", 100, 0L, 0.0, Map.of(), "", null,
                    stored, List.of(), List.of(), environment);
        }
    }

    /** One pool's settings and figures; percentiles come from histograms of the recorded values (in ms). */
    private static final class PoolFixture {
        final int max;
        final int minimumIdle;
        long connectionTimeout = 30_000;
        long maxLifetime = 1_800_000;
        long keepalive = 120_000;
        int peakActive;
        int peakPending;
        int peakTotal;
        Double utilization;
        Long created;
        long timeouts;
        Double connectMs;
        Histogram holds = new Histogram(3);
        Histogram waits = new Histogram(3);

        PoolFixture(int max, int minimumIdle) {
            this.max = max;
            this.minimumIdle = minimumIdle;
        }

        PoolFixture peak(int active, int pending, int total) {
            peakActive = active;
            peakPending = pending;
            peakTotal = total;
            return this;
        }

        PoolFixture holds(LongStream millis) {
            holds = new Histogram(3);
            millis.forEach(holds::recordValue);
            return this;
        }

        PoolFixture waits(LongStream millis) {
            waits = new Histogram(3);
            millis.forEach(waits::recordValue);
            return this;
        }

        PoolFixture timeouts(long n) {
            timeouts = n;
            return this;
        }

        PoolFixture created(long n) {
            created = n;
            return this;
        }

        PoolFixture connectMs(double ms) {
            connectMs = ms;
            return this;
        }

        PoolFixture utilization(double u) {
            utilization = u;
            return this;
        }

        PoolFixture connectionTimeout(long ms) {
            connectionTimeout = ms;
            return this;
        }

        PoolFixture maxLifetime(long ms) {
            maxLifetime = ms;
            return this;
        }

        PoolFixture keepalive(long ms) {
            keepalive = ms;
            return this;
        }

        RunDetail.Pool stored() {
            double peakUtilization = utilization != null ? utilization : max == 0 ? 0 : (double) peakActive / max;
            return new RunDetail.Pool(max, minimumIdle, connectionTimeout, 600_000, maxLifetime, keepalive, 5_000, 0,
                    peakActive, peakPending, peakTotal, peakUtilization, created != null ? created : peakTotal,
                    holds.getTotalCount(), timeouts, timeouts, (double) waits.getValueAtPercentile(50),
                    (double) waits.getValueAtPercentile(95), (double) waits.getValueAtPercentile(99),
                    (double) waits.getMaxValue(), waits.getMean(), (double) holds.getValueAtPercentile(50),
                    (double) holds.getValueAtPercentile(95), holds.getMean(), null, connectMs, connectMs);
        }
    }
}
