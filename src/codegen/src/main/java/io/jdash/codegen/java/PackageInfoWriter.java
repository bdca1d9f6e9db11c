package io.jdash.codegen.java;

/** The {@code package-info.java} of a suite's component package. */
public final class PackageInfoWriter {

    public String write(JavaSuite suite) {
        return "/**\n"
                + " * The components of {@code " + suite.npmPackage() + "} " + suite.version() + " ({@code "
                + suite.namespace() + "}), one class each,\n"
                + " * generated from the package's metadata; made by {@link " + suite.facade() + "}. Depends on"
                + " {@code io.jdash.layout.Component} only.\n"
                + " */\n"
                + "package " + suite.componentPackage() + ";\n";
    }
}
