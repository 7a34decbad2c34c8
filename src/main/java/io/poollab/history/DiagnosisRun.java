package io.poollab.history;

/** One run of a diagnosis: its id and the experiment it measured ({@code as given}, {@code unpooled}, …). */
public record DiagnosisRun(long runId, String experiment) {
}
