package io.jdash.codegen.java;

import java.util.Set;

/**
 * Java names for Dash's prop names: camelCase ({@code n_clicks} is {@code nClicks}, {@code className} stays), and a
 * trailing underscore for a name Java reserves or that {@link io.jdash.layout.Component}'s own methods use
 * ({@code default_}, {@code type_}).
 */
public final class JavaNames {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "true", "false", "null", "var", "record", "yield", "sealed", "permits",
            "_");

    /** The base class's methods (and Object's) that a prop setter must not overload or hide. */
    private static final Set<String> BASE_METHODS = Set.of("type", "namespace", "props", "get", "of", "copy", "prop",
            "descendantsAndSelf", "equals", "hashCode", "toString", "getClass", "notify", "notifyAll", "wait",
            "clone", "finalize");

    private JavaNames() {
    }

    /** {@code n_clicks} → {@code nClicks}, {@code accept-charset} → {@code acceptCharset}. */
    public static String camelCase(String propName) {
        var out = new StringBuilder();
        boolean upper = false;
        for (char c : propName.toCharArray()) {
            if (c == '_' || c == '-') {
                upper = out.length() > 0;
            } else if (Character.isJavaIdentifierPart(c)) {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** Whether the camelCase name needs the trailing underscore. */
    public static boolean isReserved(String javaName) {
        return KEYWORDS.contains(javaName) || BASE_METHODS.contains(javaName);
    }

    /** The setter's name for a prop: camelCase, plus {@code _} where {@link #isReserved(String)}. */
    public static String setterName(String propName) {
        String name = camelCase(propName);
        return isReserved(name) ? name + "_" : name;
    }

    /** A prop Java can name at all: not a wildcard such as {@code data-*}, not empty once camelCased. */
    public static boolean isNameable(String propName) {
        String name = camelCase(propName);
        return !propName.contains("*") && !name.isEmpty() && Character.isJavaIdentifierStart(name.charAt(0));
    }
}
