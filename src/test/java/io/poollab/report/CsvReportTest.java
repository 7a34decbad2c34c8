package io.poollab.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.poollab.config.CopyFormat;
import io.poollab.config.HoldConnections;
import io.poollab.config.RunSpec;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import io.poollab.migrate.RunSample;
import io.poollab.testing.Posts;
import io.poollab.testing.Recorded;
import io.poollab.testing.Specs;
import io.poollab.testing.TestPostgres;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv and samples.csv of two runs recorded from real copies. */
class CsvReportTest {

    @TempDir
    Path dir;

    @Test
    void oneSummaryRowPerRunAndOneSampleRowPerStoredSample() throws Exception {
        String source = Posts.database(20_000);
        Map<Long, List<RunSample>> samples = new LinkedHashMap<>();
        List<RunDetail> runs;
        try (HistoryStore store = HistoryStore.open(dir)) {
            for (int pool : new int[] {1, 2}) {
                RunSpec spec = Specs.with(Specs.copy(source, TestPostgres.newDatabase("csv"), "posts", 2, pool),
                        4, HoldConnections.PER_BATCH, 1_000, CopyFormat.BINARY).withName("pool " + pool + ", \"quoted\"");
                long id = Recorded.run(store, spec, run -> { }).runId();
                samples.put(id, store.samples(id));
            }
            runs = new java.util.ArrayList<>();
            for (long id : samples.keySet()) {
                runs.add(store.detail(id).orElseThrow());
            }
        }
        StringWriter summary = new StringWriter();
        StringWriter all = new StringWriter();

        SummaryCsv.write(runs, summary);
        SamplesCsv.writeRuns(samples, all);

        List<String> summaryLines = summary.toString().lines().toList();
        assertThat(summaryLines).hasSize(3);
        assertThat(summaryLines.get(0)).startsWith("run,label,status,started,tables,rows,seconds,rows_per_second,");
        assertThat(summaryLines.get(1)).contains(",\"pool 1, \"\"quoted\"\"\",succeeded,").contains(",20000,");
        int expected = samples.values().stream().mapToInt(List::size).sum();
        assertThat(expected).isPositive();
        List<String> sampleLines = all.toString().lines().toList();
        assertThat(sampleLines).hasSize(expected + 1);
        assertThat(sampleLines.get(0)).isEqualTo("run," + SamplesCsv.HEADER);
        long firstRun = samples.keySet().iterator().next();
        assertThat(sampleLines.stream().skip(1).filter(l -> l.startsWith(firstRun + ",")).count())
                .isEqualTo(samples.get(firstRun).size());
    }
}
