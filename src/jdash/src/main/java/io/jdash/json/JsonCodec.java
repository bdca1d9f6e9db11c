package io.jdash.json;

import io.jdash.layout.ComponentJsonAdapter;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.JsonbException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.lang.reflect.Type;

/**
 * The one JSON-B instance JDash reads and writes with; it writes layout components in Dash's shape.
 * JSON-B instances are thread-safe and costly to build, so there is one.
 */
public final class JsonCodec {

    private static final Jsonb JSONB = JsonbBuilder.create(new JsonbConfig()
            .withAdapters(new ComponentJsonAdapter())
            .withSerializers(new NonFiniteAsNull.Doubles(), new NonFiniteAsNull.Floats())
            .withNullValues(true));

    private JsonCodec() {
    }

    public static String toJson(Object value) {
        return JSONB.toJson(value);
    }

    /**
     * JSON for inside an HTML {@code <script type="application/json">}: every {@code <} becomes {@code \u003c},
     * so no string in it can close the script element. JSON has {@code <} only inside strings, where the
     * escape means the same character.
     */
    public static String toJsonForHtml(Object value) {
        return toJson(value).replace("<", "\\u003c");
    }

    /** Reads {@code type} from JSON; malformed JSON raises {@link JsonbException}. */
    public static <T> T fromJson(InputStream json, Type type) {
        return JSONB.fromJson(json, type);
    }

    public static <T> T fromJson(String json, Class<T> type) {
        return JSONB.fromJson(json, type);
    }

    /**
     * The deepest nesting of arrays and objects read from a client. JSON-B recurses once per level, so a body
     * of a few thousand {@code [} overflows the request thread's stack (a {@code StackOverflowError}, which no
     * refusal catches); deeper input is refused before it is parsed.
     */
    public static final int MAX_DEPTH = 256;
    /** The longest number a client may send, in characters (a double needs at most 24). */
    public static final int MAX_NUMBER_CHARS = 100;
    /** The most digits a number's exponent may have ({@code 1e9999} at most). */
    public static final int MAX_EXPONENT_DIGITS = 4;

    /**
     * Reads {@code type} from a client's JSON (UTF-8); malformed JSON raises {@link JsonbException}. Before
     * parsing, it refuses JSON nested deeper than {@link #MAX_DEPTH}, and JSON whose brackets do not pair up or
     * that ends inside a string: Parsson, skipping an unknown property's array or object, loops for ever at the
     * end of input that never closes it ({@code {"x":[1,} or {@code {"x":[1}}), which would hold a request
     * thread at full CPU. It also refuses a number longer than {@link #MAX_NUMBER_CHARS} characters or with an
     * exponent of more than {@link #MAX_EXPONENT_DIGITS} digits: reading a megabyte-long number as a
     * {@code BigDecimal} costs tens of CPU-seconds, and {@code 1e1000000000} as an integer far more.
     */
    public static <T> T fromUntrustedJson(byte[] json, Type type) {
        return fromUntrustedJson(new String(json, StandardCharsets.UTF_8), type);
    }

    /** {@link #fromUntrustedJson(byte[], Type)} for text. */
    public static <T> T fromUntrustedJson(String json, Type type) {
        checkStructure(json);
        return JSONB.fromJson(json, type);
    }

    private static void checkStructure(String json) {
        char[] open = new char[MAX_DEPTH];
        int depth = 0;
        boolean inString = false;
        for (int i = 0; i < json.length(); i++) {
            char c = json.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                i = checkNumber(json, i) - 1;
            } else if (c == '[' || c == '{') {
                if (depth == MAX_DEPTH) {
                    throw new JsonbException("the JSON nests deeper than " + MAX_DEPTH + " levels");
                }
                open[depth++] = c;
            } else if (c == ']' || c == '}') {
                if (depth == 0 || open[--depth] != (c == ']' ? '[' : '{')) {
                    throw new JsonbException("the JSON has an unmatched '" + c + "' at character " + i);
                }
            }
        }
        if (inString || depth > 0) {
            throw new JsonbException("the JSON ends before its " + (inString ? "string" : "'" + open[depth - 1] + "'")
                    + " is closed");
        }
    }

    /** Checks the number that starts at {@code start}; returns where it ends. */
    private static int checkNumber(String json, int start) {
        int i = start;
        int exponentDigits = -1; // -1: no exponent yet
        while (i < json.length()) {
            char c = json.charAt(i);
            if (c == 'e' || c == 'E') {
                exponentDigits = 0;
            } else if (c >= '0' && c <= '9') {
                if (exponentDigits >= 0 && ++exponentDigits > MAX_EXPONENT_DIGITS) {
                    throw new JsonbException("a number at character " + start + " has an exponent of more than "
                            + MAX_EXPONENT_DIGITS + " digits");
                }
            } else if (c != '-' && c != '+' && c != '.') {
                break;
            }
            if (++i - start > MAX_NUMBER_CHARS) {
                throw new JsonbException("a number at character " + start + " is longer than " + MAX_NUMBER_CHARS
                        + " characters");
            }
        }
        return i;
    }

}
