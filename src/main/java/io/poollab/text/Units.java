package io.poollab.text;

import java.util.Locale;

/**
 * Numbers the way PoolLab shows them everywhere (CLI, GUI, reports): rows/s with k/M and three significant digits,
 * durations as h:mm:ss, latencies with two or three significant digits and their unit (µs below a millisecond).
 */
public final class Units {

    private Units() {
    }

    /** {@code 412k rows/s}, {@code 1.23M rows/s}, {@code 950 rows/s}. */
    public static String rate(double rowsPerSecond) {
        return compact(rowsPerSecond) + " rows/s";
    }

    /** {@code 950}, {@code 41.2k}, {@code 1.23M}: three significant digits. */
    public static String compact(double value) {
        double abs = Math.abs(value);
        if (abs < 1_000) {
            return String.format(Locale.ROOT, "%.0f", value);
        }
        if (abs < 1_000_000) {
            return significant(value / 1_000) + "k";
        }
        if (abs < 1_000_000_000) {
            return significant(value / 1_000_000) + "M";
        }
        return significant(value / 1_000_000_000) + "G";
    }

    /** {@code 1,000,000}. */
    public static String count(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }

    /** {@code 0:42}, {@code 12:05}, {@code 1:02:03}. */
    public static String duration(double seconds) {
        long total = Math.round(Math.max(0, seconds));
        long h = total / 3600;
        long m = (total % 3600) / 60;
        long s = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s) : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /**
     * A length of time said in a sentence: {@code 1.4 s} and {@code 42 s} under a minute, where {@code 0:01} would
     * hide the figure, then {@link #duration} ({@code 2:05}).
     */
    public static String length(double seconds) {
        if (seconds < 10) {
            return significant(Math.max(0, seconds)) + " s";
        }
        return seconds < 60 ? Math.round(seconds) + " s" : duration(seconds);
    }

    /** {@code 12 µs}, {@code 0.31 ms}, {@code 41 ms}, {@code 1.2 s}. */
    public static String latency(double ms) {
        if (ms <= 0) {
            return "0 ms";
        }
        if (ms < 0.1) {
            return significant(ms * 1000) + " µs";
        }
        if (ms < 1000) {
            return significant(ms) + " ms";
        }
        return significant(ms / 1000) + " s";
    }

    /** {@code 81%}, {@code 5%}; one decimal under 10% when it is not whole: {@code 2.5%}, {@code 0.4%}. */
    public static String percent(double fraction) {
        if (Double.isNaN(fraction)) {
            return "n/a";
        }
        double tenths = Math.round(fraction * 1000) / 10.0;
        if (Math.abs(tenths) < 10 && tenths != Math.rint(tenths)) {
            return String.format(Locale.ROOT, "%.1f%%", tenths);
        }
        return Math.round(fraction * 100) + "%";
    }

    /** {@code 2.4 MB}. */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return significant(bytes / 1024.0) + " KiB";
        }
        if (bytes < 1024L * 1024 * 1024) {
            return significant(bytes / (1024.0 * 1024)) + " MiB";
        }
        return significant(bytes / (1024.0 * 1024 * 1024)) + " GiB";
    }

    private static String significant(double value) {
        double abs = Math.abs(value);
        String pattern = abs >= 100 ? "%.0f" : abs >= 10 ? "%.1f" : "%.2f";
        String text = String.format(Locale.ROOT, pattern, value);
        return text.contains(".") ? text.replaceAll("0+$", "").replaceAll("\\.$", "") : text;
    }
}
