package io.jdash.it;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * The server's {@code io.jdash.JobHop} JFR events in a recording, by job: for each job id, each hop's wall clock in
 * epoch microseconds (the server's {@code io.jdash.background.JobHop}).
 */
final class JobHopRecording {

    static final String EVENT = "io.jdash.JobHop";

    private JobHopRecording() {
    }

    static Map<String, Map<String, Long>> byJob(Path recording) throws IOException {
        Map<String, Map<String, Long>> jobs = new HashMap<>();
        try (var file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                if (event.getEventType().getName().equals(EVENT)) {
                    jobs.computeIfAbsent(event.getString("job"), id -> new LinkedHashMap<>())
                            .put(event.getString("hop"), event.getLong("epochMicros"));
                }
            }
        }
        return jobs;
    }
}
