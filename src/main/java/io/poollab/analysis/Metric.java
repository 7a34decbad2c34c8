package io.poollab.analysis;

import io.poollab.history.RunDetail;
import io.poollab.text.Units;
import java.util.List;
import java.util.function.Function;

/**
 * A measured figure of a run, how to show it and which way is better: the rows of a comparison's results table.
 * Every value comes from the history; a value the run did not measure is null, never 0.
 */
public enum Metric {
    ROWS_PER_SECOND("rows/s", Direction.HIGHER, d -> d.summary().rowsPerSecond(), Units::rate),
    SECONDS("copy time", Direction.LOWER, d -> d.summary().seconds(),
            s -> String.format(java.util.Locale.ROOT, "%.2f s", s)),
    SOURCE_P50("source acquire p50", Direction.LOWER, d -> pool(d, "source", RunDetail.Pool::acquireP50Ms), Units::latency),
    SOURCE_P95("source acquire p95", Direction.LOWER, d -> pool(d, "source", RunDetail.Pool::acquireP95Ms), Units::latency),
    SOURCE_P99("source acquire p99", Direction.LOWER, d -> pool(d, "source", RunDetail.Pool::acquireP99Ms), Units::latency),
    SOURCE_MAX("source acquire max", Direction.LOWER, d -> pool(d, "source", RunDetail.Pool::acquireMaxMs), Units::latency),
    TARGET_P50("target acquire p50", Direction.LOWER, d -> pool(d, "target", RunDetail.Pool::acquireP50Ms), Units::latency),
    TARGET_P95("target acquire p95", Direction.LOWER, d -> pool(d, "target", RunDetail.Pool::acquireP95Ms), Units::latency),
    TARGET_P99("target acquire p99", Direction.LOWER, d -> pool(d, "target", RunDetail.Pool::acquireP99Ms), Units::latency),
    TARGET_MAX("target acquire max", Direction.LOWER, d -> pool(d, "target", RunDetail.Pool::acquireMaxMs), Units::latency),
    PEAK_ACTIVE("peak active (both pools)", Direction.NEUTRAL, d -> sum(d, RunDetail.Pool::peakActive), Metric::count),
    PEAK_OPEN("peak connections open", Direction.LOWER, d -> sum(d, RunDetail.Pool::peakTotal), Metric::count),
    PEAK_PENDING("peak waiting (both pools)", Direction.LOWER, d -> sum(d, RunDetail.Pool::peakPending), Metric::count),
    TIMEOUTS("connection timeouts", Direction.LOWER, d -> sumLong(d, RunDetail.Pool::timeouts), Metric::count),
    ERRORS("connection errors", Direction.LOWER, d -> sumLong(d, RunDetail.Pool::errors), Metric::count),
    TIME_READ("worker time reading", Direction.LOWER, d -> time(d, "read"), Units::latency),
    TIME_ACQUIRE("worker time acquiring", Direction.LOWER, d -> time(d, "acquire"), Units::latency),
    TIME_QUEUE_WAIT("worker time in queue waits", Direction.LOWER, d -> time(d, "queueWait"), Units::latency),
    TIME_WRITE("worker time writing", Direction.LOWER, d -> time(d, "write"), Units::latency),
    TIME_COMMIT("worker time committing", Direction.LOWER, d -> time(d, "commit"), Units::latency),
    HEALTH("health", Direction.LOWER, Metric::health, Metric::healthName);

    /** The health states in order, worst last: the {@link #HEALTH} metric's value is the index. */
    private static final List<String> HEALTH_STATES = List.of("healthy", "degraded", "unhealthy");

    /** Which change is an improvement. */
    public enum Direction { HIGHER, LOWER, NEUTRAL }

    private final String label;
    private final Direction better;
    private final Function<RunDetail, Double> value;
    private final Function<Double, String> format;

    Metric(String label, Direction better, Function<RunDetail, Double> value, Function<Double, String> format) {
        this.label = label;
        this.better = better;
        this.value = value;
        this.format = format;
    }

    public String label() {
        return label;
    }

    /** A state, not a quantity: its changes have no percent. */
    public boolean categorical() {
        return this == HEALTH;
    }

    public Direction better() {
        return better;
    }

    /** The run's value, or null when it was not measured (a failed run, an unpooled side's percentiles). */
    public Double of(RunDetail run) {
        return value.apply(run);
    }

    public String format(Double v) {
        return v == null ? "–" : format.apply(v);
    }

    private static String count(double v) {
        return Units.count(Math.round(v));
    }

    /** Summed over all workers, so it can exceed the wall time: the share of where the workers' time went. */
    private static Double time(RunDetail d, String part) {
        Long ms = d.timeBreakdownMs() == null ? null : d.timeBreakdownMs().get(part);
        return ms == null ? null : ms.doubleValue();
    }

    private static Double health(RunDetail d) {
        int index = HEALTH_STATES.indexOf(d.summary().health());
        return index < 0 ? null : (double) index;
    }

    private static String healthName(double index) {
        return HEALTH_STATES.get((int) index);
    }

    private static Double pool(RunDetail d, String side, Function<RunDetail.Pool, Double> f) {
        RunDetail.Pool pool = d.pools().get(side);
        return pool == null ? null : f.apply(pool);
    }

    private static Double sum(RunDetail d, Function<RunDetail.Pool, Integer> f) {
        List<Integer> values = d.pools().values().stream().map(f).toList();
        return values.isEmpty() || values.contains(null) ? null
                : (double) values.stream().mapToInt(Integer::intValue).sum();
    }

    private static Double sumLong(RunDetail d, Function<RunDetail.Pool, Long> f) {
        List<Long> values = d.pools().values().stream().map(f).toList();
        return values.isEmpty() || values.contains(null) ? null
                : (double) values.stream().mapToLong(Long::longValue).sum();
    }
}
