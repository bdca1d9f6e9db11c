package io.jdash.json;

import jakarta.json.bind.JsonbException;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Why untrusted JSON was refused, in the request's terms: which property had which JSON type, never the Java class
 * it was to become (JSON-B's messages name them: "class io.jdash.callback.UpdateRequest", "interface
 * java.util.List"). The text of a 400 answer or a socket's error answer.
 */
public final class JsonRefusal {

    private static final Pattern WRONG_TYPE = Pattern.compile(
            "(?:Unable to deserialize property '([^']*)' because of: )?.*Received event: (\\w+) Allowed: \\[([^\\]]*)\\]",
            Pattern.DOTALL);

    private JsonRefusal() {
    }

    /** What to tell the client about {@code refused}, an exception of reading its JSON. */
    public static String describe(RuntimeException refused) {
        if (refused instanceof JsonbException) {
            Matcher wrongType = WRONG_TYPE.matcher(String.valueOf(refused.getMessage()));
            if (wrongType.find()) {
                String where = wrongType.group(1) == null ? "the value" : "property '" + wrongType.group(1) + "'";
                return where + " is " + kind(wrongType.group(2)) + "; expected " + Arrays.stream(wrongType.group(3).split(","))
                        .map(String::trim).map(JsonRefusal::kind).distinct().collect(Collectors.joining(" or "));
            }
            return "not well-formed JSON of the expected shape";
        }
        if (refused instanceof ClassCastException) {
            return "a value has the wrong JSON type";
        }
        return String.valueOf(refused.getMessage()); // JDash's own messages (limits, callback rules)
    }

    private static String kind(String event) {
        return switch (event) {
            case "START_ARRAY" -> "an array";
            case "START_OBJECT" -> "an object";
            case "VALUE_STRING" -> "a string";
            case "VALUE_NUMBER" -> "a number";
            case "VALUE_TRUE", "VALUE_FALSE" -> "a boolean";
            case "VALUE_NULL" -> "null";
            default -> "another JSON value";
        };
    }
}
