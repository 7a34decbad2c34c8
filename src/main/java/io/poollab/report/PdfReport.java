package io.poollab.report;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.render.DefaultObjectDrawerFactory;
import com.openhtmltopdf.util.XRLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The PDF report: the HTML report's own XHTML laid out by openhtmltopdf (over PDFBox) onto A4 pages, so both
 * carry the same content by construction. Charts are drawn straight into the PDF as vector graphics, by the same
 * JFreeChart code, through PDFBox's Graphics2D.
 *
 * <p>PDF's built-in fonts have no glyphs for "−", "→" or "µ", which the report's numbers use, so a Unicode TrueType
 * font is embedded: DejaVu Sans where the system has it (Debian's fonts-dejavu-core), else the common fonts of
 * macOS and Windows.
 */
final class PdfReport {

    private static final List<Path> SANS = List.of(Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
            Path.of("/usr/share/fonts/TTF/DejaVuSans.ttf"), Path.of("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
            Path.of("/Library/Fonts/Arial Unicode.ttf"), Path.of("C:/Windows/Fonts/arial.ttf"));
    private static final Map<String, String> STYLES = Map.of("Bold", "-Bold", "Mono", "Mono");

    private PdfReport() {
    }

    static void write(ReportContent content, List<ReportCharts.Chart> charts, OutputStream out) throws IOException {
        // openhtmltopdf logs every stage through java.util.logging to stderr; only --debug wants to see that.
        XRLog.setLoggingEnabled(org.slf4j.LoggerFactory.getLogger(PdfReport.class).isDebugEnabled());
        String xhtml = HtmlReport.render(content, charts, HtmlReport.Charts.PDF_OBJECTS);
        DefaultObjectDrawerFactory drawers = new DefaultObjectDrawerFactory();
        drawers.registerDrawer(HtmlReport.CHART_OBJECT_TYPE, (element, x, y, width, height, device, context, dpp) -> {
            ReportCharts.Chart chart = charts.get(Integer.parseInt(element.getAttribute("data")));
            float w = (float) (width / dpp);
            float h = (float) (height / dpp);
            device.drawWithGraphics((float) x, (float) y, w, h, g -> {
                // Drawn at the chart's own size and scaled down, so fonts keep the proportions of the HTML report.
                double scale = w / chart.width();
                g.scale(scale, scale);
                chart.draw(g, chart.width(), h / scale);
            });
            return null;
        });
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.useObjectDrawerFactory(drawers);
        font().ifPresent(regular -> {
            builder.useFont(regular.toFile(), "DejaVu Sans");
            sibling(regular, STYLES.get("Bold")).ifPresent(bold ->
                    builder.useFont(bold.toFile(), "DejaVu Sans", 700, FontStyle.NORMAL, true));
            sibling(regular, STYLES.get("Mono")).ifPresent(mono -> builder.useFont(mono.toFile(), "DejaVu Sans Mono"));
        });
        builder.withHtmlContent(xhtml, null);
        builder.toStream(out);
        builder.run();
    }

    private static Optional<Path> font() {
        return SANS.stream().filter(Files::isReadable).findFirst();
    }

    /** {@code DejaVuSans-Bold.ttf} or {@code DejaVuSansMono.ttf} beside {@code DejaVuSans.ttf}. */
    private static Optional<Path> sibling(Path regular, String suffix) {
        String name = regular.getFileName().toString();
        if (!name.startsWith("DejaVuSans.")) {
            return Optional.empty();
        }
        Path path = regular.resolveSibling("DejaVuSans" + suffix + ".ttf");
        return Files.isReadable(path) ? Optional.of(path) : Optional.empty();
    }
}
