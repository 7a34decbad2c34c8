package io.poollab.chart;

import io.poollab.db.ServerWaits;
import io.poollab.db.WaitBucket;

import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The charted numbers of one run in a fixed number of points however long the run lasts: when the buffer fills,
 * neighbouring points merge pairwise and later samples are averaged in twice as many at a time. A one-hour run at
 * 4 samples a second thus keeps its whole shape in at most {@link #capacity()} points.
 *
 * <p>Merging never hides what a DBA looks for: gauges and rates are averaged (the true mean over the merged span),
 * wait percentiles and session counts keep their maximum, so a spike stays visible.
 *
 * <p>Not thread-safe: the GUI fills it on the FX thread (from its coalescing queue), reports on their own thread.
 */
public final class RunSeries {

    /** How merged points combine. */
    enum Merge { MEAN, MAX, LAST }

    public enum Column {
        SOURCE_ACTIVE(Merge.MEAN), SOURCE_IDLE(Merge.MEAN), SOURCE_PENDING(Merge.MEAN), SOURCE_MAX(Merge.LAST),
        SOURCE_SESSIONS(Merge.MAX), SOURCE_P50(Merge.MAX), SOURCE_P95(Merge.MAX), SOURCE_P99(Merge.MAX),
        TARGET_ACTIVE(Merge.MEAN), TARGET_IDLE(Merge.MEAN), TARGET_PENDING(Merge.MEAN), TARGET_MAX(Merge.LAST),
        TARGET_SESSIONS(Merge.MAX), TARGET_P50(Merge.MAX), TARGET_P95(Merge.MAX), TARGET_P99(Merge.MAX),
        ROWS_PER_SECOND(Merge.MEAN),
        // Server sessions per WaitBucket, in its order: the source's, then the target's.
        SOURCE_CPU(Merge.MEAN), SOURCE_IO(Merge.MEAN), SOURCE_LOCK(Merge.MEAN), SOURCE_LWLOCK(Merge.MEAN),
        SOURCE_CLIENT(Merge.MEAN), SOURCE_IPC(Merge.MEAN), SOURCE_IDLE_IN_TRANSACTION(Merge.MEAN),
        SOURCE_SERVER_IDLE(Merge.MEAN), SOURCE_OTHER(Merge.MEAN),
        TARGET_CPU(Merge.MEAN), TARGET_IO(Merge.MEAN), TARGET_LOCK(Merge.MEAN), TARGET_LWLOCK(Merge.MEAN),
        TARGET_CLIENT(Merge.MEAN), TARGET_IPC(Merge.MEAN), TARGET_IDLE_IN_TRANSACTION(Merge.MEAN),
        TARGET_SERVER_IDLE(Merge.MEAN), TARGET_OTHER(Merge.MEAN);

        /** The server-state columns of one side, in {@link WaitBucket} order. */
        public static List<Column> serverStates(boolean source) {
            int from = (source ? SOURCE_CPU : TARGET_CPU).ordinal();
            return List.of(values()).subList(from, from + WaitBucket.values().length);
        }

        final Merge merge;

        Column(Merge merge) {
            this.merge = merge;
        }
    }

    /** A vertical marker on every chart: a resize, a worker change, a retry or an error. */
    public record Marker(double elapsedSeconds, String type, String label) {
    }

    /**
     * About one point per three pixels of a full-width chart: finer would hardly show, and each point costs redraw time
     * (bench/ui-replay.sh).
     */
    public static final int DEFAULT_CAPACITY = 400;
    static final int MAX_MARKERS = 500;
    private static final int COLUMNS = Column.values().length;

    private final int capacity;
    private final double[] x;
    private final double[][] y;
    private int size;
    private int stride = 1;
    // The bucket being filled when stride > 1: sums and counts per column for MEAN, running values for MAX/LAST.
    private final double[] bucket = new double[COLUMNS];
    private final int[] bucketCounts = new int[COLUMNS];
    private int bucketSamples;
    private double bucketX;
    private final List<Marker> markers = new ArrayList<>();
    private int droppedMarkers;
    private long samplesSeen;

    public RunSeries() {
        this(DEFAULT_CAPACITY);
    }

    public RunSeries(int capacity) {
        if (capacity < 4 || capacity % 2 != 0) {
            throw new IllegalArgumentException("capacity must be even and at least 4, was " + capacity);
        }
        this.capacity = capacity;
        this.x = new double[capacity];
        this.y = new double[COLUMNS][capacity];
        resetBucket();
    }

    public void add(RunSample sample) {
        double[] values = new double[COLUMNS];
        side(values, 0, sample.source());
        side(values, 8, sample.target());
        values[Column.ROWS_PER_SECOND.ordinal()] = sample.rowsPerSecond();
        waits(values, Column.SOURCE_CPU.ordinal(), sample.source().waits());
        waits(values, Column.TARGET_CPU.ordinal(), sample.target().waits());
        add(sample.elapsedMs() / 1000.0, values);
    }

    private static void side(double[] values, int offset, SideSample s) {
        boolean pooled = s.max() > 0;
        values[offset] = s.active();
        values[offset + 1] = pooled ? s.idle() : Double.NaN;
        values[offset + 2] = pooled ? s.pending() : Double.NaN;
        values[offset + 3] = pooled ? s.max() : Double.NaN;
        values[offset + 4] = s.dbSessions() < 0 ? Double.NaN : s.dbSessions();
        // No borrow in the interval means no wait was measured: a gap, not a zero.
        boolean measured = s.borrows() > 0;
        values[offset + 5] = measured ? s.acquireP50Ms() : Double.NaN;
        values[offset + 6] = measured ? s.acquireP95Ms() : Double.NaN;
        values[offset + 7] = measured ? s.acquireP99Ms() : Double.NaN;
    }

    private static void waits(double[] values, int offset, ServerWaits w) {
        for (WaitBucket b : WaitBucket.values()) {
            values[offset + b.ordinal()] = w.sampled() ? w.count(b) : Double.NaN;
        }
    }

    void add(double seconds, double[] values) {
        samplesSeen++;
        for (Column c : Column.values()) {
            int i = c.ordinal();
            double v = values[i];
            if (Double.isNaN(v)) {
                continue;
            }
            switch (c.merge) {
                case MEAN -> bucket[i] = bucketCounts[i] == 0 ? v : bucket[i] + v;
                case MAX -> bucket[i] = bucketCounts[i] == 0 ? v : Math.max(bucket[i], v);
                case LAST -> bucket[i] = v;
            }
            bucketCounts[i]++;
        }
        bucketX = seconds;
        if (++bucketSamples < stride) {
            return;
        }
        if (size == capacity) {
            halve();
        }
        x[size] = bucketX;
        for (Column c : Column.values()) {
            int i = c.ordinal();
            y[i][size] = bucketCounts[i] == 0 ? Double.NaN
                    : c.merge == Merge.MEAN ? bucket[i] / bucketCounts[i] : bucket[i];
        }
        size++;
        resetBucket();
    }

    private void halve() {
        for (int k = 0; k < size / 2; k++) {
            int a = 2 * k;
            int b = a + 1;
            x[k] = x[b];
            for (Column c : Column.values()) {
                double[] col = y[c.ordinal()];
                col[k] = merge(c.merge, col[a], col[b]);
            }
        }
        size /= 2;
        stride *= 2;
    }

    private static double merge(Merge how, double a, double b) {
        if (Double.isNaN(a)) {
            return b;
        }
        if (Double.isNaN(b)) {
            return a;
        }
        return switch (how) {
            case MEAN -> (a + b) / 2;
            case MAX -> Math.max(a, b);
            case LAST -> b;
        };
    }

    private void resetBucket() {
        Arrays.fill(bucket, Double.NaN);
        Arrays.fill(bucketCounts, 0);
        bucketSamples = 0;
    }

    public void addMarker(Marker marker) {
        if (markers.size() < MAX_MARKERS) {
            markers.add(marker);
        } else {
            droppedMarkers++;
        }
    }

    public List<Marker> markers() {
        return Collections.unmodifiableList(markers);
    }

    /** Markers beyond {@value #MAX_MARKERS}, not drawn (a run with that many events has a legend problem). */
    public int droppedMarkers() {
        return droppedMarkers;
    }

    public void clear() {
        size = 0;
        stride = 1;
        samplesSeen = 0;
        markers.clear();
        droppedMarkers = 0;
        resetBucket();
    }

    public int size() {
        return size;
    }

    public int capacity() {
        return capacity;
    }

    /** Samples merged into each point now: 1 until the buffer first fills. */
    public int stride() {
        return stride;
    }

    public long samplesSeen() {
        return samplesSeen;
    }

    public double x(int item) {
        return x[item];
    }

    public double y(Column column, int item) {
        return y[column.ordinal()][item];
    }

    /** The last point's value, or NaN before the first. */
    public double last(Column column) {
        return size == 0 ? Double.NaN : y[column.ordinal()][size - 1];
    }

    /** Elapsed seconds of the last point, or 0. */
    public double lastSeconds() {
        return size == 0 ? 0 : x[size - 1];
    }
}
