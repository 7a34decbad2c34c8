package io.poollab.cli;

import io.poollab.analysis.Compare;
import io.poollab.analysis.Comparison;
import io.poollab.config.PoolLabHome;
import io.poollab.history.HistoryStore;
import io.poollab.history.RunDetail;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code poollab compare}: stored runs side by side, the first one the baseline. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare 2 to 4 stored runs: settings that differ, every figure against the first, a verdict.")
final class CompareCommand implements Callable<Integer> {

    @ParentCommand
    PoolLabCli parent;

    @Parameters(paramLabel = "RUN", arity = "2..4", description = "Run ids; the first is the baseline")
    List<Long> runIds;

    @Option(names = "--json", description = "One JSON object on stdout")
    boolean json;

    @Override
    public Integer call() throws Exception {
        List<RunDetail> runs = new ArrayList<>();
        try (HistoryStore store = HistoryStore.open(PoolLabHome.ensure(parent.context().home()))) {
            for (long id : runIds) {
                runs.add(HistoryCommand.found(store, id));
            }
        }
        Comparison comparison = Compare.of(runs);
        PrintStream out = parent.context().out();
        if (json) {
            out.println(HistoryCommand.JSON.writeValueAsString(json(comparison)));
        } else {
            CompareText.print(comparison, out);
        }
        return ExitCode.OK;
    }

    static Map<String, Object> json(Comparison c) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("baseline", c.baseline().summary().id());
        root.put("runs", c.runs().stream().map(r -> r.summary().id()).toList());
        root.put("settings", c.settings().stream().map(s -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("name", s.name());
            row.put("values", s.values());
            row.put("differs", s.differs());
            return row;
        }).toList());
        root.put("results", c.results().stream().map(r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("metric", r.metric().name().toLowerCase(java.util.Locale.ROOT));
            row.put("label", r.metric().label());
            row.put("values", r.values());
            row.put("deltas", r.deltas().stream().map(d -> d == null ? null : delta(d)).toList());
            return row;
        }).toList());
        root.put("verdict", c.verdict());
        root.put("warning", c.confoundWarning().orElse(null));
        return root;
    }

    private static Map<String, Object> delta(Comparison.Delta d) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("absolute", d.absolute());
        map.put("percent", d.percent() == null ? null : d.percent() * 100);
        map.put("outcome", d.outcome().name().toLowerCase(java.util.Locale.ROOT));
        map.put("text", d.text());
        return map;
    }
}
