package io.poollab.analysis;

import io.poollab.text.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The diagnosis's answer, computed only from its experiments' measurements: whether pooling helps or hurts outside
 * the noise ({@link Effect}), whether workers interfere, where the bottleneck is ({@link WaitSummary}), and what
 * to try next. Each finding carries the numbers its sentence is made of.
 */
public final class DiagnoseVerdict {

    /** A worker doing less than this share of a lone worker's rows/s is held back by the others. */
    static final double INTERFERENCE = 0.75;

    /** One sentence with its numbers; {@code outcome} is a short key ({@code helps}, {@code hurts}, {@code none}…). */
    public record Finding(String topic, String outcome, String sentence, Map<String, Object> numbers) {
    }

    private DiagnoseVerdict() {
    }

    public static List<Finding> of(List<Experiment> experiments) {
        Map<String, Experiment> byId = new LinkedHashMap<>();
        experiments.forEach(e -> byId.put(e.id(), e));
        Experiment given = byId.get("given");
        List<Finding> findings = new ArrayList<>();
        if (given == null || !given.measured()) {
            findings.add(new Finding("incomplete", "incomplete", "No verdict: the configuration as given has no "
                    + "successful run" + (given == null || given.failures().isEmpty() ? "" : " ("
                    + given.failures().get(0) + ")") + ".", Map.of()));
            return findings;
        }
        pooling(given, byId).ifPresent(findings::add);
        workers(given, byId.get("single-worker")).ifPresent(findings::add);
        findings.add(bottleneck(given));
        findings.add(next(given, experiments, findings));
        return findings;
    }

    private static Optional<Finding> pooling(Experiment given, Map<String, Experiment> byId) {
        Experiment unpooled = byId.get("unpooled");
        Experiment pooled = given.poolMode().equals("unpooled") ? byId.get("shared-sized") : given;
        if (unpooled == null || pooled == null || !unpooled.measured() || !pooled.measured()) {
            return Optional.empty();
        }
        Effect e = unpooled.effectOf(pooled);
        String outcome = !e.beyondNoise() ? "none" : e.change() > 0 ? "helps" : "hurts";
        String numbers = pooled.setup() + " copied at " + Units.rate(pooled.meanRowsPerSecond()) + " against "
                + Units.rate(unpooled.meanRowsPerSecond()) + " unpooled (" + e.describe() + ")";
        String sentence = switch (outcome) {
            case "helps" -> "Pooling helps by " + Units.percent(e.change()) + ": " + numbers + ".";
            case "hurts" -> "Pooling hurts by " + Units.percent(-e.change()) + ": " + numbers + ".";
            default -> "Pooling makes no measurable difference: " + numbers + ".";
        };
        return Optional.of(new Finding("pooling", outcome, sentence, numbers(e, Map.of(
                "pooledRowsPerSecond", pooled.meanRowsPerSecond(),
                "unpooledRowsPerSecond", unpooled.meanRowsPerSecond()))));
    }

    private static Optional<Finding> workers(Experiment given, Experiment single) {
        if (single == null || !single.measured() || given.workers() <= 1) {
            return Optional.empty();
        }
        Effect e = single.effectOf(given);
        double perWorker = given.rowsPerSecondPerWorker() / single.meanRowsPerSecond();
        boolean interfere = perWorker < INTERFERENCE;
        String outcome = interfere ? "interfere" : "scale";
        String sentence = given.workers() + " workers copied at " + Units.rate(given.meanRowsPerSecond()) + " ("
                + Units.rate(given.rowsPerSecondPerWorker()) + " per worker) against "
                + Units.rate(single.meanRowsPerSecond()) + " for one worker (" + e.describe() + "): each worker did "
                + Units.percent(perWorker) + " of a lone worker's rate, so the workers "
                + (interfere ? "interfere (below " + Units.percent(INTERFERENCE) + ")" : "do not hold each other back")
                + (!e.beyondNoise() ? "; the extra workers add no measurable throughput." : ".");
        return Optional.of(new Finding("workers", outcome, sentence, numbers(e, Map.of(
                "workers", given.workers(),
                "rowsPerSecond", given.meanRowsPerSecond(),
                "rowsPerSecondPerWorker", given.rowsPerSecondPerWorker(),
                "singleWorkerRowsPerSecond", single.meanRowsPerSecond(),
                "perWorkerShareOfSingle", perWorker))));
    }

    private static Finding bottleneck(Experiment given) {
        WaitSummary w = given.waits();
        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("acquireShare", nullable(w.acquireShare()));
        numbers.put("clientCpuShare", nullable(w.waits().client().cpuShare()));
        for (io.poollab.config.Side side : io.poollab.config.Side.values()) {
            numbers.put(side.id() + "ServerShare", nullable(WaitSummary.serverShare(w.waits().side(side))));
            numbers.put(side.id() + "ClientWaitShare", nullable(WaitSummary.clientWaitShare(w.waits().side(side))));
        }
        String where = switch (w.constraint()) {
            case POOL -> "The bottleneck is the pool";
            case CLIENT -> "The bottleneck is the client (PoolLab)";
            case SERVER -> "The bottleneck is the " + w.constrainedSide() + " server";
            case NONE -> "No single bottleneck dominates";
            case UNKNOWN -> "The bottleneck is unknown";
        };
        return new Finding("bottleneck", w.constraint().id(), where + ", in the configuration as given: "
                + w.sentence(), numbers);
    }

    /** The fastest experiment that beat the given one outside the noise, or the constraint's own advice. */
    private static Finding next(Experiment given, List<Experiment> experiments, List<Finding> findings) {
        Experiment best = null;
        Effect bestEffect = null;
        for (Experiment e : experiments) {
            if (e == given || !e.measured()) {
                continue;
            }
            Effect effect = given.effectOf(e);
            boolean faster = effect.beyondNoise() && effect.change() > 0;
            if (faster && (bestEffect == null || effect.change() > bestEffect.change())) {
                best = e;
                bestEffect = effect;
            }
        }
        String constraint = findings.stream().filter(f -> f.topic().equals("bottleneck")).findFirst()
                .map(Finding::outcome).orElse("unknown");
        String advice = switch (constraint) {
            case "pool" -> "raise maximumPoolSize to at least the worker count, or run fewer workers";
            case "client" -> "give PoolLab more CPU, or fewer workers and the binary copy format";
            case "server" -> "look at the server named above (its storage, WAL, locks held by other sessions): "
                    + "more connections will not help";
            default -> "repeat with more rows, so that the differences rise above the noise";
        };
        if (best != null) {
            return new Finding("next", best.id(), "Try next: " + best.setup() + ", the fastest here at "
                    + Units.rate(best.meanRowsPerSecond()) + " (" + bestEffect.describe() + " against the "
                    + "configuration as given); then " + advice + ".", numbers(bestEffect, Map.of(
                    "experiment", best.id(), "rowsPerSecond", best.meanRowsPerSecond())));
        }
        return new Finding("next", "given", "Try next: none of the variants was measurably faster than the "
                + "configuration as given (" + Units.rate(given.meanRowsPerSecond()) + "); " + advice + ".",
                Map.of("rowsPerSecond", given.meanRowsPerSecond()));
    }

    private static Map<String, Object> numbers(Effect e, Map<String, Object> more) {
        Map<String, Object> numbers = new LinkedHashMap<>(more);
        numbers.put("change", e.change());
        numbers.put("noise", nullable(e.noise()));
        numbers.put("threshold", e.threshold());
        numbers.put("beyondNoise", e.beyondNoise());
        return numbers;
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
