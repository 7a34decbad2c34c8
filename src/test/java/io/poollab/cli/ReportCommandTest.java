package io.poollab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.zaxxer.hikari.HikariConfig;
import io.poollab.testing.Cli;
import io.poollab.testing.Posts;
import io.poollab.testing.TestPostgres;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code poollab report} on two runs copied for real on the embedded PostgreSQL, logging in with a password: every
 * file checked for what it must say and for what it must never hold.
 */
class ReportCommandTest {

    private static final String PASSWORD = "right-password";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static String source;
    private static String role;

    @TempDir
    Path dir;

    @BeforeAll
    static void posts() throws Exception {
        source = Posts.database(20_000);
        role = TestPostgres.passwordRole();
    }

    @Test
    void htmlPdfAndCsvCarryTheVerdictSettingsSamplesAndPasteableSnippetsButNoPassword() throws Exception {
        Path home = dir.resolve("home");
        long first = run(home, 1);
        long second = run(home, 2);
        Path out = dir.resolve("report");

        Cli.Result report = Cli.run(home, Map.of(), "report", "--runs", first + "," + second, "--out", out.toString(),
                "--format", "html,pdf,csv", "--title", "Pool 1 against pool 2");
        Cli.Result compare = Cli.run(home, Map.of(), "compare", first + "", second + "", "--json");
        Cli.Result samples = Cli.run(home, Map.of(), "history", "samples", second + "", "--csv",
                dir.resolve("second.csv").toString());

        assertThat(report.exitCode()).as(report.err()).isZero();
        assertThat(report.out().lines()).contains(out.resolve("report.html").toString(),
                out.resolve("report.pdf").toString(), out.resolve("summary.csv").toString(),
                out.resolve("samples.csv").toString(), out.resolve("snippets/target-hikari.properties").toString());
        List<String> verdict = new ArrayList<>();
        JSON.readTree(compare.out()).get("verdict").forEach(v -> verdict.add(v.asText()));
        assertThat(verdict).isNotEmpty();

        String pdf = normalized(pdfText(out.resolve("report.pdf")));
        assertThat(pdf).contains("Pool 1 against pool 2");
        verdict.forEach(line -> assertThat(pdf).contains(normalized(line)));
        assertThat(pdf).contains("source maximumPoolSize ● 1 2").contains("workers 2 2")
                .contains("connectionTimeout=30000");

        Document html = xml(out.resolve("report.html"));
        assertThat(html.getElementsByTagName("title").item(0).getTextContent()).isEqualTo("Pool 1 against pool 2");
        assertThat(html.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength())
                .as("the overlay and each run's charts, inline").isEqualTo(3);
        assertThat(externalReferences(html)).isEmpty();
        String htmlText = Files.readString(out.resolve("report.html"));
        // url(#clip0) is SVG's reference to a clip path in the same page; any other url( would be a request.
        assertThat(htmlText).doesNotContainPattern("url\\(\\s*['\"]?[^#'\"\\s]").doesNotContain("<script")
                .doesNotContain("<link").doesNotContain("@import")
                .contains(HtmlEscape.of(verdict.get(0)));

        assertThat(samples.exitCode()).isZero();
        long stored = Files.readAllLines(dir.resolve("second.csv")).size() - 1;
        List<String> sampleLines = Files.readAllLines(out.resolve("samples.csv"));
        long firstRows = sampleLines.stream().filter(l -> l.startsWith(first + ",")).count();
        long secondRows = sampleLines.stream().filter(l -> l.startsWith(second + ",")).count();
        assertThat(firstRows).isPositive();
        assertThat(secondRows).isEqualTo(stored).isPositive();
        assertThat(sampleLines).hasSize((int) (firstRows + secondRows) + 1);
        assertThat(Files.readAllLines(out.resolve("summary.csv"))).hasSize(3);

        for (String side : List.of("source", "target")) {
            Properties properties = new Properties();
            try (Reader in = Files.newBufferedReader(out.resolve("snippets/" + side + "-hikari.properties"))) {
                properties.load(in);
            }
            HikariConfig config = new HikariConfig(properties);
            assertThat(config.getUsername()).isEqualTo(role);
            assertThat(config.getPassword()).isEqualTo("${DB_PASSWORD}");
            JsonNode yaml = new ObjectMapper(new YAMLFactory())
                    .readTree(out.resolve("snippets/" + side + "-application.yml").toFile());
            assertThat(yaml.at("/spring/datasource/hikari/maximum-pool-size").asInt())
                    .isEqualTo(config.getMaximumPoolSize());
        }
        // The advisor's recommendation, with its reasons, and its settings as config that HikariCP reads.
        assertThat(htmlText).contains("<table class=\"advice\">").contains("Little&#39;s law: ")
                .contains("Rules of thumb, for comparison only");
        assertThat(pdf).contains("Config for the recommended settings").contains("Little's law: ");
        Properties recommended = new Properties();
        try (Reader in = Files.newBufferedReader(out.resolve("snippets/recommended-target-hikari.properties"))) {
            recommended.load(in);
        }
        HikariConfig advised = new HikariConfig(recommended);
        assertThat(advised.getMinimumIdle()).isEqualTo(advised.getMaximumPoolSize());
        assertThat(advised.getUsername()).isEqualTo(role);
        assertThat(Files.readString(out.resolve("snippets/recommended-target-hikari.properties")))
                .startsWith("# PoolLab recommendation from run ");

        // The test's own config holds the password; everything PoolLab wrote (home and report) must not.
        try (Stream<Path> files = Stream.concat(Files.walk(home), Files.walk(out))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString())
                        .doesNotContain(PASSWORD);
            }
        }
        assertThat(report.out() + report.err()).doesNotContain(PASSWORD);
    }

    @Test
    void aMissingRunAnUnknownFormatOrAFileAsTheFolderIsOneLineExitTwoAndNothingWritten() throws Exception {
        Path home = dir.resolve("home");
        long id = run(home, 1);
        Path out = dir.resolve("none");
        Path file = Files.writeString(dir.resolve("a-file"), "keep");

        Cli.Result missing = Cli.run(home, Map.of(), "report", "--runs", id + ",999", "--out", out.toString());
        Cli.Result format = Cli.run(home, Map.of(), "report", "--runs", id + "", "--out", out.toString(),
                "--format", "html,docx");
        Cli.Result notAFolder = Cli.run(home, Map.of(), "report", "--runs", id + "", "--out", file.toString());

        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.errLines()).containsExactly("error: --runs: run 999 is not in the history "
                + home.resolve("history.mv.db"));
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.errLines()).containsExactly("error: --format: unknown format 'docx': choose from html, pdf,"
                + " csv");
        assertThat(notAFolder.exitCode()).isEqualTo(2);
        assertThat(notAFolder.errLines()).containsExactly("error: " + file + ": --out: is a file, not a folder");
        assertThat(out).doesNotExist();
        assertThat(Files.readString(file)).isEqualTo("keep");
    }

    private long run(Path home, int poolSize) throws Exception {
        Path config = dir.resolve("pw.yaml");
        if (!Files.exists(config)) {
            // The password both from the environment and, worse, plainly in the target's section.
            Files.writeString(config, """
                    source: {jdbcUrl: %s, username: %s, password: '${env:PW}'}
                    target: {jdbcUrl: %s, username: %s, password: %s}
                    tables: [{source: public.posts, mode: recreate}]
                    partitionsPerTable: 4
                    """.formatted(source, role, TestPostgres.newDatabase("report"), role, PASSWORD));
        }
        Cli.Result run = Cli.run(home, Map.of("PW", PASSWORD), "run", "--config", config.toString(), "--workers",
                "2", "--pool-size", String.valueOf(poolSize), "--json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return JSON.readTree(run.out()).get("runId").asLong();
    }

    private static String pdfText(Path pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isGreaterThan(1);
            return new PDFTextStripper().getText(document);
        }
    }

    private static String normalized(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static Document xml(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        // Well-formed XML or this throws; no DTD is fetched (there is none to fetch).
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return factory.newDocumentBuilder().parse(file.toFile());
    }

    /** Every src, href or data attribute that would make the browser fetch something. */
    private static List<String> externalReferences(Document html) {
        List<String> found = new ArrayList<>();
        NodeList all = html.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String name : List.of("src", "href", "data", "xlink:href", "srcset", "poster", "action")) {
                String value = e.getAttribute(name);
                if (!value.isEmpty() && !value.startsWith("#") && !value.startsWith("data:")) {
                    found.add(e.getTagName() + " " + name + "=" + value);
                }
            }
        }
        return found;
    }

    /** The report's escaping of a verdict line, to find it in the page source. */
    private static final class HtmlEscape {
        static String of(String text) {
            return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                    .replace("'", "&#39;");
        }
    }
}
