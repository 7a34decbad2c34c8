package io.poollab.report;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Writes a report's files into one folder: {@code report.html}, {@code report.pdf}, {@code summary.csv} and
 * {@code samples.csv} as asked, and always the winning run's config snippets under {@code snippets/}. Each file is
 * written to a temporary name and moved into place, so a failed export never leaves a half-written file behind.
 */
public final class ReportWriter {

    /** Told before each file: for a progress bar. */
    public interface Progress {
        void step(String file, int done, int total);
    }

    private ReportWriter() {
    }

    /** @return the files written, in order */
    public static List<Path> write(ReportContent content, Path dir, Set<ReportFormat> formats, Progress progress)
            throws ConfigException {
        prepare(dir);
        List<Job> jobs = new ArrayList<>();
        List<ReportCharts.Chart> charts = formats.contains(ReportFormat.HTML) || formats.contains(ReportFormat.PDF)
                ? ReportCharts.of(content) : List.of();
        if (formats.contains(ReportFormat.HTML)) {
            jobs.add(new Job("report.html", out -> out.write(HtmlReport.render(content, charts,
                    HtmlReport.Charts.INLINE_SVG).getBytes(StandardCharsets.UTF_8))));
        }
        if (formats.contains(ReportFormat.PDF)) {
            jobs.add(new Job("report.pdf", out -> PdfReport.write(content, charts, out)));
        }
        if (formats.contains(ReportFormat.CSV)) {
            jobs.add(new Job("summary.csv", text(w -> SummaryCsv.write(content.runs(), content.waits(), w))));
            jobs.add(new Job("samples.csv", text(w -> SamplesCsv.writeRuns(content.samples(), w))));
        }
        content.recommendedSnippets().forEach((side, s) -> {
            jobs.add(new Job("snippets/recommended-" + side + "-hikari.properties", text(w -> w.write(s.properties()))));
            jobs.add(new Job("snippets/recommended-" + side + "-application.yml", text(w -> w.write(s.springYaml()))));
            jobs.add(new Job("snippets/recommended-" + side + "-HikariConfig.java", text(w -> w.write(s.java()))));
        });
        content.snippets().forEach((side, s) -> {
            jobs.add(new Job("snippets/" + side + "-hikari.properties", text(w -> w.write(s.properties()))));
            jobs.add(new Job("snippets/" + side + "-application.yml", text(w -> w.write(s.springYaml()))));
            jobs.add(new Job("snippets/" + side + "-HikariConfig.java", text(w -> w.write(s.java()))));
        });
        List<Path> written = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            Job job = jobs.get(i);
            progress.step(job.name(), i, jobs.size());
            written.add(job.writeInto(dir));
        }
        progress.step(null, jobs.size(), jobs.size());
        return written;
    }

    private static void prepare(Path dir) throws ConfigException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new ConfigException(Problem.error(dir.toString(), "--out", "is a file, not a folder"));
        }
        try {
            Files.createDirectories(dir.resolve("snippets"));
        } catch (IOException e) {
            throw new ConfigException(Problem.error(dir.toString(), "--out", "cannot create the folder: "
                    + e.getMessage()));
        }
    }

    private interface Body {
        void write(OutputStream out) throws IOException;
    }

    private interface TextBody {
        void write(Writer out) throws IOException;
    }

    private static Body text(TextBody body) {
        return out -> {
            Writer w = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
            body.write(w);
            w.flush();
        };
    }

    private record Job(String name, Body body) {

        Path writeInto(Path dir) throws ConfigException {
            Path file = dir.resolve(name);
            Path partial = file.resolveSibling("." + file.getFileName() + ".partial");
            try {
                try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(partial))) {
                    body.write(out);
                }
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
                return file;
            } catch (IOException e) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw new ConfigException(Problem.error(file.toString(), "--out", "cannot write: " + e.getMessage()));
            }
        }
    }
}
