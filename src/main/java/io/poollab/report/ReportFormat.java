package io.poollab.report;

import io.poollab.config.ConfigException;
import io.poollab.config.Problem;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** What {@code --format} may name. */
public enum ReportFormat {
    HTML, PDF, CSV;

    /** {@code html,pdf}: every name known, at least one. */
    public static Set<ReportFormat> parse(String list) throws ConfigException {
        Set<ReportFormat> formats = EnumSet.noneOf(ReportFormat.class);
        for (String name : list.split(",")) {
            String n = name.strip().toUpperCase(Locale.ROOT);
            if (n.isEmpty()) {
                continue;
            }
            try {
                formats.add(valueOf(n));
            } catch (IllegalArgumentException unknown) {
                throw new ConfigException(Problem.error("", "--format", "unknown format '" + name.strip()
                        + "': choose from html, pdf, csv"));
            }
        }
        if (formats.isEmpty()) {
            throw new ConfigException(Problem.error("", "--format", "no format given: choose from html, pdf, csv"));
        }
        return formats;
    }
}
