package io.poollab.pool;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;

/**
 * The measurements of one side's pools (one pool, or every worker's pool in per-worker mode). HikariCP reports
 * into it through {@link MetricsTrackerFactory}; the unpooled source times its physical connects the same way.
 * Recording is wait-free (HdrHistogram recorders, striped by thread); the sampler drains one interval at a time.
 * Other HikariCP trackers (a live metrics endpoint's) can hear the same calls: each pool's tracker then tees to them.
 */
public final class PoolMetrics implements MetricsTrackerFactory {

    private static final int SIGNIFICANT_DIGITS = 3;

    private final StripedRecorder acquireNanos = new StripedRecorder(SIGNIFICANT_DIGITS);
    private final StripedRecorder usageMicros = new StripedRecorder(SIGNIFICANT_DIGITS);
    private final StripedRecorder creationMicros = new StripedRecorder(SIGNIFICANT_DIGITS);
    private final LongAdder timeouts = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder created = new LongAdder();
    private final LongAdder borrows = new LongAdder();
    private final Histogram acquireTotal = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram usageTotal = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram creationTotal = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram acquireInterval = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram usageInterval = new Histogram(SIGNIFICANT_DIGITS);
    private final Histogram creationInterval = new Histogram(SIGNIFICANT_DIGITS);
    private final List<MetricsTrackerFactory> also;

    public PoolMetrics() {
        this(List.of());
    }

    /** @param also trackers that hear every pool of this side too, each call after PoolLab's own recording */
    public PoolMetrics(List<MetricsTrackerFactory> also) {
        this.also = List.copyOf(also);
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        IMetricsTracker others = also(poolName, poolStats);
        return new IMetricsTracker() {
            // Connection creation is timed by TimedDataSource, which also sees the pool's first connection.

            @Override
            public void recordConnectionCreatedMillis(long millis) {
                others.recordConnectionCreatedMillis(millis);
            }

            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                recordAcquire(nanos);
                others.recordConnectionAcquiredNanos(nanos);
            }

            @Override
            public void recordConnectionUsageMillis(long millis) {
                recordUsage(TimeUnit.MILLISECONDS.toMicros(millis));
                others.recordConnectionUsageMillis(millis);
            }

            @Override
            public void recordConnectionTimeout() {
                timeouts.increment();
                others.recordConnectionTimeout();
            }

            @Override
            public void close() {
                others.close();
            }
        };
    }

    /**
     * The other trackers of one pool, as one; a no-op when there are none, picked once so that the borrow path
     * never checks. The unpooled source reports its connects to it directly.
     */
    IMetricsTracker also(String poolName, PoolStats poolStats) {
        if (also.isEmpty()) {
            return NO_TRACKER;
        }
        List<IMetricsTracker> trackers = also.stream().map(f -> f.create(poolName, poolStats)).toList();
        return trackers.size() == 1 ? trackers.get(0) : new Tee(trackers);
    }

    private static final IMetricsTracker NO_TRACKER = new IMetricsTracker() {
    };

    /** Several trackers heard as one. */
    private record Tee(List<IMetricsTracker> trackers) implements IMetricsTracker {
        @Override
        public void recordConnectionCreatedMillis(long millis) {
            trackers.forEach(t -> t.recordConnectionCreatedMillis(millis));
        }

        @Override
        public void recordConnectionAcquiredNanos(long nanos) {
            trackers.forEach(t -> t.recordConnectionAcquiredNanos(nanos));
        }

        @Override
        public void recordConnectionUsageMillis(long millis) {
            trackers.forEach(t -> t.recordConnectionUsageMillis(millis));
        }

        @Override
        public void recordConnectionTimeout() {
            trackers.forEach(IMetricsTracker::recordConnectionTimeout);
        }

        @Override
        public void close() {
            trackers.forEach(IMetricsTracker::close);
        }
    }

    void recordAcquire(long nanos) {
        borrows.increment();
        acquireNanos.record(Math.max(0, nanos));
    }

    void recordUsage(long micros) {
        usageMicros.record(Math.max(0, micros));
    }

    void recordCreated(long micros) {
        created.increment();
        creationMicros.record(Math.max(0, micros));
    }

    void recordError() {
        errors.increment();
    }

    /** Acquire and usage statistics since the previous call; also folds them into the run's totals. */
    public synchronized IntervalStats drainInterval() {
        acquireNanos.drainInto(acquireInterval);
        usageMicros.drainInto(usageInterval);
        creationMicros.drainInto(creationInterval);
        acquireTotal.add(acquireInterval);
        usageTotal.add(usageInterval);
        creationTotal.add(creationInterval);
        return new IntervalStats(LatencyStats.ofNanos(acquireInterval), LatencyStats.ofMicros(usageInterval));
    }

    /** Totals over the whole run so far; call after a final {@link #drainInterval()}. */
    public synchronized Totals totals() {
        return new Totals(LatencyStats.ofNanos(acquireTotal), LatencyStats.ofMicros(usageTotal),
                LatencyStats.ofMicros(creationTotal), borrows.sum(), created.sum(), timeouts.sum(), errors.sum());
    }

    public long timeouts() {
        return timeouts.sum();
    }

    public long errors() {
        return errors.sum();
    }

    public long created() {
        return created.sum();
    }

    public long borrows() {
        return borrows.sum();
    }

    /** One interval's acquire wait and connection usage (borrowed time). */
    public record IntervalStats(LatencyStats acquire, LatencyStats usage) {
    }

    /**
     * @param borrows  successful borrows (and, unpooled, physical connects)
     * @param errors   failed borrows of any cause, timeouts included
     */
    public record Totals(LatencyStats acquire, LatencyStats usage, LatencyStats creation, long borrows, long created,
                         long timeouts, long errors) {
    }
}
