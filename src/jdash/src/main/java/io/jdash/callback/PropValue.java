package io.jdash.callback;

/**
 * One input or state as the browser sends it in {@code _dash-update-component}: {@code {id, property, value}}.
 * The id is an {@code Object} on the wire because Dash also allows dict ids; JDash accepts strings only.
 */
public record PropValue(Object id, String property, Object value) {
}
