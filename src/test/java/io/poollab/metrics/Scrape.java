package io.poollab.metrics;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** An HTTP GET of the endpoint, and the Prometheus text format parsed into series, as a scraper reads them. */
final class Scrape {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern SERIES = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    record Response(int status, String contentType, String body) {
    }

    record Series(String name, Map<String, String> labels, double value) {
    }

    private Scrape() {
    }

    static Response get(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    static List<Series> parse(String text) {
        List<Series> series = new ArrayList<>();
        for (String line : text.lines().toList()) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = SERIES.matcher(line);
            if (!m.matches()) {
                throw new AssertionError("not a Prometheus text line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(2) != null) {
                Matcher l = LABEL.matcher(m.group(2));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(3))));
        }
        return series;
    }

    /** The one series of that name whose labels include these (name, value pairs). */
    static double value(List<Series> all, String name, String... labels) {
        List<Series> matching = matching(all, name, labels);
        if (matching.size() != 1) {
            throw new AssertionError(matching.size() + " series " + name + " " + List.of(labels) + " in " + all);
        }
        return matching.get(0).value();
    }

    /** The sum over every series of that name whose labels include these: per-worker pools of one side. */
    static double sum(List<Series> all, String name, String... labels) {
        return matching(all, name, labels).stream().mapToDouble(Series::value).sum();
    }

    static List<Series> matching(List<Series> all, String name, String... labels) {
        return all.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
    }
}
