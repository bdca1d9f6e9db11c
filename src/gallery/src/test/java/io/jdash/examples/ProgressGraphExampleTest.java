package io.jdash.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jdash.json.JsonCodec;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Example 5's make_progress_graph, as Plotly receives it. */
class ProgressGraphExampleTest {

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void makeProgressGraphIsOneHorizontalBarOnAFixedAxis() {
        String written = JsonCodec.toJson(ProgressGraphExample.makeProgressGraph(3, 10));

        assertEquals(json("""
                {"data":[{"type":"bar","x":[3],"orientation":"h"}],
                 "layout":{"xaxis":{"range":[0,10]},"yaxis":{"showticklabels":false},"height":100,
                           "margin":{"t":20,"b":40}}}"""), json(written), written);
    }

    @Test
    void theDefaultIsAnEmptyBar() {
        String written = JsonCodec.toJson(ProgressGraphExample.makeProgressGraph(0, 10));

        assertEquals(json("[0]"), json(written).asJsonObject().getJsonArray("data").getJsonObject(0).get("x"));
    }
}
