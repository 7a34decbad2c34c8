package io.poollab.ui.demo;

import io.poollab.demo.DemoResult;
import io.poollab.demo.Slides;
import io.poollab.demo.VariantStats;
import io.poollab.text.Units;
import javafx.geometry.HPos;
import javafx.scene.control.Label;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The slide a decision maker keeps: the question, what was found, and for each variant the three numbers, large;
 * the full sentence with its numbers under them. Everything on it comes from the scenario's measured result.
 */
final class ConclusionSlide {

    private ConclusionSlide() {
    }

    static VBox of(DemoResult result) {
        Label question = new Label(result.scenario().title());
        question.getStyleClass().add("slide-question");
        Label finding = new Label(DemoView.findingText(result.conclusion().finding()));
        finding.getStyleClass().addAll("conclusion-finding",
                "finding-" + result.conclusion().finding().name().toLowerCase(java.util.Locale.ROOT));
        Label headline = new Label(result.conclusion().headline());
        headline.getStyleClass().add("slide-headline");
        headline.setWrapText(true);

        GridPane table = new GridPane();
        table.getStyleClass().add("slide-table");
        table.setHgap(48);
        table.setVgap(6);
        String[] heads = {"", Slides.Metric.ROWS_PER_SECOND.axis(), Slides.Metric.P95_WAIT.axis(),
            Slides.Metric.CONNECTIONS.axis()};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add("present-caption");
            table.add(h, c, 0);
        }
        int row = 1;
        for (VariantStats v : result.variants()) {
            Label name = new Label(v.variant());
            name.getStyleClass().add("slide-variant");
            table.add(name, 0, row);
            if (v.measured()) {
                table.add(value(Units.rate(v.meanRowsPerSecond())), 1, row);
                table.add(value(Units.latency(v.meanP95WaitMs())), 2, row);
                table.add(value(Units.count(Math.round(v.meanConnectionsOpened()))), 3, row);
            } else {
                Label none = new Label("no successful run");
                none.getStyleClass().add("present-caption");
                table.add(none, 1, row, 3, 1);
            }
            row++;
        }
        for (int c = 0; c < heads.length; c++) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setHalignment(c == 0 ? HPos.LEFT : HPos.RIGHT);
            table.getColumnConstraints().add(cc);
        }
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        Label sentence = new Label(result.conclusion().sentence());
        sentence.setWrapText(true);
        sentence.getStyleClass().add("slide-sentence");
        long runs = result.steps().size();
        Label footer = new Label("Measured by PoolLab on this machine: " + runs + " run" + (runs == 1 ? "" : "s")
                + " of " + Units.count(result.options().rows()) + " rows each, target " + result.options().latencyMs()
                + " ms away (RTT +" + 2 * result.options().latencyMs() + " ms), every run in the history; the mean "
                + "of each variant's repeats.");
        footer.setWrapText(true);
        footer.getStyleClass().add("present-caption");
        VBox slide = new VBox(18, question, finding, headline, table, gap, sentence, footer);
        slide.getStyleClass().add("slide");
        return slide;
    }

    private static Label value(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("present-value");
        return l;
    }
}
