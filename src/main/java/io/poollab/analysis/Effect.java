package io.poollab.analysis;

import io.poollab.text.Units;
import java.util.List;

/**
 * A change of one variant's mean rows/s against another's, with the noise it must exceed to count: the wider of the
 * two variants' spreads between repeats, and never less than {@link #MIN_EFFECT}. The demo's conclusions and the
 * diagnosis's verdict both decide "an effect or no measurable difference" here.
 *
 * @param change the relative change, other / base − 1
 * @param noise  the wider relative spread of the two variants' repeats; NaN when either ran once
 */
public record Effect(double change, double noise) {

    /** Below this, a difference is never called an effect, whatever two lucky repeats suggest. */
    public static final double MIN_EFFECT = 0.02;
    /**
     * With one run per variant the noise is unknown; repeats on a shared 2-core machine spread 20% and more, so
     * below this a difference is not called an effect either.
     */
    public static final double UNMEASURED_NOISE_FLOOR = 0.10;

    /** @param baseSpread, otherSpread each variant's {@link #spread} (NaN when it ran once) */
    public static Effect between(double baseMean, double baseSpread, double otherMean, double otherSpread) {
        double change = otherMean / baseMean - 1;
        return new Effect(change, Double.isNaN(baseSpread) || Double.isNaN(otherSpread) ? Double.NaN
                : Math.max(baseSpread, otherSpread));
    }

    /** How far repeats spread: (largest − smallest) / mean; NaN with fewer than two values. */
    public static double spread(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double mean = values.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return mean <= 0 ? Double.NaN : (max - min) / mean;
    }

    public boolean noiseMeasured() {
        return !Double.isNaN(noise);
    }

    /** The bar the change must pass. */
    public double threshold() {
        return noiseMeasured() ? Math.max(MIN_EFFECT, noise) : UNMEASURED_NOISE_FLOOR;
    }

    public boolean beyondNoise() {
        return Math.abs(change) > threshold();
    }

    /** {@code −17%, beyond the 4.2% spread of the repeats}: the change and the bar it had to pass. */
    public String describe() {
        String sign = Compare.signedPercent(change);
        if (!noiseMeasured()) {
            return sign + "; one run each, so the noise is unmeasured and only a difference over "
                    + Units.percent(UNMEASURED_NOISE_FLOOR) + " counts";
        }
        String bar = noise >= MIN_EFFECT ? Units.percent(noise) + " spread of the repeats"
                : Units.percent(MIN_EFFECT) + " floor (the repeats spread " + Units.percent(noise) + ")";
        return sign + (beyondNoise() ? ", beyond the " : ", within the ") + bar;
    }
}
