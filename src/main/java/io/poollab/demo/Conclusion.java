package io.poollab.demo;

import java.util.List;

/**
 * What a scenario showed, computed from its measurements.
 *
 * @param finding  whether the effect the scenario asks about appeared
 * @param sentence the conclusion in plain words, with the numbers that carry it
 * @param details  supporting lines (per-variant time breakdown, connections), for a report or a slide's notes
 */
public record Conclusion(Finding finding, String sentence, List<String> details) {

    public Conclusion {
        details = List.copyOf(details);
    }

    /**
     * The claim alone, for a slide's title: every sentence is written "claim: the numbers", so this is the text
     * before the first colon ("Per-worker pools were slower here"), or the whole sentence when it has none.
     */
    public String headline() {
        int colon = sentence.indexOf(": ");
        return colon < 0 ? sentence : sentence.substring(0, colon);
    }

    public enum Finding {
        /** The expected effect appeared, larger than the noise. */
        SHOWN,
        /** A difference larger than the noise, the other way than expected. */
        NOT_SHOWN,
        /** The difference was within the noise: no measurable difference on this machine. */
        NO_DIFFERENCE,
        /** Runs failed or were cancelled, so nothing can be concluded. */
        INCOMPLETE
    }
}
