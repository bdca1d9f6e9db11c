package io.jdash.callback;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The arguments of one callback call: the values of its inputs and states, in the order the callback declared them
 * (a {@code State} declared between two {@code Input}s comes between them, as in Dash).
 * JSON numbers arrive as {@code Integer}, {@code Long} or {@code Double}; objects as {@code Map}; arrays as
 * {@code List}; an unset prop as {@code null} (Dash's {@code None}).
 */
public final class CallbackArgs {

    private final List<Object> values;
    private final CallbackContext context;

    public CallbackArgs(List<?> values, CallbackContext context) {
        this.values = Collections.unmodifiableList(new ArrayList<>(values));
        this.context = context;
    }

    public int size() {
        return values.size();
    }

    public Object get(int index) {
        return values.get(index);
    }

    /** The value as text, {@code null} when unset. */
    public String string(int index) {
        Object value = values.get(index);
        return value == null ? null : String.valueOf(value);
    }

    /** A whole number such as {@code n_clicks}; {@code null} when unset. */
    public Integer integer(int index) {
        Object value = values.get(index);
        if (value == null) {
            return null;
        }
        if (value instanceof Number number) {
            return number.intValue();
        }
        throw new IllegalArgumentException("argument " + index + " is not a number: " + value);
    }

    /** Like {@link #integer(int)}, with {@code 0} for an unset prop (a button never clicked). */
    public int intOrZero(int index) {
        Integer value = integer(index);
        return value == null ? 0 : value;
    }

    /** Which inputs fired this call, and the values of every input and state. */
    public CallbackContext context() {
        return context;
    }

    public List<Object> values() {
        return values;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
