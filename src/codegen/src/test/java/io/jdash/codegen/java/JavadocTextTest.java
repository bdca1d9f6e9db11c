package io.jdash.codegen.java;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavadocTextTest {

    @Test
    void htmlCharactersAndCommentEndsAreEscaped() {
        assertEquals(List.of("a &lt;div&gt; &amp; *&#47; &#64;param &#92;u0041"),
                JavadocText.lines("a <div> & */ @param \\u0041"));
    }

    @Test
    void codeSpansBecomeCodeTagsUnlessTheirBracesWouldBreakThem() {
        assertEquals(List.of("set {@code n_clicks} or <code>{a</code>"), JavadocText.lines("set `n_clicks` or `{a`"));
        assertEquals("{@code {'visibility': 'hidden'}}", JavadocText.code("{'visibility': 'hidden'}"));
        assertEquals("<code>a@b</code>", JavadocText.code("a@b").replace("&#64;", "@"));
    }

    @Test
    void blankLinesStartParagraphsAndFencesBecomePre() {
        assertEquals(List.of("one", "", "<p>two"), JavadocText.lines("one\n\ntwo"));
        assertEquals(List.of("see <pre>x &lt; 1</pre>"), JavadocText.lines("see ```js\nx < 1```"));
    }
}
