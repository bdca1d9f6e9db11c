package io.jdash.codegen.java;

import io.jdash.codegen.metadata.ComponentDoc;
import io.jdash.codegen.metadata.Prop;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The Java source of one component class: final, extends {@code io.jdash.layout.Component}, a public no-prop
 * constructor, covariant overrides of the base's setters and one typed setter per prop that Java can set.
 */
public final class ComponentClassWriter {

    /** Props the base class already covers (id, children) or that only the renderer sets. */
    private static final Set<String> NOT_SETTERS = Set.of("id", "children", "setProps", "componentPath",
            "style", "className");

    private static final Set<String> JAVA_LANG_AND_UTIL = Set.of("Object", "String", "Number", "Override", "List",
            "Map", "Component");

    private final JavaSuite suite;
    private final Set<String> taken;
    private final JavaTypeMapper types;

    /** @param componentNames every component of the suite: the names a same-package class would shadow */
    public ComponentClassWriter(JavaSuite suite, Set<String> componentNames) {
        this.suite = suite;
        this.taken = new HashSet<>(componentNames);
        this.taken.retainAll(JAVA_LANG_AND_UTIL);
        this.types = new JavaTypeMapper(this::ref);
    }

    /** The simple name, or the qualified one where a component of the suite takes it. */
    private String ref(String simpleName) {
        if (!taken.contains(simpleName)) {
            return simpleName;
        }
        return switch (simpleName) {
            case "List", "Map" -> "java.util." + simpleName;
            case "Component" -> "io.jdash.layout.Component";
            default -> "java.lang." + simpleName;
        };
    }

    public String write(ComponentDoc component) {
        var src = new SourceBuilder();
        String name = component.name();
        String map = ref("Map");
        String list = ref("List");
        String object = ref("Object");
        String string = ref("String");
        String override = "@" + ref("Override");
        src.line("package " + suite.componentPackage() + ";");
        src.line("");
        for (String imported : List.of("io.jdash.layout.Component", "java.util.List", "java.util.Map")) {
            String simple = imported.substring(imported.lastIndexOf('.') + 1);
            if (!taken.contains(simple)) {
                src.line("import " + imported + ";");
            }
        }
        src.line("");
        var doc = new JavadocBuilder();
        doc.text(component.description());
        doc.paragraph("Dash's {@code " + suite.namespace() + "." + name + "} (npm {@code " + suite.npmPackage() + "} "
                + suite.version() + "); {@code " + suite.facadeName() + "." + name + "(…)} makes one. Generated: do not edit.");
        src.javadoc(doc, "");
        src.line("public final class " + name + " extends " + ref("Component") + " {");
        src.line("");
        src.line("    public " + name + "() {");
        // no children given: Dash's children=None, left out on the wire
        src.line("        super(\"" + name + "\", \"" + suite.namespace() + "\", null, " + map + ".of(), null);");
        src.line("    }");
        src.line("");
        src.line("    private " + name + "(" + object + " id, " + map + "<" + string + ", " + object + "> props, "
                + list + "<" + object + "> children) {");
        src.line("        super(\"" + name + "\", \"" + suite.namespace() + "\", id, props, children);");
        src.line("    }");
        src.line("");
        src.line("    " + override);
        src.line("    protected " + name + " copy(" + object + " newId, " + map + "<" + string + ", " + object
                + "> newProps, " + list + "<" + object + "> newChildren) {");
        src.line("        return new " + name + "(newId, newProps, newChildren);");
        src.line("    }");
        override(src, component, name, "id", "id", string + " newId", "newId");
        override(src, component, name, null, "id", map + "<" + string + ", ?> newId", "newId");
        override(src, component, name, null, "prop", string + " name, " + object + " value", "name, value");
        if (component.hasChildren()) {
            override(src, component, name, "children", "children", object + "... newChildren", "newChildren");
        }
        override(src, component, name, "style", "style", map + "<" + string + ", ?> style", "style");
        override(src, component, name, "className", "className", string + " className", "className");
        // the base's setters overridden above: a prop whose camelCase is one of them (dbc's class_name) gets a "_"
        Set<String> used = new HashSet<>(Set.of("id", "prop", "children", "style", "className"));
        for (Prop prop : component.props()) {
            if (!NOT_SETTERS.contains(prop.name()) && JavaNames.isNameable(prop.name()) && types.isSettable(prop.type())) {
                setters(src, component, prop, used);
            }
        }
        src.line("}");
        return src.toString();
    }

    private void override(SourceBuilder src, ComponentDoc component, String name, String docProp, String method,
                          String parameters, String arguments) {
        src.line("");
        if (docProp != null) {
            component.prop(docProp).filter(p -> !p.description().isBlank()).ifPresent(p -> {
                var doc = new JavadocBuilder();
                doc.text(p.description());
                src.javadoc(doc, "    ");
            });
        }
        src.line("    @" + ref("Override"));
        src.line("    public " + name + " " + method + "(" + parameters + ") {");
        src.line("        return (" + name + ") super." + method + "(" + arguments + ");");
        src.line("    }");
    }

    private void setters(SourceBuilder src, ComponentDoc component, Prop prop, Set<String> used) {
        String method = JavaNames.setterName(prop.name());
        while (used.contains(method)) {
            method = method + "_";
        }
        used.add(method);
        boolean mangled = !method.equals(JavaNames.camelCase(prop.name()));
        String parameter = mangled || method.equals("value") ? "value" : method;
        var parameterTypes = new LinkedHashSet<>(types.parameterTypes(prop.type()));
        parameterTypes.addAll(suite.extraTypes().getOrDefault(component.name() + "." + prop.name(), List.of()));
        for (String type : parameterTypes) {
            var doc = new JavadocBuilder();
            doc.text(prop.description());
            var fields = TypeSummary.fields(prop.type());
            if (!fields.isEmpty()) {
                doc.paragraph(prop.type().name().equals("arrayOf") ? "Each item's keys:" : "Its keys:");
                doc.block(TypeSummary.fieldList(fields));
            }
            var allowed = JavaTypeMapper.allowedStrings(prop.type());
            if (!allowed.isEmpty()) {
                String values = String.join(" | ", allowed.stream().map(JavadocText::code).toList());
                doc.paragraph((prop.type().name().equals("enum") ? "One of " : "As a string, one of ") + values + ".");
            }
            if (mangled) {
                doc.paragraph("Sets the prop {@code " + prop.name() + "}; named {@code " + method
                        + "} because {@code " + JavaNames.camelCase(prop.name()) + "} is taken in Java.");
            }
            if (prop.required()) {
                doc.paragraph("Required.");
            }
            if (prop.defaultValue() != null) {
                doc.paragraph("Default: " + JavadocText.code(prop.defaultValue()) + ".");
            }
            src.line("");
            src.javadoc(doc, "    ");
            src.line("    public " + component.name() + " " + method + "(" + type + " " + parameter + ") {");
            src.line("        return prop(\"" + prop.name() + "\", " + parameter + ");");
            src.line("    }");
        }
    }
}
