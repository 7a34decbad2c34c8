package io.poollab.cli;

import io.poollab.analysis.Comparison;
import java.io.PrintStream;
import java.util.List;

/** The comparison as text: the settings (differing ones starred), the results with deltas, the verdict. */
final class CompareText {

    private static final int NAME = 30;
    private static final int CELL = 22;

    private CompareText() {
    }

    static void print(Comparison c, PrintStream out) {
        List<String> ids = c.runs().stream().map(r -> "run " + r.summary().id()).toList();
        out.println("baseline: run " + c.baseline().summary().id());
        out.println();
        header(out, "settings", ids);
        for (Comparison.SettingRow row : c.settings()) {
            out.print(pad((row.differs() ? "* " : "  ") + row.name(), NAME));
            row.values().forEach(v -> out.print(pad(v, CELL)));
            out.println();
        }
        out.println();
        header(out, "results", ids);
        for (Comparison.ResultRow row : c.results()) {
            out.print(pad("  " + row.metric().label(), NAME));
            for (int i = 0; i < row.values().size(); i++) {
                String value = row.metric().format(row.values().get(i));
                Comparison.Delta delta = row.deltas().get(i);
                out.print(pad(value + (delta == null ? "" : " " + mark(delta)), CELL));
            }
            out.println();
            for (int i = 1; i < row.deltas().size(); i++) {
                Comparison.Delta delta = row.deltas().get(i);
                if (delta != null && delta.outcome() != Comparison.Outcome.SAME) {
                    out.println(pad("", NAME) + "  " + ids.get(i) + ": " + delta.text() + ", "
                            + delta.outcome().name().toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        out.println();
        out.println("verdict:");
        c.verdict().forEach(line -> out.println("  " + line));
    }

    private static String mark(Comparison.Delta delta) {
        return switch (delta.outcome()) {
            case BETTER -> "▲";
            case WORSE -> "▼";
            case SAME -> "=";
            case NEUTRAL -> "·";
        };
    }

    private static void header(PrintStream out, String title, List<String> ids) {
        out.print(pad(title, NAME));
        ids.forEach(id -> out.print(pad(id, CELL)));
        out.println();
    }

    /** A column of {@code width}: the text clipped one short of it, so columns never touch. */
    private static String pad(String text, int width) {
        return String.format("%-" + width + "s", HistoryText.clip(text == null ? "–" : text, width - 1));
    }
}
