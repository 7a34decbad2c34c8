package io.poollab.config;

import java.util.List;
import java.util.Map;

/**
 * A validated run spec and where its values came from, so that problems found later (by the engine, against the
 * databases) can still name {@code file:line:col}, or the command-line option that set the value.
 */
public final class LoadedConfig {

    private final RunSpec spec;
    private final List<Problem> warnings;
    private final YamlDocument document;
    private final Map<String, String> overriddenBy;

    LoadedConfig(RunSpec spec, List<Problem> warnings, YamlDocument document, Map<String, String> overriddenBy) {
        this.spec = spec;
        this.warnings = List.copyOf(warnings);
        this.document = document;
        this.overriddenBy = Map.copyOf(overriddenBy);
    }

    public RunSpec spec() {
        return spec;
    }

    /** Problems that do not stop the run, each already located. */
    public List<Problem> warnings() {
        return warnings;
    }

    /** {@code file:line:col} of a config field such as {@code tables[0].key}, or the option that set it. */
    public String locate(String field) {
        if (field == null || field.isEmpty()) {
            return document.fileName();
        }
        String option = overriddenBy.get(field);
        if (option != null) {
            return option;
        }
        return document.valueLocation(pointer(field));
    }

    /** Gives problems that name only a field the location of that field. */
    public List<Problem> located(List<Problem> problems) {
        return problems.stream()
                .map(p -> p.location().isEmpty() ? new Problem(p.severity(), locate(p.field()), p.field(), p.message())
                        : p)
                .toList();
    }

    /** {@code tables[0].key} → {@code /tables/0/key}. */
    static String pointer(String field) {
        return "/" + field.replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
    }
}
