package io.poollab.ui.sweep;

import io.poollab.analysis.Advisor;
import io.poollab.analysis.Knee;
import io.poollab.analysis.SweepAnalysis;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.LongConsumer;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The advisor's card: the knee in one sentence, each recommended value with its reasoning in numbers, the warnings,
 * and the rules of thumb beside, labelled as such. The same content as {@code poollab sweep} and the report.
 */
final class AdviceCard {

    private final VBox box;
    private LongConsumer openRun = id -> { };
    private BiConsumer<Long, Long> compare = (baseline, other) -> { };

    AdviceCard(VBox box) {
        this.box = box;
        show(null, false);
    }

    void onOpenRun(LongConsumer action) {
        this.openRun = action;
    }

    /** Opens two runs in Compare: the knee's as the baseline, then the best cell's. */
    void onCompare(BiConsumer<Long, Long> action) {
        this.compare = action;
    }

    void show(SweepAnalysis sweep, boolean running) {
        box.getChildren().clear();
        if (sweep == null) {
            box.getChildren().add(muted("The recommendation appears here once a cell has succeeded: the knee's "
                    + "settings, each with the numbers behind it."));
            return;
        }
        Label title = new Label("Recommendation" + (running ? " so far" : "") + " · sweep " + sweep.sweep().id());
        title.getStyleClass().add("section-title");
        box.getChildren().add(title);
        if (sweep.knee().isEmpty()) {
            box.getChildren().add(muted(running ? "No cell has succeeded yet." : "No cell succeeded: there is "
                    + "nothing measured to recommend from."));
            return;
        }
        Knee.Result knee = sweep.knee().get();
        box.getChildren().add(wrapped(knee.describe(), "knee-sentence"));
        for (String caveat : sweep.caveats()) {
            box.getChildren().add(wrapped("Caveat: " + caveat, "warning-text"));
        }
        sweep.advice().ifPresent(advice -> advice(advice, knee, sweep));
    }

    private void advice(Advisor.Advice advice, Knee.Result knee, SweepAnalysis sweep) {
        Hyperlink open = new Hyperlink("open run " + advice.basedOnRun() + " in History");
        open.setTooltip(new Tooltip("The knee's run, whose pools the recommendation is measured from"));
        open.setOnAction(e -> openRun.accept(advice.basedOnRun()));
        box.getChildren().add(muted("From the measurements of the knee's run " + advice.basedOnRun() + ":"));
        FlowPane links = new FlowPane(12, 2, open);
        sweep.position(knee.best()).filter(best -> knee.knee() != knee.best()).flatMap(best -> best.runs().stream()
                .filter(r -> r.status().equals("succeeded")).findFirst()).ifPresent(bestRun -> {
                    Hyperlink both = new Hyperlink("compare with the best cell's run " + bestRun.id());
                    both.setTooltip(new Tooltip("Open the knee's run and the best cell's run side by side in "
                            + "Compare (and export a report from there)"));
                    both.setOnAction(e -> compare.accept(advice.basedOnRun(), bestRun.id()));
                    links.getChildren().add(both);
                });
        box.getChildren().add(links);

        GridPane table = new GridPane();
        table.getStyleClass().add("advice-table");
        table.setHgap(12);
        table.setVgap(4);
        ColumnConstraints because = new ColumnConstraints();
        because.setHgrow(Priority.ALWAYS);
        because.setMinWidth(160);
        ColumnConstraints settingColumn = new ColumnConstraints();
        settingColumn.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints valueColumn = new ColumnConstraints();
        valueColumn.setMinWidth(Region.USE_PREF_SIZE);
        table.getColumnConstraints().addAll(settingColumn, valueColumn, because);
        table.addRow(0, header("setting"), header("value"), header("because"));
        int row = 1;
        for (Advisor.Reason r : advice.reasons()) {
            Label value = new Label(advice.valueOf(r.setting(), r.side()));
            value.getStyleClass().addAll("numeric", "advice-value");
            table.addRow(row++, new Label((r.side() == null ? "" : r.side() + " ") + r.setting()), value,
                    wrapped(r.because(), null));
        }
        box.getChildren().add(table);
        for (String warning : advice.warnings()) {
            box.getChildren().add(wrapped("⚠ " + warning, "warning-text"));
        }
        box.getChildren().add(muted("Rules of thumb, for comparison only (not measured):"));
        List<Advisor.Reason> rules = advice.rulesOfThumb();
        for (Advisor.Reason rule : rules) {
            box.getChildren().add(wrapped("• " + rule.because().replaceFirst("^rule of thumb: ", ""), "muted"));
        }
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("advice-header");
        return label;
    }

    private static Label muted(String text) {
        return wrapped(text, "muted");
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }
}
