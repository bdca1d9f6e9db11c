package io.jdash.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jdash.callback.UpdateRequest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonRefusalTest {

    private static String refusalOf(String body) {
        RuntimeException refused = assertThrows(RuntimeException.class,
                () -> JsonCodec.fromUntrustedJson(body.getBytes(StandardCharsets.UTF_8), UpdateRequest.class));
        return JsonRefusal.describe(refused);
    }

    @Test
    void aWrongTypeIsToldByPropertyAndJsonKindsNeverByJavaClass() {
        assertEquals("property 'inputs' is a string; expected an array", refusalOf("{\"output\":\"a.b\",\"inputs\":\"x\"}"));
        assertEquals("property 'state' is a number; expected an array", refusalOf("{\"output\":\"a.b\",\"state\":7}"));
        assertEquals("the value is an array; expected an object", refusalOf("[1,2]"));
        String output = refusalOf("{\"output\":{}}");
        assertEquals(true, output.startsWith("property 'output' is an object; expected "), output);
        for (String body : new String[] {"{\"output\":{}}", "[1]", "{\"output\":\"a.b\",\"changedPropIds\":{}}", "{\"x\":"}) {
            String told = refusalOf(body);
            assertFalse(told.contains("java.") || told.contains("io.jdash") || told.contains("class "), told);
        }
    }

    @Test
    void jdashsOwnMessagesStayAsTheyAre() {
        assertEquals("too long", JsonRefusal.describe(new IllegalArgumentException("too long")));
        assertEquals("a value has the wrong JSON type", JsonRefusal.describe(new ClassCastException(
                "class java.lang.String cannot be cast to class java.util.Map")));
    }
}
