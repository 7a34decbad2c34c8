package io.poollab.chart;

import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which run events become chart markers, and their short labels ("source max 4 → 8", "workers 2 → 4"). */
public final class Markers {

    private static final Set<String> MARKED = Set.of("resize", "workers", "retry", "error");
    private static final Pattern RESIZE = Pattern.compile("^(\\w+) pool resized: maximumPoolSize (\\d+) → (\\d+)");

    private Markers() {
    }

    /** @param type a {@code RunEvent.Type} id, as live events and stored events both carry */
    public static Optional<RunSeries.Marker> of(long elapsedMs, String type, String message) {
        if (!MARKED.contains(type)) {
            return Optional.empty();
        }
        return Optional.of(new RunSeries.Marker(elapsedMs / 1000.0, type, label(type, message)));
    }

    static String label(String type, String message) {
        Matcher resize = RESIZE.matcher(message);
        if (type.equals("resize") && resize.find()) {
            return resize.group(1) + " max " + resize.group(2) + " → " + resize.group(3);
        }
        if (type.equals("workers")) {
            return message;
        }
        return type;
    }
}
