package io.poollab.demo;

import io.poollab.config.Suggest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The scripted demos, each a question a decision maker asks, answered by real runs against the demo's own
 * databases: an H2 source and an embedded PostgreSQL target behind the latency proxy.
 */
public enum Scenario {
    MORE_READERS("more-readers", "More readers, slower?",
            "1, 2 and 3 parallel readers, each with pools of its own (2 connections per side, pre-warmed), "
                    + "into a latency-bound target",
            2),
    PER_WORKER_VS_SHARED("per-worker-vs-shared", "One pool per worker vs one shared pool vs no pool",
            "4 workers borrowing per batch: a pool of 4 per side for each worker, one shared pool of 4 per side, "
                    + "and no pool (a new connection per borrow), with the time breakdown",
            2),
    WARM_VS_COLD("warm-vs-cold", "Warm pool vs cold pool",
            "short repeated runs, 4 workers borrowing per batch from a shared pool of 4: minimumIdle 4 (filled "
                    + "before the copy) against minimumIdle 0 with the shortest idleTimeout and maxLifetime "
                    + "HikariCP accepts (10 s, 30 s)",
            3),
    RIGHT_SIZE("right-size", "Find the right pool size",
            "a sweep of 1, 2 and 4 workers × shared pools of 1, 2 and 4 per side, with the knee and the advisor's "
                    + "recommendation",
            2);

    private final String id;
    private final String title;
    private final String runs;
    private final int defaultRepeats;

    Scenario(String id, String title, String runs, int defaultRepeats) {
        this.id = id;
        this.title = title;
        this.runs = runs;
        this.defaultRepeats = defaultRepeats;
    }

    /** The name on the command line: {@code more-readers}. */
    public String id() {
        return id;
    }

    /** The question, as a slide title: "More readers, slower?". */
    public String title() {
        return title;
    }

    /** What the scenario runs, in one line. */
    public String runs() {
        return runs;
    }

    /** Runs per variant (per sweep cell for {@link #RIGHT_SIZE}) unless told otherwise: enough to see the noise. */
    public int defaultRepeats() {
        return defaultRepeats;
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scenario::id).toList();
    }

    public static Optional<Scenario> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    /** The scenario name closest to a misspelt one, for "did you mean". */
    public static Optional<String> nearest(String wrong) {
        return Suggest.nearest(wrong, ids());
    }
}
