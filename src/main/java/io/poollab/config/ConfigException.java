package io.poollab.config;

import java.util.List;

/**
 * Bad input: a config, an argument or a database object that cannot be used as asked.
 * Carries every problem found; {@link #getMessage()} is the first one's single line. The CLI maps it to exit 2.
 */
public class ConfigException extends Exception {

    private final List<Problem> problems;

    public ConfigException(String message) {
        this(List.of(Problem.error("", "", message)));
    }

    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    public ConfigException(List<Problem> problems) {
        super(problems.isEmpty() ? "invalid input" : problems.get(0).oneLine());
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
        this.problems = List.of(Problem.error("", "", message));
    }

    public List<Problem> problems() {
        return problems;
    }
}
