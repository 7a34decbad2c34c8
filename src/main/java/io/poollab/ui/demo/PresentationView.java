package io.poollab.ui.demo;

import io.poollab.chart.ChartTheme;
import io.poollab.chart.RunCharts;
import io.poollab.chart.VariantCharts;
import io.poollab.demo.DemoResult;
import io.poollab.demo.Slides;
import io.poollab.ui.Theme;
import io.poollab.ui.run.RunMonitor;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.fx.ChartViewer;

/**
 * Presentation mode: the demo full screen on the dark theme, one chart per slide, ← and → (or Page Up/Down, space)
 * between slides, Esc to leave. While the demo runs, the slides are the running run's throughput, target pool,
 * acquire wait and the target server's session states, with the three numbers large; when it ends, one slide per result (each with its sentence, computed
 * from the measurements) and last the conclusion slide, which is shown at once.
 */
public final class PresentationView {

    private static final float FONT_SCALE = 2.2f;

    private final DemoViewModel model;
    private final Stage stage = new Stage();
    private final StackPane content = new StackPane();
    private final Label counter = new Label();
    private final BigNumbers numbers = new BigNumbers("present-value");
    private final List<Slide> slides = new ArrayList<>();
    private final List<RunCharts> liveCharts = new ArrayList<>();
    private int index;

    /** A slide: its title, its one chart (or the conclusion), and its sentence. */
    private record Slide(String title, Node body, String sentence, boolean live) {
    }

    PresentationView(DemoViewModel model, Window owner) {
        this.model = model;
        counter.getStyleClass().add("present-caption");
        StackPane frame = new StackPane(content);
        frame.getStyleClass().add("presentation");
        Scene scene = new Scene(frame, 1920, 1080);
        Theme.DARK.applyToOnly(scene);
        scene.setOnKeyPressed(e -> {
            KeyCode k = e.getCode();
            if (k == KeyCode.RIGHT || k == KeyCode.PAGE_DOWN || k == KeyCode.SPACE || k == KeyCode.DOWN) {
                go(index + 1);
            } else if (k == KeyCode.LEFT || k == KeyCode.PAGE_UP || k == KeyCode.UP) {
                go(index - 1);
            } else if (k == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        stage.initOwner(owner);
        stage.setTitle("PoolLab demo");
        stage.setScene(scene);
        stage.setFullScreenExitHint("← → move between slides · Esc leaves");
        model.monitorProperty().addListener((o, was, now) -> rebuild());
        model.resultProperty().addListener((o, was, now) -> {
            rebuild();
            if (now != null) {
                go(slides.size() - 1);
            }
        });
        rebuild();
        go(model.resultProperty().get() != null ? slides.size() - 1 : 0);
    }

    void show() {
        stage.show();
        stage.setFullScreen(true);
        stage.toFront();
    }

    boolean isShowing() {
        return stage.isShowing();
    }

    /** Redraws the live charts after the monitor drained. */
    void refresh() {
        liveCharts.forEach(RunCharts::refresh);
    }

    /** The slides for what there is now: the live run's, then the results' when the demo ended. */
    private void rebuild() {
        slides.clear();
        liveCharts.clear();
        RunMonitor monitor = model.monitorProperty().get();
        String question = model.scenarioProperty().get().title();
        if (monitor != null) {
            numbers.follow(monitor);
            live(monitor, RunCharts.Panel.THROUGHPUT, "Throughput, live", question);
            live(monitor, RunCharts.Panel.TARGET, "The target's pool, live", question);
            live(monitor, RunCharts.Panel.WAIT, "Acquire wait, live", question);
            live(monitor, RunCharts.Panel.TARGET_SERVER, "What the target's sessions do, live", question);
        }
        DemoResult result = model.resultProperty().get();
        if (result != null) {
            for (Slides.Slide s : Slides.of(result)) {
                slides.add(new Slide(s.title(), viewer(VariantCharts.bars(result.variants(), s.metric(),
                        ChartTheme.DARK, FONT_SCALE)), s.sentence(), false));
            }
            slides.add(new Slide(null, ConclusionSlide.of(result), null, false));
        }
        if (slides.isEmpty()) {
            Label waiting = new Label(question + "\n\nPress Start demo: the slides follow the runs.");
            waiting.getStyleClass().add("slide-headline");
            slides.add(new Slide(null, waiting, null, false));
        }
        go(Math.min(index, slides.size() - 1));
    }

    private void live(RunMonitor monitor, RunCharts.Panel panel, String title, String question) {
        RunCharts charts = new RunCharts(monitor.series(), ChartTheme.DARK);
        charts.showOnly(panel);
        charts.scaleFonts(FONT_SCALE);
        liveCharts.add(charts);
        slides.add(new Slide(title, viewer(charts.chart()), question + " · " + model.currentStepProperty().get(),
                true));
    }

    private static ChartViewer viewer(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setMinHeight(300);
        VBox.setVgrow(viewer, Priority.ALWAYS);
        return viewer;
    }

    private void go(int target) {
        if (slides.isEmpty()) {
            return;
        }
        index = Math.max(0, Math.min(target, slides.size() - 1));
        Slide slide = slides.get(index);
        counter.setText((index + 1) + " / " + slides.size() + "   ← →   Esc");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        if (slide.title() == null) {
            VBox body = new VBox(12, slide.body(), new HBox(spacer, counter));
            VBox.setVgrow(slide.body(), Priority.ALWAYS);
            body.getStyleClass().add("slide-frame");
            content.getChildren().setAll(body);
            return;
        }
        Label title = new Label(slide.title());
        title.getStyleClass().add("slide-title");
        VBox body = new VBox(18, title);
        if (slide.live()) {
            HBox big = new HBox(28);
            big.getChildren().setAll(numbers.boxes());
            body.getChildren().add(big);
        }
        body.getChildren().add(slide.body());
        Label sentence = new Label(slide.sentence());
        if (slide.live()) {
            sentence.textProperty().bind(model.currentStepProperty().map(s -> model.scenarioProperty().get().title()
                    + " · " + s));
        }
        sentence.setWrapText(true);
        sentence.getStyleClass().add("slide-sentence");
        body.getChildren().addAll(sentence, new HBox(spacer, counter));
        body.getStyleClass().add("slide-frame");
        content.getChildren().setAll(body);
    }

    /** The slide shown, 0-based, and how many there are: for tests and the screenshot tour. */
    public int index() {
        return index;
    }

    public int size() {
        return slides.size();
    }

    public Stage stage() {
        return stage;
    }

    /** Moves as the arrow keys do. */
    public void next() {
        go(index + 1);
    }

    public void previous() {
        go(index - 1);
    }
}
