package io.jdash.callback;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/**
 * The background part of a {@link CallbackSpec}: what the page does itself around a job: set the
 * {@code running} values, send a cancel when a {@code cancel} input changes, apply progress, and restore
 * {@code progress_default} when no job runs.
 */
public record BackgroundSpec(List<Running> running, List<Input> cancel, List<Output> progress,
                             @JsonbProperty("progress_default") List<Object> progressDefault,
                             @JsonbProperty("cancel_previous") boolean cancelPrevious) {

    static BackgroundSpec of(Background background) {
        return background == null ? null : new BackgroundSpec(background.running(), background.cancel(),
                background.progress(), background.progressDefault(), background.cancelPrevious());
    }
}
