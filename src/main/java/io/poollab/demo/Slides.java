package io.poollab.demo;

import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * The presentation's result slides, one chart each, every sentence computed from the variants as measured: which
 * variant was best and worst on the slide's metric, by how much, and whether the repeats' spread allows the claim.
 * Nothing here knows what a scenario is expected to show; {@link Conclusions} says that, on the last slide.
 */
public final class Slides {

    private Slides() {
    }

    /** What a result slide charts: one number per variant, the mean of its successful repeats. */
    public enum Metric {
        ROWS_PER_SECOND("Throughput", "rows/s written", true),
        P95_WAIT("Acquire wait", "p95 acquire wait, worse pool", false),
        CONNECTIONS("Connections opened", "connections opened per run, both sides", false),
        ACQUIRE_SHARE("Where the workers' time went", "share of the workers' time spent acquiring", false);

        private final String title;
        private final String axis;
        private final boolean higherIsBetter;

        Metric(String title, String axis, boolean higherIsBetter) {
            this.title = title;
            this.axis = axis;
            this.higherIsBetter = higherIsBetter;
        }

        public String title() {
            return title;
        }

        public String axis() {
            return axis;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }

        /** The variant's value; NaN when it has no successful run. */
        public double of(VariantStats v) {
            return switch (this) {
                case ROWS_PER_SECOND -> v.meanRowsPerSecond();
                case P95_WAIT -> v.meanP95WaitMs();
                case CONNECTIONS -> v.meanConnectionsOpened();
                case ACQUIRE_SHARE -> v.acquireShare();
            };
        }

        /** The value in its unit: "41.2k rows/s", "0.31 ms", "32", "4.5%". */
        public String format(double value) {
            return switch (this) {
                case ROWS_PER_SECOND -> Units.rate(value);
                case P95_WAIT -> Units.latency(value);
                case CONNECTIONS -> Units.count(Math.round(value));
                case ACQUIRE_SHARE -> Units.percent(value);
            };
        }
    }

    /** One result slide: its chart's metric and the sentence under it. */
    public record Slide(Metric metric, String title, String sentence) {
    }

    /** The result slides for a finished scenario, in presentation order; empty when no variant was measured. */
    public static List<Slide> of(DemoResult result) {
        List<VariantStats> measured = result.variants().stream().filter(VariantStats::measured).toList();
        if (measured.isEmpty()) {
            return List.of();
        }
        List<Slide> slides = new ArrayList<>();
        for (Metric m : Metric.values()) {
            slides.add(new Slide(m, m.title(), sentence(m, measured)));
        }
        return slides;
    }

    /** "shared was fastest, 41.2k rows/s; unpooled slowest, 12.3k rows/s (−70%)", with the noise it must pass. */
    static String sentence(Metric metric, List<VariantStats> variants) {
        if (variants.size() == 1) {
            VariantStats only = variants.get(0);
            return only.variant() + ": " + metric.format(metric.of(only)) + ".";
        }
        ToDoubleFunction<VariantStats> value = metric::of;
        Comparator<VariantStats> order = Comparator.comparingDouble(value);
        VariantStats low = variants.stream().min(order).orElseThrow();
        VariantStats high = variants.stream().max(order).orElseThrow();
        VariantStats best = metric.higherIsBetter() ? high : low;
        VariantStats worst = metric.higherIsBetter() ? low : high;
        if (metric == Metric.CONNECTIONS) {
            return String.join(", ", variants.stream().map(v -> v.variant() + " opened " + metric.format(metric.of(v)))
                    .toList()) + " connections per run, counted by the pools.";
        }
        double b = metric.of(best);
        double w = metric.of(worst);
        boolean rate = metric == Metric.ROWS_PER_SECOND;
        String words = rate ? "fastest" : "lowest";
        String against = rate ? "slowest" : "highest";
        if (b == w) {
            return "Every variant measured " + metric.format(b) + ".";
        }
        double ratio = w / b;
        // Past double, a factor reads better than a percent: "278×", not "+27,678%".
        String change = b == 0 ? "" : ratio >= 2 ? " (" + Units.count(Math.round(ratio)) + "×)"
                : " (" + io.poollab.analysis.Compare.signedPercent(ratio - 1) + ")";
        String noise = rate ? noise(best, worst) : "";
        return best.variant() + " was " + words + " at " + metric.format(b) + "; " + worst.variant() + " "
                + against + " at " + metric.format(w) + change + noise + ".";
    }

    /** Whether the repeats let the rows/s difference stand, with the same rule as the conclusion. */
    private static String noise(VariantStats best, VariantStats worst) {
        io.poollab.analysis.Effect e = Conclusions.effect(best, worst);
        return e.beyondNoise() ? ", beyond the noise" : ", within the noise: no measurable difference";
    }
}
