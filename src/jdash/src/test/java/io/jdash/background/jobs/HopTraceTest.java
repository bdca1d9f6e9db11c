package io.jdash.background.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.json.JsonCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Tracing is off unless -Djdash.trace-hops=true: then nothing changes, on the wire or in the events. */
class HopTraceTest {

    @Test
    void offByDefaultAndFree() {
        assertFalse(HopTrace.ON);
        assertEquals(0, HopTrace.now());
        HopTrace.mark("j1", HopTrace.ACCEPT);
        JobEvent done = JobEvent.done("j1", "out.children", Map.of("out", Map.of("children", 1)));
        assertSame(done, HopTrace.attachAtEnd(done));
        assertNull(HopTrace.attachAtEnd(done).timings());
        String text = "{\"timings\":{\"a\":1}}";
        assertSame(text, HopTrace.stampSocketSend(text));
    }

    @Test
    void anEventWithoutTimingsHasNoTimingsField() {
        String json = JsonCodec.toJson(JobEvent.done("j1", "out.children", Map.of("out", Map.of("children", 1))));
        assertFalse(json.contains("timings"), json);
        assertTrue(json.contains("\"message\":null"), "other nulls still written: " + json);
    }

    @Test
    void timingsTravelAsAMapOfMicros() {
        Map<String, Long> stamps = new LinkedHashMap<>();
        stamps.put(HopTrace.ACCEPT, 1L);
        stamps.put(HopTrace.PUBLISH, 2L);
        String json = JsonCodec.toJson(JobEvent.done("j1", "out.children", Map.of()).withTimings(stamps));
        assertTrue(json.contains("\"timings\":{\"http_accept\":1,\"end_publish\":2}"), json);
        JobEvent back = JsonCodec.fromJson(new java.io.ByteArrayInputStream(json.getBytes()), JobEvent.class);
        assertEquals(2L, ((Number) back.timings().get(HopTrace.PUBLISH)).longValue());
    }
}
