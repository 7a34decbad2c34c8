package io.poollab.ui.demo;

import io.poollab.demo.DemoResult;
import io.poollab.ui.Theme;
import io.poollab.ui.Workbench;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The conclusion slide as a file: drawn off screen at 1920 × 1080 on the presentation's dark theme, then written as
 * a PNG, or as a one-page PDF (16:9, the image lossless) for a deck.
 */
public final class SlideExport {

    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    private SlideExport() {
    }

    /** Asks where, then writes; a failure is one line through {@code error}. On the FX thread. */
    static void choose(Window owner, DemoResult result, Workbench workbench, Consumer<String> error) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the conclusion slide");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"),
                new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
        chooser.setInitialFileName("poollab-demo-" + result.scenario().id() + ".png");
        java.io.File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        BufferedImage image = render(result);
        Path path = file.toPath();
        workbench.background().run(() -> {
            write(image, path);
            return path;
        }, done -> error.accept(null), e -> error.accept("The slide was not exported: " + e.getMessage()));
    }

    /** The slide as pixels; on the FX thread. */
    public static BufferedImage render(DemoResult result) {
        StackPane frame = new StackPane(ConclusionSlide.of(result));
        frame.getStyleClass().add("presentation");
        Scene scene = new Scene(frame, WIDTH, HEIGHT);
        Theme.DARK.applyToOnly(scene);
        frame.applyCss();
        frame.layout();
        WritableImage shot = frame.snapshot(null, new WritableImage(WIDTH, HEIGHT));
        return SwingFXUtils.fromFXImage(shot, null);
    }

    /** Writes a PNG, or a PDF when the name ends in .pdf. */
    public static void write(BufferedImage image, Path path) throws IOException {
        if (path.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf")) {
            try (PDDocument pdf = new PDDocument()) {
                // 16:9 in points, 13.33 × 7.5 in, the size of a widescreen slide.
                PDPage page = new PDPage(new PDRectangle(960, 540));
                pdf.addPage(page);
                PDImageXObject picture = LosslessFactory.createFromImage(pdf, image);
                try (PDPageContentStream content = new PDPageContentStream(pdf, page)) {
                    content.drawImage(picture, 0, 0, 960, 540);
                }
                pdf.save(path.toFile());
            }
        } else {
            try (var out = Files.newOutputStream(path)) {
                ImageIO.write(image, "png", out);
            }
        }
    }
}
