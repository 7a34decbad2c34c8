package io.poollab.cli;

import io.poollab.analysis.DiagnoseVerdict;
import io.poollab.analysis.Diagnosis;
import io.poollab.analysis.Experiment;
import io.poollab.text.Units;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;

/** A diagnosis as text and as the {@code diagnose --json} object. */
final class DiagnoseText {

    private DiagnoseText() {
    }

    static void print(Diagnosis d, PrintStream out) {
        out.println("diagnosis " + d.diagnosisId() + ":");
        out.printf("%-14s %-32s %12s %8s %14s %9s  %s%n", "experiment", "setup", "rows/s", "spread", "rows/s/worker",
                "acquire", "runs");
        for (Experiment e : d.experiments()) {
            out.printf("%-14s %-32s %12s %8s %14s %9s  %s%n", e.id(), e.setup(),
                    e.measured() ? Units.rate(e.meanRowsPerSecond()) : "-", Units.percent(e.spread()),
                    e.measured() ? Units.rate(e.rowsPerSecondPerWorker()) : "-",
                    Units.percent(e.waits().acquireShare()),
                    String.join(", ", e.runIds().stream().map(String::valueOf).toList())
                            + (e.failures().isEmpty() ? "" : " (" + String.join("; ", e.failures()) + ")"));
        }
        out.println();
        out.println("verdict:");
        d.verdict().forEach(f -> out.println("  " + f.sentence()));
    }

    static Map<String, Object> json(Diagnosis d) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("diagnosisId", d.diagnosisId());
        root.put("experiments", d.experiments().stream().map(DiagnoseText::experiment).toList());
        Map<String, Object> verdict = new LinkedHashMap<>();
        for (DiagnoseVerdict.Finding f : d.verdict()) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("outcome", f.outcome());
            finding.put("sentence", f.sentence());
            finding.put("numbers", f.numbers());
            verdict.put(f.topic(), finding);
        }
        verdict.put("lines", d.verdict().stream().map(DiagnoseVerdict.Finding::sentence).toList());
        root.put("verdict", verdict);
        return root;
    }

    private static Map<String, Object> experiment(Experiment e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", e.id());
        m.put("setup", e.setup());
        m.put("workers", e.workers());
        m.put("poolMode", e.poolMode());
        m.put("runs", e.runIds());
        m.put("rowsPerSecond", e.rates());
        m.put("meanRowsPerSecond", nullable(e.meanRowsPerSecond()));
        m.put("spread", nullable(e.spread()));
        m.put("rowsPerSecondPerWorker", nullable(e.rowsPerSecondPerWorker()));
        m.put("rows", e.rows());
        m.put("failures", e.failures());
        m.put("waits", e.waits().tree());
        return m;
    }

    private static Double nullable(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
