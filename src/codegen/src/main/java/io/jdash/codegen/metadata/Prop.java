package io.jdash.codegen.metadata;

/**
 * One prop of a component (or one field of a shape).
 *
 * @param defaultValue the default as written in the source ({@code 'auto'}, {@code 0}), or {@code null}
 */
public record Prop(String name, PropType type, boolean required, String description, String defaultValue) {
}
