package io.poollab.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the valid name closest to a misspelt one, by edit distance ignoring case. */
public final class Suggest {

    private Suggest() {
    }

    public static Optional<String> nearest(String wrong, Collection<String> valid) {
        String lower = wrong.toLowerCase(Locale.ROOT);
        return valid.stream()
                .min(Comparator.comparingInt(v -> distance(lower, v.toLowerCase(Locale.ROOT))))
                .filter(best -> {
                    String candidate = best.toLowerCase(Locale.ROOT);
                    // Close enough to be a typo (maxPoolSize → maximumPoolSize is 4 edits in 15 letters).
                    return distance(lower, candidate) <= Math.max(2, candidate.length() / 3)
                            || candidate.contains(lower) || lower.contains(candidate);
                });
    }

    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
