package io.jdash.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void everyCharacterThatEndsATextNodeOrAQuotedAttributeIsAnEntity() {
        assertEquals("&amp;&lt;&gt;&quot;&#39;plain", HtmlText.escape("&<>\"'plain"));
        assertEquals("&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;",
                HtmlText.escape("</title><script>alert(1)</script>"));
    }

    @Test
    void otherTextIsKeptAsItIs() {
        assertEquals("Caf\u00e9 \u00b7 50% \u2014 a/b?c=d", HtmlText.escape("Caf\u00e9 \u00b7 50% \u2014 a/b?c=d"));
    }
}
