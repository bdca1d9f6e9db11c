package io.jdash.background.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class JobTimeLimitsTest {

    @Test
    void durationsReadAsAPersonWritesThem() {
        assertEquals("800 ms", JobTimeLimits.words(Duration.ofMillis(800)));
        assertEquals("1 s", JobTimeLimits.words(Duration.ofSeconds(1)));
        assertEquals("90 s", JobTimeLimits.words(Duration.ofSeconds(90)));
        assertEquals("2 min", JobTimeLimits.words(Duration.ofMinutes(2)));
        assertEquals("1 h", JobTimeLimits.words(Duration.ofHours(1)));
    }
}
