package io.jdash.layout;

/**
 * Dash's {@code html} namespace ({@code dash_html_components}): one factory per HTML element, named as in
 * Dash so that {@code html.Div([...])} reads {@code Html.Div(...)}. Each takes the children.
 */
public final class Html {

    /** The namespace Dash gives these components on the wire. */
    public static final String NAMESPACE = "dash_html_components";

    private Html() {
    }

    public static Component element(String type, Object... children) {
        return Component.of(type, NAMESPACE, children);
    }

    public static Component Div(Object... children) { return element("Div", children); }
    public static Component P(Object... children) { return element("P", children); }
    public static Component Span(Object... children) { return element("Span", children); }
    public static Component H1(Object... children) { return element("H1", children); }
    public static Component H2(Object... children) { return element("H2", children); }
    public static Component H3(Object... children) { return element("H3", children); }
    public static Component H4(Object... children) { return element("H4", children); }
    public static Component H5(Object... children) { return element("H5", children); }
    public static Component H6(Object... children) { return element("H6", children); }
    public static Component Button(Object... children) { return element("Button", children); }
    public static Component Label(Object... children) { return element("Label", children); }
    public static Component A(Object... children) { return element("A", children); }
    public static Component Ul(Object... children) { return element("Ul", children); }
    public static Component Ol(Object... children) { return element("Ol", children); }
    public static Component Li(Object... children) { return element("Li", children); }
    public static Component Pre(Object... children) { return element("Pre", children); }
    public static Component Code(Object... children) { return element("Code", children); }
    public static Component B(Object... children) { return element("B", children); }
    public static Component Strong(Object... children) { return element("Strong", children); }
    public static Component Em(Object... children) { return element("Em", children); }
    public static Component Section(Object... children) { return element("Section", children); }
    public static Component Header(Object... children) { return element("Header", children); }
    public static Component Footer(Object... children) { return element("Footer", children); }
    public static Component Main(Object... children) { return element("Main", children); }
    public static Component Nav(Object... children) { return element("Nav", children); }
    public static Component Table(Object... children) { return element("Table", children); }
    public static Component Thead(Object... children) { return element("Thead", children); }
    public static Component Tbody(Object... children) { return element("Tbody", children); }
    public static Component Tr(Object... children) { return element("Tr", children); }
    public static Component Th(Object... children) { return element("Th", children); }
    public static Component Td(Object... children) { return element("Td", children); }
    public static Component Br() { return element("Br"); }
    public static Component Hr() { return element("Hr"); }

    /** {@code html.Img(src=...)}. */
    public static Component Img(String src) { return element("Img").prop("src", src); }

    /** {@code html.Progress(value=..., max=...)}: the HTML {@code <progress>} element. */
    public static Component Progress() { return element("Progress"); }
}
