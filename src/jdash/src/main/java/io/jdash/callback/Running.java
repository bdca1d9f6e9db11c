package io.jdash.callback;


/**
 * Dash's {@code running=[(Output("button_id", "disabled"), True, False)]}: the prop takes {@code during} when
 * the job is accepted and {@code after} when it ends in any way (done, error, cancelled, server lost).
 */
public record Running(Output output, Object during, Object after) {
}
