package io.poollab.ui.demo;

import io.poollab.demo.MeasuredStep;
import io.poollab.demo.Step;

/**
 * A line of the demo's runs table: a planned run, then the same run as measured.
 *
 * @param index    0 for the warm-up, which is recorded but not counted
 * @param measured null until the run ended
 */
public record StepRow(int index, String variant, int repeat, String settings, String status, MeasuredStep measured) {

    static StepRow planned(Step step, int index) {
        String mode = step.spec().poolMode().id();
        return new StepRow(index, index == 0 ? "warm-up (not counted)" : step.variant(), step.repeat(),
                step.spec().workers() + " worker" + (step.spec().workers() == 1 ? "" : "s") + " · " + mode + " · "
                        + step.connectionsAllowed() + " connections allowed", "pending", null);
    }

    StepRow running() {
        return new StepRow(index, variant, repeat, settings, "running", null);
    }

    StepRow ended(MeasuredStep m) {
        return new StepRow(index, variant, repeat, settings, m.status().id() + " · run " + m.runId(), m);
    }
}
