package io.poollab.db;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Server sessions counted per {@link WaitBucket}: at one sampling instant ({@code samples} = 1), or summed over a
 * run's samples, when each count is session-samples (a session seen in IO in 40 samples counts 40). The named wait
 * events ({@code IO:DataFileWrite}) are kept the same way, for saying which waits a bucket was made of.
 *
 * @param counts  one per bucket, in {@link WaitBucket} order
 * @param events  session-samples per {@code bucketId:event}
 * @param samples how many sampling instants this covers; 0 for {@link #NONE}, not sampled
 */
public record ServerWaits(long[] counts, Map<String, Long> events, long samples) {

    /** Not sampled: the server cannot tell (H2), or nobody asked. */
    public static final ServerWaits NONE = new ServerWaits(new long[WaitBucket.values().length], Map.of(), 0);

    public ServerWaits {
        if (counts.length != WaitBucket.values().length) {
            throw new IllegalArgumentException("one count per wait bucket, got " + counts.length);
        }
        counts = counts.clone();
        events = Collections.unmodifiableMap(new TreeMap<>(events));
    }

    /** One instant's counts. */
    public static ServerWaits sampled(long[] counts, Map<String, Long> events) {
        return new ServerWaits(counts, events, 1);
    }

    public boolean sampled() {
        return samples > 0;
    }

    public long count(WaitBucket bucket) {
        return counts[bucket.ordinal()];
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /** Session-samples over every bucket. */
    public long total() {
        return Arrays.stream(counts).sum();
    }

    /** Session-samples outside the two idle buckets. */
    public long busy() {
        return total() - count(WaitBucket.IDLE) - count(WaitBucket.IDLE_IN_TRANSACTION);
    }

    /** The bucket's share of all session-samples; NaN when nothing was seen. */
    public double share(WaitBucket bucket) {
        long total = total();
        return total == 0 ? Double.NaN : (double) count(bucket) / total;
    }

    /** The counts alone: what a sample carries and the history stores per sample (events are kept per run). */
    public ServerWaits withoutEvents() {
        return events.isEmpty() ? this : new ServerWaits(counts, Map.of(), samples);
    }

    /** This and {@code other} together (their samples added). */
    public ServerWaits plus(ServerWaits other) {
        long[] sum = counts.clone();
        for (int i = 0; i < sum.length; i++) {
            sum[i] += other.counts[i];
        }
        Map<String, Long> merged = new TreeMap<>(events);
        other.events.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return new ServerWaits(sum, merged, samples + other.samples);
    }

    /** The bucket's named events, most seen first, at most {@code limit}. */
    public List<String> topEvents(WaitBucket bucket, int limit) {
        String prefix = bucket.id() + ":";
        return events.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit).map(e -> e.getKey().substring(prefix.length())).collect(Collectors.toList());
    }

    /** Counts by bucket id, in bucket order, for JSON. */
    public Map<String, Long> byBucket() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (WaitBucket bucket : WaitBucket.values()) {
            out.put(bucket.id(), count(bucket));
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServerWaits w && Arrays.equals(counts, w.counts) && events.equals(w.events)
                && samples == w.samples;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(counts) + events.hashCode() + Long.hashCode(samples);
    }

    @Override
    public String toString() {
        return "ServerWaits" + byBucket() + " over " + samples + " samples";
    }
}
