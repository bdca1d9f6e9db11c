package io.jdash.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void rendersNestedElementsWithTextAndNumbers() {
        String html = HtmlRenderer.render(Html.Div(Html.H1("Title"), Html.P("n = ", 42)));

        assertEquals("<div><h1>Title</h1><p>n = 42</p></div>", html);
    }

    @Test
    void rendersTheIdAsAnAttribute() {
        assertEquals("<div id=\"main\"></div>", HtmlRenderer.render(Html.Div().id("main")));
    }

    @Test
    void scriptInAChildIsRenderedAsText() {
        String html = HtmlRenderer.render(Html.P(SCRIPT));

        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>", html);
        assertFalse(html.contains("<script"));
    }

    @Test
    void scriptInAPropIsRenderedAsText() {
        String html = HtmlRenderer.render(Html.Div().prop("title", SCRIPT));

        assertEquals("<div title=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></div>", html);
    }

    @Test
    void quotesInAnAttributeCannotCloseIt() {
        String html = HtmlRenderer.render(Html.Div().prop("title", "a\" onclick=\"alert(1)").id("x' y"));

        assertEquals("<div id=\"x&#39; y\" title=\"a&quot; onclick=&quot;alert(1)\"></div>", html);
    }

    @Test
    void scriptInAStyleValueIsEscaped() {
        String html = HtmlRenderer.render(Html.Div().style(Map.of("color", "\"><script>alert(1)</script>")));

        assertFalse(html.contains("<script"), html);
        assertTrue(html.contains("style=\"color:&quot;&gt;&lt;script&gt;"), html);
    }

    @Test
    void scriptInADataAttributeIsEscaped() {
        String html = HtmlRenderer.render(Html.Div().prop("data-note", SCRIPT));

        assertEquals("<div data-note=\"&lt;script&gt;alert(1)&lt;/script&gt;\"></div>", html);
    }

    @Test
    void escapeReplacesEveryHtmlSpecialCharacter() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;plain", HtmlRenderer.escape("&<>\"'plain"));
    }

    @Test
    void dashPropNamesAreWrittenAsHtmlAttributeNames() {
        String html = HtmlRenderer.render(Html.Label("Name").className("big").prop("htmlFor", "name").prop("tabIndex", 2));

        assertEquals("<label class=\"big\" for=\"name\" tabindex=\"2\">Name</label>", html);
    }

    @Test
    void ariaAndDataPropsAreWrittenAsIs() {
        String html = HtmlRenderer.render(Html.Div().prop("aria-label", "close").prop("data-count", 3));

        assertEquals("<div aria-label=\"close\" data-count=\"3\"></div>", html);
    }

    @Test
    void propsWithNoAttributeStayOutOfTheHtml() {
        String html = HtmlRenderer.render(Html.Button("Go").id("b").nClicks(5).prop("onClick", "alert(1)"));

        assertEquals("<button id=\"b\">Go</button>", html);
    }

    @Test
    void aTrueBooleanAttributeIsWrittenByNameAndAFalseOneIsLeftOut() {
        assertEquals("<button disabled>Go</button>", HtmlRenderer.render(Html.Button("Go").disabled(true)));
        assertEquals("<button>Go</button>", HtmlRenderer.render(Html.Button("Go").disabled(false)));
    }

    @Test
    void numericAttributesAreWrittenAsNumbers() {
        String html = HtmlRenderer.render(Html.Progress().prop("value", 30).prop("max", 100));

        assertEquals("<progress value=\"30\" max=\"100\"></progress>", html);
    }

    @Test
    void styleMapBecomesCssWithKebabCaseKeys() {
        var style = new LinkedHashMap<String, Object>();
        style.put("backgroundColor", "red");
        style.put("visibility", "hidden");

        String html = HtmlRenderer.render(Html.Div().style(style));

        assertEquals("<div style=\"background-color:red;visibility:hidden\"></div>", html);
    }

    @Test
    void dimensionedNumbersInStyleGetPx() {
        var style = new LinkedHashMap<String, Object>();
        style.put("width", 10);
        style.put("marginTop", 2.5);
        style.put("fontSize", 0);

        assertEquals("width:10px;margin-top:2.5px;font-size:0px", HtmlRenderer.css(style));
    }

    @Test
    void unitlessNumbersInStyleStayPlain() {
        var style = new LinkedHashMap<String, Object>();
        style.put("opacity", 0.5);
        style.put("zIndex", 3);
        style.put("flexGrow", 1);
        style.put("lineHeight", 1.2);
        style.put("fontWeight", 700);
        style.put("order", 2);
        style.put("zoom", 2);

        assertEquals("opacity:0.5;z-index:3;flex-grow:1;line-height:1.2;font-weight:700;order:2;zoom:2",
                HtmlRenderer.css(style));
    }

    @Test
    void stringValuesInStyleAreWrittenAsGiven() {
        assertEquals("width:50%", HtmlRenderer.css(Map.of("width", "50%")));
    }

    @Test
    void nullValuesInStyleAreLeftOut() {
        var style = new LinkedHashMap<String, Object>();
        style.put("color", null);
        style.put("width", 1);

        assertEquals("width:1px", HtmlRenderer.css(style));
    }

    @Test
    void voidElementsHaveNoClosingTagAndNoChildren() {
        assertEquals("<br>", HtmlRenderer.render(Html.Br()));
        assertEquals("<hr>", HtmlRenderer.render(Html.Hr()));
        assertEquals("<img src=\"/a.png\" alt=\"logo\">", HtmlRenderer.render(Html.Img().src("/a.png").prop("alt", "logo")));
        assertEquals("<div>a<br>b</div>", HtmlRenderer.render(Html.Div("a", Html.Br(), "b")));
    }

    @Test
    void dccStoreAndIntervalRenderNothing() {
        String html = HtmlRenderer.render(Html.Div(
                "before",
                Dcc.Store().id("store").prop("data", SCRIPT),
                Dcc.Interval().interval(1000).nIntervals(0).id("tick"),
                "after"));

        assertEquals("<div>beforeafter</div>", html);
    }

    @Test
    void dccInputIsATextInputByDefault() {
        String html = HtmlRenderer.render(Dcc.Input().id("in").value("hello"));

        assertEquals("<input id=\"in\" type=\"text\" value=\"hello\">", html);
    }

    @Test
    void dccInputKeepsAnExplicitType() {
        String html = HtmlRenderer.render(Dcc.Input().prop("type", "number").value(3));

        assertEquals("<input type=\"number\" value=\"3\">", html);
    }

    @Test
    void dccInputValueIsEscaped() {
        String html = HtmlRenderer.render(Dcc.Input().value("\"><script>alert(1)</script>"));

        assertEquals("<input type=\"text\" value=\"&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;\">", html);
    }

    @Test
    void componentsOfOtherNamespacesRenderAsDiv() {
        Component custom = Component.of("Graph", "dash_custom", "inside").id("g");

        assertEquals("<div id=\"g\">inside</div>", HtmlRenderer.render(custom));
    }

    @Test
    void scriptUrlsInHrefAndSrcBecomeAboutBlank() {
        assertEquals("about:blank", HtmlRenderer.safeUrl("javascript:alert(1)"));
        assertEquals("about:blank", HtmlRenderer.safeUrl("  JavaScript:alert(1)"));
        assertEquals("about:blank", HtmlRenderer.safeUrl("java\tscript:alert(1)"));
        assertEquals("about:blank", HtmlRenderer.safeUrl("vbscript:x"));
        assertEquals("about:blank", HtmlRenderer.safeUrl("data:text/html,<script>alert(1)</script>"));
        assertEquals("https://example.org/a?b=c", HtmlRenderer.safeUrl("https://example.org/a?b=c"));
        assertEquals("/apps/hello/", HtmlRenderer.safeUrl("/apps/hello/"));
        String html = HtmlRenderer.render(Html.A("x").prop("href", "javascript:alert(1)"));
        assertEquals("<a href=\"about:blank\">x</a>", html);
    }
}
