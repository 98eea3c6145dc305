package org.creativecities.config;

import java.util.List;

/** The configuration is not usable. {@link #problems()} lists every problem, one sentence each, secrets hidden. */
public class ConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super("Configuration error:" + System.lineSeparator() + "  " + String.join(System.lineSeparator() + "  ", problems));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ConfigException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Every problem found, each naming its key (and its value unless it is a secret). */
    public List<String> problems() {
        return problems;
    }
}
