package io.poollab.bench;

import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunRecorder;
import io.poollab.migrate.RunSample;
import io.poollab.migrate.SideSample;
import io.poollab.report.ReportContent;
import io.poollab.report.ReportFormat;
import io.poollab.report.ReportWriter;
import io.poollab.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * The report's speed goal, measured: a report of two 1-hour runs sampled every 250 ms (14,400 samples each, two
 * pools) in HTML, PDF and CSV with snippets, from reading the history to the last file, in under 3 s. The runs'
 * samples are made up (only their number and shape matter here); nothing of this is shown as a measurement.
 * Run by {@code bench/report.sh}.
 */
public final class ReportBench {

    private ReportBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path home = args.length > 1 ? Path.of(args[1]) : Files.createTempDirectory("poollab-report-bench");
        List<Long> ids;
        try (HistoryStore store = HistoryStore.open(home)) {
            RunSpec spec = Specs.copy("jdbc:h2:mem:src", "jdbc:h2:mem:dst", "posts", 4, 4);
            ids = List.of(oneHour(store, spec, 0), oneHour(store, spec, 1));
            Path out = home.resolve("report");
            int[] files = new int[1];
            double[] all = HistoryBench.time(rounds, () -> {
                ReportContent content = ReportContent.load(store, ids, null, Instant.now());
                files[0] = ReportWriter.write(content, out, EnumSet.allOf(ReportFormat.class), (f, d, t) -> { })
                        .size();
                return files[0];
            });
            double[] html = HistoryBench.time(rounds, () -> ReportWriter.write(
                    ReportContent.load(store, ids, null, Instant.now()), out, EnumSet.of(ReportFormat.HTML),
                    (f, d, t) -> { }).size());
            System.out.printf(Locale.ROOT, "report of two 1-hour runs (2 x %,d samples), html+pdf+csv+snippets"
                            + " (%d files):  median %6.0f ms  (min %.0f)   goal < 3000 ms%n",
                    store.samples(ids.get(0)).size(), files[0], HistoryBench.median(all), all[0]);
            System.out.printf(Locale.ROOT, "the same, html only:%55s median %6.0f ms  (min %.0f)%n", "",
                    HistoryBench.median(html), html[0]);
            System.out.printf(Locale.ROOT, "sizes: report.html %,d bytes, report.pdf %,d bytes, samples.csv %,d bytes%n",
                    Files.size(out.resolve("report.html")), Files.size(out.resolve("report.pdf")),
                    Files.size(out.resolve("samples.csv")));
        }
    }

    private static long oneHour(HistoryStore store, RunSpec spec, int variant) throws Exception {
        long id = store.createRun(spec.withName("one hour " + (variant + 1)), null);
        try (RunRecorder recorder = store.recorder(id)) {
            for (long t = 250; t <= 3_600_000; t += 250) {
                recorder.sample(sample(t, variant));
            }
            recorder.finished(HistoryBench.fakeResult(id, spec));
        }
        store.addEvent(id, "resize", "source pool resized: maximumPoolSize 4 → 8");
        return id;
    }

    private static RunSample sample(long elapsedMs, int variant) {
        double wave = Math.sin(elapsedMs / 60_000.0 + variant);
        int active = 3 + (int) Math.round(wave);
        SideSample side = new SideSample(active, 4 - active, variant, 4, 4, 0.02, 0.3 + wave * 0.2, 1.2, 4.5, 120,
                0, 0, 5);
        return new RunSample(elapsedMs, elapsedMs * 100, elapsedMs * 30_000, 400_000 + wave * 50_000, 4, side, side);
    }
}
