package io.jdash.codegen.java;

import io.jdash.codegen.metadata.ComponentDoc;
import java.util.List;
import java.util.Set;

/**
 * The Java source of a suite's facade ({@code Dcc}, {@code Html}): its wire {@code NAMESPACE} and one static
 * factory per component, named exactly as the component, so that {@code Dcc.Dropdown()} reads like Dash's
 * {@code dcc.Dropdown()}. A component with {@code children} takes them: {@code Html.Div(Object... children)}.
 */
public final class FacadeWriter {

    private static final Set<String> JAVA_LANG = Set.of("Object", "String", "Number", "Override");

    private final JavaSuite suite;

    public FacadeWriter(JavaSuite suite) {
        this.suite = suite;
    }

    public String write(List<ComponentDoc> components) {
        var src = new SourceBuilder();
        String facade = suite.facadeName();
        if (!suite.facadePackage().isEmpty()) {
            src.line("package " + suite.facadePackage() + ";");
            src.line("");
        }
        for (ComponentDoc component : components) {
            if (!needsQualifiedName(component)) {
                src.line("import " + suite.componentPackage() + "." + component.name() + ";");
            }
        }
        src.line("");
        var doc = new JavadocBuilder();
        doc.text(suite.description());
        doc.paragraph("The components of the npm package {@code " + suite.npmPackage() + "} " + suite.version()
                + ", {@code " + suite.namespace() + "} on the wire: one factory per component, named as in Dash, each"
                + " returning the component's class in {@code " + suite.componentPackage() + "} with a typed setter per"
                + " prop. Generated from the package's metadata: do not edit.");
        src.javadoc(doc, "");
        src.line("public final class " + facade + " {");
        src.line("");
        src.line("    /** The namespace Dash gives these components on the wire. */");
        src.line("    public static final String NAMESPACE = \"" + suite.namespace() + "\";");
        src.line("");
        src.line("    private " + facade + "() {");
        src.line("    }");
        for (ComponentDoc component : components) {
            String type = needsQualifiedName(component)
                    ? suite.componentPackage() + "." + component.name() : component.name();
            src.line("");
            var factoryDoc = new JavadocBuilder();
            factoryDoc.text(component.description());
            src.javadoc(factoryDoc, "    ");
            if (component.hasChildren()) {
                src.line("    public static " + type + " " + component.name() + "(Object... children) {");
                // none given: children=None; an empty List given: children=[]
                src.line("        return children.length == 0 ? new " + type + "() : new " + type + "().children(children);");
            } else {
                src.line("    public static " + type + " " + component.name() + "() {");
                src.line("        return new " + type + "();");
            }
            src.line("    }");
        }
        src.line("}");
        return src.toString();
    }

    private boolean needsQualifiedName(ComponentDoc component) {
        return JAVA_LANG.contains(component.name()) || component.name().equals(suite.facadeName());
    }
}
