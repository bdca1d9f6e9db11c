package io.jdash.it;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a test client does as the page's runtime does: read the CSRF token from the page, send it as a header. */
final class CsrfMeta {

    static final String HEADER = "X-JDash-CSRF";
    private static final Pattern META = Pattern.compile("<meta name=\"jdash-csrf\" content=\"([^\"]*)\">");

    private CsrfMeta() {
    }

    /** The token of an app page's HTML; fails when the page carries none. */
    static String of(String html) {
        Matcher meta = META.matcher(html);
        if (!meta.find()) {
            throw new AssertionError("the page carries no <meta name=\"jdash-csrf\">");
        }
        return meta.group(1);
    }
}
