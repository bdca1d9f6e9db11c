package io.jdash.background;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jdash.json.JsonCodec;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobSpecTest {

    @Test
    void aJobExpiresAtItsExpiryAndAJobWithoutOneNever() {
        var expiring = new JobSpec("j", "app", "out.children", "owner", "q", List.of(), List.of(), 1_000);
        assertFalse(expiring.expiredAt(999));
        assertTrue(expiring.expiredAt(1_000));
        assertFalse(new JobSpec("j", "app", "out.children", "owner", "q", List.of(), List.of()).expiredAt(Long.MAX_VALUE));
    }

    @Test
    void itsMessageTravelsAsJsonAndAMessageWrittenBeforeExpiriesExistedNeverExpires() {
        var spec = new JobSpec("j", "app", "out.children", "owner", "q", List.of("a"), List.of("in.value"), 42);
        assertEquals(spec, JsonCodec.fromJson(JsonCodec.toJson(spec), JobSpec.class));
        JobSpec old = JsonCodec.fromJson("{\"id\":\"j\",\"app\":\"app\",\"callback\":\"out.children\",\"owner\":\"o\","
                + "\"queue\":\"q\",\"args\":[],\"changedPropIds\":[]}", JobSpec.class);
        assertEquals(0, old.expiresAtMillis());
        assertFalse(old.expiredAt(Long.MAX_VALUE));
    }
}
