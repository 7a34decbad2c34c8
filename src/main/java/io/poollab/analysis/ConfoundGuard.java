package io.poollab.analysis;

import io.poollab.analysis.Comparison.SettingRow;
import io.poollab.history.RunDetail;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Warns when a comparison cannot attribute its difference to one cause: the runs differ in more than one setting,
 * or in a setting and in their data (row counts more than {@link Verdict#SAME_DATA} apart, other tables, another
 * source). One cause at a time is what makes a difference an effect of that cause.
 */
public final class ConfoundGuard {

    /** Settings that say which data was moved, not how: counted as a difference in data. */
    private static final Set<String> DATA = Set.of("tables", "source");

    private ConfoundGuard() {
    }

    public static Optional<String> warning(List<RunDetail> runs, List<SettingRow> settings) {
        List<String> differing = settings.stream().filter(SettingRow::differs).map(SettingRow::name)
                .filter(name -> !DATA.contains(name)).toList();
        boolean dataDiffers = settings.stream().anyMatch(s -> s.differs() && DATA.contains(s.name()))
                || rowsDiffer(runs);
        int causes = differing.size() + (dataDiffers ? 1 : 0);
        if (causes < 2) {
            return Optional.empty();
        }
        String what = differing.isEmpty() ? "data size"
                : differing.size() + (differing.size() == 1 ? " setting" : " settings") + " ("
                + String.join(", ", differing) + ")" + (dataDiffers ? " and in data size" : "");
        return Optional.of("These runs differ in " + what + "; the difference cannot be attributed to any one of "
                + "them. Change one setting at a time on the same data (poollab diagnose does).");
    }

    static boolean rowsDiffer(List<RunDetail> runs) {
        Long base = runs.get(0).summary().rows();
        if (base == null || base == 0) {
            return false;
        }
        return runs.stream().map(r -> r.summary().rows())
                .anyMatch(rows -> rows != null && Math.abs(rows - base) > Verdict.SAME_DATA * base);
    }
}
