package io.poollab.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The hand-built CSV numbers read exactly as String.format's, which they replace for speed. */
class SamplesCsvFormatTest {

    @Test
    void fixedDecimalsMatchStringFormatForAnyValue() {
        Random random = new Random(42);
        double[] edges = {0, -0.0, 0.00005, 0.00015, 1.23455, -1.23455, 2.5, 0.049999, 999_999.99995, 1e15, -7e-9,
                Double.NaN, 0.1 + 0.2};
        for (double v : edges) {
            assertSame(v);
        }
        for (int i = 0; i < 100_000; i++) {
            double v = switch (i % 3) {
                case 0 -> random.nextDouble() * 10;
                case 1 -> random.nextGaussian() * 500_000;
                default -> Math.round(random.nextDouble() * 1e6) / 1e5 + 0.00005;
            };
            assertSame(v);
        }
    }

    private static void assertSame(double v) {
        for (int decimals : new int[] {1, 4}) {
            assertThat(SamplesCsv.fixed(new StringBuilder(), v, decimals).toString()).as("%s to %d", v, decimals)
                    .isEqualTo(String.format(Locale.ROOT, "%." + decimals + "f", v));
        }
    }
}
