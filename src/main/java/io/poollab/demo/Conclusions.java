package io.poollab.demo;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Compare;
import io.poollab.analysis.Effect;
import io.poollab.analysis.Knee;
import io.poollab.demo.Conclusion.Finding;
import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The conclusions in words, computed only from the measurements: nothing here is written before the runs. An effect
 * counts when the two variants' mean rows/s differ by more than the noise, the widest spread between repeats of
 * either variant (and never less than {@link #MIN_EFFECT}); otherwise the sentence says there is no measurable
 * difference on this machine. When the difference goes the other way than the scenario expects, it says so.
 */
public final class Conclusions {

    /** Below this, a difference is never called an effect ({@link Effect#MIN_EFFECT}). */
    static final double MIN_EFFECT = Effect.MIN_EFFECT;

    private Conclusions() {
    }

    /** The conclusion of one of the run-by-run scenarios, from its variants in the order they ran. */
    public static Conclusion of(Scenario scenario, List<VariantStats> variants) {
        List<String> details = variants.stream().map(Conclusions::detail).collect(Collectors.toList());
        Optional<VariantStats> missing = variants.stream().filter(v -> !v.measured()).findFirst();
        if (missing.isPresent()) {
            String why = missing.get().firstError();
            return new Conclusion(Finding.INCOMPLETE, "No conclusion: " + missing.get().variant() + " has no "
                    + "successful run" + (why == null ? "" : " (" + why + ")") + ".", details);
        }
        return switch (scenario) {
            case MORE_READERS -> moreReaders(variants, details);
            case PER_WORKER_VS_SHARED -> perWorkerVsShared(variants, details);
            case WARM_VS_COLD -> warmVsCold(variants, details);
            case RIGHT_SIZE -> throw new IllegalArgumentException("right-size concludes from its sweep: use rightSize");
        };
    }

    /** 1, 2, 3 readers: does the rate fall with more readers? */
    static Conclusion moreReaders(List<VariantStats> v, List<String> details) {
        VariantStats one = v.get(0);
        VariantStats many = v.get(v.size() - 1);
        Effect e = effect(one, many);
        String numbers = many.variant() + " copied at " + rate(many) + " against " + rate(one) + " for "
                + one.variant() + " (" + e.describe() + ")";
        String more = "; " + many.variant() + " opened " + opened(many) + " connections against " + opened(one)
                + ", with a p95 wait of " + Units.latency(many.meanP95WaitMs()) + " against "
                + Units.latency(one.meanP95WaitMs()) + ", and took " + Units.length(many.meanWallSeconds())
                + " from start to verified end against " + Units.length(one.meanWallSeconds()) + ".";
        if (!e.beyondNoise()) {
            return new Conclusion(Finding.NO_DIFFERENCE, "No measurable difference on this machine: " + numbers + more,
                    details);
        }
        return e.change() < 0
                ? new Conclusion(Finding.SHOWN, "More readers were slower here: " + numbers + more, details)
                : new Conclusion(Finding.NOT_SHOWN, "More readers were not slower here: " + numbers + more, details);
    }

    /** per-worker, shared, unpooled: per-worker pools against one shared pool, and the cost of no pool. */
    static Conclusion perWorkerVsShared(List<VariantStats> v, List<String> details) {
        VariantStats perWorker = v.get(0);
        VariantStats shared = v.get(1);
        VariantStats unpooled = v.get(2);
        Effect e = effect(shared, perWorker);
        String numbers = "4 workers with pools of their own copied at " + rate(perWorker) + " against "
                + rate(shared) + " with one shared pool (" + e.describe() + "), opening " + opened(perWorker)
                + " connections against " + opened(shared);
        String first;
        Finding finding;
        if (!e.beyondNoise()) {
            finding = Finding.NO_DIFFERENCE;
            first = "No measurable difference on this machine between per-worker and shared pools: " + numbers + ".";
        } else if (e.change() < 0) {
            finding = Finding.SHOWN;
            first = "Per-worker pools were slower here: " + numbers + ".";
        } else {
            finding = Finding.NOT_SHOWN;
            first = "Per-worker pools were not slower here: " + numbers + ".";
        }
        Effect u = effect(shared, unpooled);
        String pace = !u.beyondNoise() ? "no measurably different pace" : u.change() < 0 ? "a slower copy"
                : "a faster copy";
        String second = " Without a pool it was " + pace + ", " + rate(unpooled) + " (" + u.describe() + "), with "
                + opened(unpooled) + " connections opened, one per borrow, "
                + "and " + Units.percent(unpooled.acquireShare()) + " of the workers' time spent acquiring them "
                + "against " + Units.percent(shared.acquireShare()) + " with the shared pool.";
        return new Conclusion(finding, first + second, details);
    }

    /** warm, cold: is the warm pool faster, and by the 10–15% often quoted? */
    static Conclusion warmVsCold(List<VariantStats> v, List<String> details) {
        VariantStats warm = v.get(0);
        VariantStats cold = v.get(1);
        Effect e = effect(cold, warm);
        String numbers = "the warm pool copied at " + rate(warm) + " against " + rate(cold) + " for the cold pool ("
                + e.describe() + ")";
        String more = "; the cold pool opened its connections during the copy (p95 wait "
                + Units.latency(cold.meanP95WaitMs()) + " against " + Units.latency(warm.meanP95WaitMs())
                + "), the warm one before its clock started, and from start to verified end the runs took "
                + Units.length(warm.meanWallSeconds()) + " warm against " + Units.length(cold.meanWallSeconds())
                + " cold.";
        if (!e.beyondNoise()) {
            return new Conclusion(Finding.NO_DIFFERENCE, "No measurable difference on this machine: " + numbers + more,
                    details);
        }
        if (e.change() < 0) {
            return new Conclusion(Finding.NOT_SHOWN, "The warm pool was not faster here: " + numbers + more, details);
        }
        String quoted = e.change() < 0.10 ? "less than" : e.change() <= 0.15 ? "within" : "more than";
        return new Conclusion(Finding.SHOWN, "The warm pool was " + Units.percent(e.change()) + " faster here, "
                + quoted + " the 10–15% often quoted: " + numbers + more, details);
    }

    /**
     * The sweep's answer: the knee against the best cell, and the advisor's settings.
     *
     * @param mostConnections the largest connection count of the grid, to tell "more kept paying" from a knee
     * @param advice          null when the advisor had no run to read
     */
    public static Conclusion rightSize(Optional<Knee.Result> found, int mostConnections, Advisor.Advice advice,
                                       List<String> details) {
        if (found.isEmpty()) {
            return new Conclusion(Finding.INCOMPLETE, "No conclusion: no cell of the sweep succeeded.", details);
        }
        Knee.Result knee = found.get();
        String advised = advice == null ? "" : " The advisor recommends " + advice.workers() + " worker"
                + (advice.workers() == 1 ? "" : "s") + ", maximumPoolSize " + advice.maximumPoolSize()
                + " and minimumIdle " + advice.minimumIdle() + " (run " + advice.basedOnRun() + "'s measurements).";
        Knee.Cell best = knee.best();
        if (knee.knee().equals(best) && best.connections() >= mostConnections) {
            return new Conclusion(Finding.NOT_SHOWN, "More connections kept paying here up to the largest cell "
                    + "tried: " + best.describe() + " was the fastest at " + Units.rate(best.mean())
                    + ", so the right size lies beyond this grid." + advised, details);
        }
        if (knee.knee().equals(best)) {
            return new Conclusion(Finding.SHOWN, "The right size here is " + best.describe() + ": "
                    + Units.rate(best.mean()) + ", the fastest cell; no cell with more connections was faster."
                    + advised, details);
        }
        Knee.Cell k = knee.knee();
        int extra = best.connections() - k.connections();
        return new Conclusion(Finding.SHOWN, "The right size here is " + k.describe() + ": " + Units.rate(k.mean())
                + ", within " + Units.percent(knee.tolerance()) + " of the fastest cell, " + best.describe() + " at "
                + Units.rate(best.mean()) + ", whose " + extra + " more connection" + (extra == 1 ? "" : "s")
                + " bought only " + Compare.signedPercent(best.mean() / k.mean() - 1) + "." + advised, details);
    }

    /** One variant in a line: its rate, runs, wall time, wait, connections and where the workers' time went. */
    static String detail(VariantStats v) {
        if (!v.measured()) {
            return v.variant() + ": no successful run" + (v.firstError() == null ? "" : " (" + v.firstError() + ")");
        }
        List<MeasuredStep> ok = v.succeeded();
        long read = 0;
        long acquire = 0;
        long queue = 0;
        long write = 0;
        long commit = 0;
        for (MeasuredStep s : ok) {
            read += s.time().readMs();
            acquire += s.time().acquireMs();
            queue += s.time().queueWaitMs();
            write += s.time().writeMs();
            commit += s.time().commitMs();
        }
        double total = Math.max(1, read + acquire + queue + write + commit);
        return v.variant() + ": " + rate(v) + " (run" + (ok.size() == 1 ? " " : "s ")
                + ok.stream().map(s -> Long.toString(s.runId())).collect(Collectors.joining(", ")) + "), "
                + Units.length(v.meanWallSeconds()) + " start to end, p95 wait " + Units.latency(v.meanP95WaitMs())
                + ", " + Units.count(Math.round(v.meanConnectionsOpened())) + " connections opened, " + v.peakOpen()
                + " open at most; worker time: read " + Units.percent(read / total) + ", acquire "
                + Units.percent(acquire / total) + ", queue wait " + Units.percent(queue / total) + ", write "
                + Units.percent(write / total) + ", commit " + Units.percent(commit / total);
    }

    /** Connections opened per run (the mean of the repeats), counted by the pools: exact, unlike a sampled peak. */
    private static String opened(VariantStats v) {
        return Units.count(Math.round(v.meanConnectionsOpened()));
    }

    private static String rate(VariantStats v) {
        return Units.rate(v.meanRowsPerSecond());
    }

    /** The change of {@code other}'s mean rows/s against {@code base}'s, with the noise it must exceed. */
    static Effect effect(VariantStats base, VariantStats other) {
        return Effect.between(base.meanRowsPerSecond(), base.rateSpread(), other.meanRowsPerSecond(),
                other.rateSpread());
    }
}
