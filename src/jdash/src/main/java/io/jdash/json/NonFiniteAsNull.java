package io.jdash.json;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes a {@code double} or {@code float} that JSON cannot hold (NaN, ±Infinity) as {@code null}, as Dash's
 * JSON encoder does; Plotly.js draws a gap there. JSON-P refuses such a number, so without this a single NaN
 * in a callback's result made the whole answer, or a background job's end, impossible to send.
 */
final class NonFiniteAsNull {

    private NonFiniteAsNull() {
    }

    static final class Doubles implements JsonbSerializer<Double> {
        @Override
        public void serialize(Double value, JsonGenerator out, SerializationContext context) {
            if (Double.isFinite(value)) {
                out.write(value);
            } else {
                out.writeNull();
            }
        }
    }

    static final class Floats implements JsonbSerializer<Float> {
        @Override
        public void serialize(Float value, JsonGenerator out, SerializationContext context) {
            if (Float.isFinite(value)) {
                out.write(value.doubleValue());
            } else {
                out.writeNull();
            }
        }
    }
}
