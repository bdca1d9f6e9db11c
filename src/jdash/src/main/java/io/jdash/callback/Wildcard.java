package io.jdash.callback;

/**
 * Dash's pattern-matching wildcards, the values of a dict id's keys in a callback's dependencies:
 * {@code new Input(Map.of("type", "row", "index", MATCH), "value")} is Dash's
 * {@code Input({"type": "row", "index": MATCH}, "value")}. {@link #MATCH} stands for one component (the one
 * whose prop changed, and the output with the same key values); {@link #ALL} for every component that fits,
 * whose values come as a {@code List}; {@link #ALLSMALLER} for those with a smaller value of the MATCH key.
 */
public enum Wildcard {
    MATCH, ALL, ALLSMALLER;

    /** How Dash writes it inside a stringified id: {@code ["MATCH"]}. */
    String toJson() {
        return "[\"" + name() + "\"]";
    }

    /** Whether it stands for several components, whose values then come as a list. */
    boolean multi() {
        return this != MATCH;
    }
}
