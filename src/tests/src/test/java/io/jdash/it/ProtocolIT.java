package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The servlets and the Dash protocol, spoken over plain HTTP to the deployed WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProtocolIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @ArquillianResource
    URL base;

    private TestClient http() {
        return TestClient.of(base);
    }

    private static String update(String output, String inputId, String property, String valueJson) {
        return "{\"output\":\"" + output + "\",\"inputs\":[{\"id\":\"" + inputId + "\",\"property\":\"" + property
                + "\",\"value\":" + valueJson + "}],\"state\":[],\"changedPropIds\":[\"" + inputId + "." + property + "\"]}";
    }

    @Test
    void galleryListsEveryAppWithALink() throws Exception {
        HttpResponse<String> page = http().get("/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("href=\"/apps/hello/\""), page.body());
        assertTrue(page.body().contains("Hello, callbacks"));
        assertTrue(page.body().contains("<code>hello</code>"));
        assertTrue(page.body().contains("Probe &lt;script&gt;"), "titles are escaped in the gallery");
    }

    @Test
    void anAppOnDashsRendererGetsDashsIndexPageWithNoInlineScript() throws Exception {
        HttpResponse<String> page = http().get("/apps/hello/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        String html = page.body();
        assertTrue(html.contains("<div id=\"react-entry-point\">"), html);
        assertTrue(html.contains("<title>Hello, callbacks</title>"), html);
        JsonObject config = (JsonObject) TestClient.json(between(html, "<script id=\"_dash-config\" type=\"application/json\">", "</script>"));
        assertEquals("/apps/hello/", config.getString("requests_pathname_prefix"));
        assertFalse(config.getBoolean("ui"), "production mode: no dev tools");
        assertEquals("jdash-csrf", config.getString("csrf_token_name"));
        assertEquals("X-JDash-CSRF", config.getString("csrf_header_name"));
        List<String> scripts = Pattern.compile("<script([^>]*)>").matcher(html).results().map(m -> m.group(1)).toList();
        for (String attributes : scripts) {
            assertTrue(attributes.contains(" src=\"/apps/hello/_dash-component-suites/")
                    || attributes.contains("type=\"application/json\""), "no inline script: " + attributes);
        }
        assertTrue(scripts.stream().anyMatch(a -> a.matches(
                " src=\"/apps/hello/_dash-component-suites/dash/dash-renderer/build/dash_renderer\\.min\\.v[0-9a-f]{12}\\.js\"")),
                "the renderer, fingerprinted: " + scripts);
        assertTrue(scripts.get(scripts.size() - 1).contains("jdash/renderer-init."), "the renderer starts last");
        String cookies = String.join(";", page.headers().allValues("Set-Cookie"));
        assertTrue(cookies.contains("jdash-csrf="), "the renderer reads its CSRF token from a cookie: " + cookies);
    }

    @Test
    void suiteFilesAreCachedByFingerprintAndGzipped() throws Exception {
        String html = http().get("/apps/hello/").body();
        Matcher dcc = Pattern.compile("src=\"(/apps/hello/_dash-component-suites/dash/dcc/dash_core_components\\.v[0-9a-f]{12}\\.js)\"")
                .matcher(html);
        assertTrue(dcc.find(), html);
        HttpResponse<byte[]> gzipped = http().getBytes(dcc.group(1), "Accept-Encoding", "gzip");
        assertEquals(200, gzipped.statusCode());
        assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals("public, max-age=31536000, immutable", gzipped.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(gzipped.headers().firstValue("Content-Type").orElse("").startsWith("text/javascript"));
        assertEquals(0x1f, gzipped.body()[0] & 0xff, "gzip magic");

        // a chunk the suite loads by its plain name: revalidated by ETag
        HttpResponse<byte[]> chunk = http().getBytes("/apps/hello/_dash-component-suites/dash/dcc/async-dropdown.js");
        assertEquals(200, chunk.statusCode());
        assertEquals("no-cache", chunk.headers().firstValue("Cache-Control").orElse(""));
        assertTrue(chunk.headers().firstValue("Content-Encoding").isEmpty(), "no gzip unless asked for");
        String etag = chunk.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, http().getBytes("/apps/hello/_dash-component-suites/dash/dcc/async-dropdown.js",
                "If-None-Match", etag).statusCode());

        for (String missing : List.of("dash/dcc/nothing.js", "dash/dcc/../../../beans.xml", "dash/%2e%2e/x.js",
                "META-INF/beans.xml", "dash/dcc/async-dropdown.exe")) {
            assertRefused(404, http().get("/apps/hello/_dash-component-suites/" + missing));
        }
        for (String missing : List.of("nothing.css", "../../WEB-INF/web.xml", "%2e%2e/%2e%2e/WEB-INF/web.xml", "style.css/..",
                ".hidden.css")) {
            assertRefused(404, http().get("/apps/features/assets/" + missing));
        }
        assertEquals(200, http().get("/apps/features/assets/style.css").statusCode(), "the app's own asset is served");
        assertRefused(405, http().postJson("/apps/hello/_dash-component-suites/dash/dcc/async-dropdown.js", "{}"));
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertTrue(from >= 0, "no " + start + " in " + text);
        from += start.length();
        return text.substring(from, text.indexOf(end, from));
    }

    @Test
    void hostilePropValuesAreEscapedInThePageAndTravelAsJsonData() throws Exception {
        String html = http().get("/apps/probe/").body();
        assertFalse(html.contains("<script>window.pwned"), "a <script> value must not become a script");
        assertTrue(html.contains("<title>Probe &lt;script&gt;window.pwned=1&lt;/script&gt;</title>"), html);
        // Dash's renderer gets the layout as JSON data (never parsed as HTML), with '<' escaped anyway
        HttpResponse<String> layout = http().get("/apps/probe/_dash-layout");
        assertTrue(layout.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonObject hostile = findById(TestClient.object(layout), "hostile");
        var children = hostile.getJsonObject("props").get("children");
        assertEquals("<script>window.pwned=1</script>", children instanceof jakarta.json.JsonArray array
                ? array.getString(0) : ((jakarta.json.JsonString) children).getString());
        assertEquals("\"><img src=x onerror=alert(1)>", hostile.getJsonObject("props").getString("title"));
    }

    /** The component with this id in a layout, depth first. */
    private static JsonObject findById(JsonObject component, String id) {
        JsonObject props = component.getJsonObject("props");
        if (props == null) {
            return null;
        }
        if (id.equals(props.get("id") instanceof jakarta.json.JsonString s ? s.getString() : null)) {
            return component;
        }
        var children = props.get("children");
        var list = children instanceof jakarta.json.JsonArray array ? array
                : children instanceof JsonObject one ? jakarta.json.Json.createArrayBuilder().add(one).build() : null;
        if (list != null) {
            for (var child : list) {
                if (child instanceof JsonObject object) {
                    JsonObject found = findById(object, id);
                    if (found != null) {
                        return found;
                    }
                }
            }
        }
        return null;
    }

    @Test
    void viewSourceServesTheExampleJavaFileAsText() throws Exception {
        HttpResponse<String> source = http().get("/source/hello");
        assertEquals(200, source.statusCode());
        assertTrue(source.headers().firstValue("Content-Type").orElse("").startsWith("text/plain"));
        assertTrue(source.body().contains("public class HelloApp implements DashApp"), source.body());
        assertRefused(404, http().get("/source/probe"));
    }

    @Test
    void appWithoutTrailingSlashRedirects() throws Exception {
        HttpResponse<String> answer = http().get("/apps/hello");
        assertEquals(302, answer.statusCode());
        assertTrue(answer.headers().firstValue("Location").orElse("").endsWith("/apps/hello/"));
    }

    @Test
    void layoutIsServedInDashShape() throws Exception {
        HttpResponse<String> answer = http().get("/apps/hello/_dash-layout");
        assertEquals(200, answer.statusCode());
        JsonObject root = TestClient.object(answer);
        assertEquals("Div", root.getString("type"));
        assertEquals("dash_html_components", root.getString("namespace"));
        JsonObject input = root.getJsonObject("props").getJsonArray("children").getJsonObject(1)
                .getJsonObject("props").getJsonArray("children").getJsonObject(1);
        assertEquals("dash_core_components", input.getString("namespace"));
        assertEquals("my-input", input.getJsonObject("props").getString("id"));
        assertEquals("initial value", input.getJsonObject("props").getString("value"));
    }

    @Test
    void dependenciesAreInDashsShape() throws Exception {
        JsonArray deps = (JsonArray) TestClient.json(http().get("/apps/hello/_dash-dependencies"));
        assertEquals(2, deps.size());
        JsonObject first = deps.getJsonObject(0);
        assertEquals("my-output.children", first.getString("output"));
        assertEquals("my-input", first.getJsonArray("inputs").getJsonObject(0).getString("id"));
        assertEquals("value", first.getJsonArray("inputs").getJsonObject(0).getString("property"));
        assertEquals(0, first.getJsonArray("state").size());
        assertFalse(first.getBoolean("prevent_initial_call"));
        assertFalse(first.getBoolean("no_output"));
        assertTrue(first.isNull("clientside_function"));
        assertFalse(first.containsKey("upstream"), "JDash's older runtime's field is not Dash's: " + first);
    }

    @Test
    void callbackAnswersWithItsOutputs() throws Exception {
        HttpResponse<String> answer = http().postJson("/apps/hello/_dash-update-component",
                update("my-output.children", "my-input", "value", "\"typed\""));
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject body = TestClient.object(answer);
        assertTrue(body.getBoolean("multi"));
        assertEquals("Output: typed", body.getJsonObject("response").getJsonObject("my-output").getString("children"));
    }

    @Test
    void noUpdateLeavesThatOutputOutAndStateAndContextReachTheCallback() throws Exception {
        JsonObject both = TestClient.object(http().postJson("/apps/probe/_dash-update-component",
                update("..left.children...right.children..", "both", "n_clicks", "3")));
        JsonObject response = both.getJsonObject("response");
        assertEquals("left 3", response.getJsonObject("left").getString("children"));
        assertFalse(response.containsKey("right"), "noUpdate output must be absent: " + both);

        HttpResponse<String> ctx = http().postJson("/apps/probe/_dash-update-component",
                "{\"output\":\"ctx-out.children\",\"inputs\":[{\"id\":\"both\",\"property\":\"n_clicks\",\"value\":1}],"
                        + "\"state\":[{\"id\":\"word\",\"property\":\"value\",\"value\":\"kept\"}],\"changedPropIds\":[\"both.n_clicks\"]}");
        assertEquals("both with kept", TestClient.object(ctx).getJsonObject("response").getJsonObject("ctx-out").getString("children"));
    }

    @Test
    void preventUpdateAnswers204() throws Exception {
        HttpResponse<String> answer = http().postJson("/apps/probe/_dash-update-component",
                update("prevent-out.children", "prevent", "n_clicks", "1"));
        assertEquals(204, answer.statusCode());
        assertEquals("", answer.body());
    }

    @Test
    void failingCallbackAnswers500WithItsMessageAndNoStackTrace() throws Exception {
        HttpResponse<String> answer = http().postJson("/apps/probe/_dash-update-component",
                update("fail-out.children", "fail", "n_clicks", "1"));
        assertEquals(500, answer.statusCode());
        assertJsonError(answer);
        assertTrue(TestClient.object(answer).getString("error").contains("the probe failed on purpose"));
        assertFalse(answer.body().contains("\tat "), "no stack trace to the browser");
        // the app keeps serving its other callbacks
        assertEquals(200, http().postJson("/apps/probe/_dash-update-component",
                update("..left.children...right.children..", "both", "n_clicks", "1")).statusCode());
    }

    @Test
    void malformedJsonIs400() throws Exception {
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component", "{\"output\": \"my-output.children\", "));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component", "[1, 2, 3]"));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component", "\"just a string\""));
        HttpResponse<String> wrongType = http().postJson("/apps/hello/_dash-update-component",
                "{\"output\": \"my-output.children\", \"inputs\": \"x\"}");
        assertRefused(400, wrongType);
        assertEquals("the body is not a callback request: property 'inputs' is a string; expected an array",
                TestClient.object(wrongType).getString("error"), "told in the request's terms");
    }

    @Test
    void emptyBodyIs400() throws Exception {
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component", ""));
    }

    @Test
    void wrongContentTypeIs415() throws Exception {
        assertRefused(415, http().post("/apps/hello/_dash-update-component", "text/plain",
                update("my-output.children", "my-input", "value", "\"x\"")));
        assertRefused(415, http().post("/apps/hello/_dash-update-component", null, "{}"));
    }

    @Test
    void unknownOutputIs404AndMismatchedInputsAre400() throws Exception {
        assertRefused(404, http().postJson("/apps/hello/_dash-update-component",
                update("nobody.children", "my-input", "value", "\"x\"")));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component",
                update("my-output.children", "someone-else", "value", "\"x\"")));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component",
                update("my-output.children", "my-input", "n_clicks", "1")));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component",
                "{\"output\":\"my-output.children\",\"inputs\":[]}"));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component",
                "{\"output\":\"my-output.children\",\"inputs\":[{\"id\":{\"type\":\"x\"},\"property\":\"value\",\"value\":1}]}"));
        assertRefused(400, http().postJson("/apps/hello/_dash-update-component", "{\"inputs\":[]}"));
    }

    @Test
    void bodyOverTheLimitIs413() throws Exception {
        String huge = update("my-output.children", "my-input", "value", "\"" + "x".repeat(1024 * 1024 + 10) + "\"");
        assertRefused(413, http().postJson("/apps/hello/_dash-update-component", huge));
    }

    @Test
    void unknownAppAndUnknownEndpointAre404() throws Exception {
        assertRefused(404, http().get("/apps/no-such-app/"));
        assertRefused(404, http().postJson("/apps/no-such-app/_dash-update-component", "{}"));
        assertRefused(404, http().get("/apps/hello/_no-such-endpoint"));
        assertRefused(404, http().get("/apps/"));
    }

    @Test
    void wrongMethodIs405() throws Exception {
        assertRefused(405, http().get("/apps/hello/_dash-update-component"));
        assertRefused(405, http().postJson("/apps/hello/_dash-layout", "{}"));
        assertRefused(405, http().send(HttpRequest.newBuilder(java.net.URI.create(base + "apps/hello/"))
                .DELETE()));
    }

    @Test
    void serverKeepsServingAfterBadInput() throws Exception {
        for (int i = 0; i < 20; i++) {
            http().postJson("/apps/hello/_dash-update-component", "{ nope");
        }
        assertEquals(200, http().postJson("/apps/hello/_dash-update-component",
                update("my-output.children", "my-input", "value", "\"still here\"")).statusCode());
    }

    @Test
    void everyAnswerCarriesTheSecurityHeadersAndNoServerVersion() throws Exception {
        for (HttpResponse<String> answer : java.util.List.of(http().get("/"), http().get("/apps/hello/"),
                http().get("/apps/no-such-app/"), http().get("/apps/hello/_dash-layout"))) {
            String csp = answer.headers().firstValue("Content-Security-Policy").orElse("");
            String scriptSrc = java.util.Arrays.stream(csp.split(";")).map(String::trim)
                    .filter(directive -> directive.startsWith("script-src")).findFirst().orElse("");
            assertEquals("script-src 'self'", scriptSrc, answer.uri() + ": " + csp);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), answer.uri().toString());
            assertEquals("same-origin", answer.headers().firstValue("Referrer-Policy").orElse(""));
            assertTrue(answer.headers().firstValue("Server").isEmpty(), "Server header: " + answer.headers().map());
            assertTrue(answer.headers().firstValue("X-Powered-By").isEmpty(), "X-Powered-By: " + answer.headers().map());
        }
    }

    @Test
    void theOlderRuntimesPathsAreGoneAndPagesAreNotZipped() throws Exception {
        var client = java.net.http.HttpClient.newHttpClient(); // never decompresses: the bytes as sent
        for (String path : List.of("/vendor/preact/dist/preact.module.js", "/runtime/app.js")) {
            HttpResponse<String> gone = client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(404, gone.statusCode(), path);
        }
        TestClient page0 = TestClient.open(base, "hello");
        var oldSocket = URI.create(base.toString()).resolve("/apps/hello/_jdash-push");
        org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.ExecutionException.class,
                () -> TestSocket.connect(oldSocket, page0.cookieHeader()).close(), "JDash's own push socket is gone");
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve("/apps/hello/"))
                .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(page.headers().firstValue("Content-Encoding").isEmpty(), "pages are not zipped");
    }

    @Test
    void theOwnerCookieIsARandomSignedOwnerHttpOnlySameSiteLaxForTheWholeSiteAndNoSessionIsMade() throws Exception {
        HttpResponse<String> page = http().get("/apps/hello/");
        List<String> setCookies = page.headers().allValues("Set-Cookie");
        assertTrue(setCookies.stream().noneMatch(c -> c.startsWith("JSESSIONID")), "no session: " + setCookies);
        List<String> owners = setCookies.stream().filter(c -> c.startsWith("jdash-owner=")).toList();
        assertEquals(1, owners.size(), "one owner cookie: " + setCookies);
        String cookie = owners.get(0);
        assertTrue(cookie.matches("jdash-owner=[0-9a-f]{32}\\.[A-Za-z0-9_-]{22};.*"), cookie);
        List<String> attributes = Arrays.stream(cookie.split(";")).skip(1).map(String::trim)
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        assertTrue(attributes.contains("httponly"), cookie);
        assertTrue(attributes.contains("samesite=lax"), cookie);
        assertTrue(attributes.contains("path=/"), cookie);
        assertFalse(attributes.contains("secure"), "plain HTTP: not Secure (it is behind TLS): " + cookie);
        assertTrue(attributes.stream().noneMatch(a -> a.startsWith("max-age") || a.startsWith("expires")),
                "a browser-session cookie: " + cookie);
        assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("JSESSIONID")));
        assertFalse(http().get("/apps/probe/").headers().firstValue("Set-Cookie").orElse("")
                .equals(cookie), "every new browser gets its own owner");
    }

    @Test
    void overTlsTheOwnerCookieIsSecureAndHostPrefixed() throws Exception {
        // WildFly's own https listener (8443 + offset) with the self-signed certificate it makes on first use
        var trustAll = new javax.net.ssl.X509TrustManager() {
            @Override
            public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String type) {
            }

            @Override
            public java.security.cert.X509Certificate[] getAcceptedIssuers() {
                return new java.security.cert.X509Certificate[0];
            }
        };
        var tls = javax.net.ssl.SSLContext.getInstance("TLS");
        tls.init(null, new javax.net.ssl.TrustManager[] {trustAll}, null);
        int port = 8443 + Integer.getInteger("jdash.test.portOffset", 100);
        var page = (javax.net.ssl.HttpsURLConnection) new URL("https://127.0.0.1:" + port + "/apps/hello/").openConnection();
        page.setSSLSocketFactory(tls.getSocketFactory());
        page.setHostnameVerifier((host, session) -> true);
        assertEquals(200, page.getResponseCode());
        String cookie = ownerCookieOf(page);
        assertTrue(cookie.startsWith("__Host-jdash-owner="), "no other host nor a plain-HTTP page can set it: " + cookie);
        List<String> attributes = Arrays.stream(cookie.split(";")).skip(1).map(String::trim)
                .map(a -> a.toLowerCase(Locale.ROOT)).toList();
        assertTrue(attributes.contains("secure"), cookie);
        assertTrue(attributes.contains("path=/"), "__Host- needs Path=/: " + cookie);
        assertTrue(attributes.stream().noneMatch(a -> a.startsWith("domain")), "__Host- allows no Domain: " + cookie);
        page.disconnect();

        // over TLS the plain-named cookie, which any page of the host may set, is not read: a fresh owner is issued
        TestClient plain = http();
        plain.get("/apps/hello/");
        var again = (javax.net.ssl.HttpsURLConnection) new URL("https://127.0.0.1:" + port + "/apps/hello/").openConnection();
        again.setSSLSocketFactory(tls.getSocketFactory());
        again.setHostnameVerifier((host, session) -> true);
        again.setRequestProperty("Cookie", "jdash-owner=" + plain.owner());
        assertEquals(200, again.getResponseCode());
        String fresh = ownerCookieOf(again);
        assertTrue(fresh.startsWith("__Host-jdash-owner=") && !fresh.contains(plain.owner()),
                "a plain owner cookie is no owner over TLS: " + fresh);
        again.disconnect();
    }

    /** The owner cookie the answer sets ("" when none), among its Set-Cookie headers. */
    private static String ownerCookieOf(java.net.HttpURLConnection answer) {
        return answer.getHeaderFields().entrySet().stream()
                .filter(header -> "Set-Cookie".equalsIgnoreCase(header.getKey()))
                .flatMap(header -> header.getValue().stream())
                .filter(cookie -> cookie.contains("jdash-owner=")).findFirst().orElse("");
    }

    @Test
    void anIssuedOwnerCookieIsKeptAndOneTheServerDidNotIssueIsReplaced() throws Exception {
        TestClient browser = http();
        String token = browser.csrf();
        String owner = browser.owner();
        HttpResponse<String> again = browser.get("/apps/simple/");
        assertTrue(again.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("jdash-owner=")),
                "a valid owner is kept: " + again.headers().map());
        assertEquals(token, CsrfMeta.of(again), "the same owner, the same token, on every page");

        String unsigned = owner.substring(0, 32);
        String forged = "0123456789abcdef0123456789abcdef" + owner.substring(32); // another owner, this signature
        for (String malformed : List.of(unsigned, forged, owner.toUpperCase(Locale.ROOT), owner.substring(1),
                owner + "0", "x", "")) {
            HttpResponse<String> answer = http().send(HttpRequest.newBuilder(URI.create(base + "apps/hello/"))
                    .header("Cookie", "jdash-owner=" + malformed));
            String fresh = answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("jdash-owner="))
                    .findFirst().orElse("");
            assertTrue(fresh.matches("jdash-owner=[0-9a-f]{32}\\.[A-Za-z0-9_-]{22};.*"),
                    "'" + malformed + "', which the server did not issue, gets a new owner: " + fresh);
            assertFalse(fresh.contains(unsigned), fresh);
        }
    }

    @Test
    void aStateChangingRequestNeedsItsOwnersCsrfToken() throws Exception {
        TestClient browser = http();
        TestClient other = http();
        String token = browser.csrf();
        String body = update("my-output.children", "my-input", "value", "\"x\"");
        URI endpoint = URI.create(base + "apps/hello/_dash-update-component");
        HttpResponse<String> missing = browser.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertRefused(403, missing);
        assertTrue(TestClient.object(missing).getString("error").contains("X-JDash-CSRF"), missing.body());
        for (String wrong : List.of(token.substring(1), token.toUpperCase(Locale.ROOT), "x", other.csrf())) {
            assertRefused(403, browser.send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                    .header(CsrfMeta.HEADER, wrong).POST(HttpRequest.BodyPublishers.ofString(body))));
        }
        assertRefused(403, http().send(HttpRequest.newBuilder(endpoint).header("Content-Type", "application/json")
                .header(CsrfMeta.HEADER, token).POST(HttpRequest.BodyPublishers.ofString(body))),
                "the token without its owner cookie");
        HttpResponse<String> right = browser.send(HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/json").header(CsrfMeta.HEADER, token)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, right.statusCode(), right.body());

        // a cancel too: refused without the token, before the job is even looked up
        HttpResponse<String> job = browser.postJson("/apps/probe/_dash-update-component",
                update("slow-out.children", "slow", "n_clicks", "1"));
        URI jobUri = URI.create(base + "apps/probe/_jdash-jobs/" + acceptedJob(job));
        assertRefused(403, browser.send(HttpRequest.newBuilder(jobUri).DELETE()));
        assertRefused(403, browser.send(HttpRequest.newBuilder(jobUri).header(CsrfMeta.HEADER, other.csrf()).DELETE()));
        assertEquals(204, browser.send(HttpRequest.newBuilder(jobUri).header(CsrfMeta.HEADER, token).DELETE()).statusCode());
        assertEquals(200, browser.get(jobUri.getPath()).statusCode(), "GET needs no token");
    }

    @Test
    void aCallbackPostFromAnotherSiteIs403AndFromThisSiteWorks() throws Exception {
        String body = update("my-output.children", "my-input", "value", "\"x\"");
        String self = "http://" + base.getHost() + ":" + base.getPort();
        HttpResponse<String> foreign = http().send(HttpRequest.newBuilder(java.net.URI.create(base + "apps/hello/_dash-update-component"))
                .header("Content-Type", "application/json").header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertRefused(403, foreign);
        TestClient browser = http();
        HttpResponse<String> same = browser.send(HttpRequest.newBuilder(java.net.URI.create(base + "apps/hello/_dash-update-component"))
                .header("Content-Type", "application/json").header("Origin", self).header(CsrfMeta.HEADER, browser.csrf())
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(200, same.statusCode(), same.body());
    }

    @Test
    void aSocketOpenedFromAnotherSiteIsRefusedAtTheHandshake() throws Exception {
        var cookies = new java.net.CookieManager();
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        var app = java.net.URI.create(base + "apps/hello/");
        client.send(HttpRequest.newBuilder(app).GET().build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookies.getCookieStore().get(app).stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining("; "));
        var socket = client.newWebSocketBuilder().header("Cookie", cookie).header("Origin", "http://evil.example")
                .buildAsync(java.net.URI.create(app.toString().replaceFirst("^http", "ws") + "_dash-ws"),
                        new java.net.http.WebSocket.Listener() { });
        var failed = assertThrows(java.util.concurrent.ExecutionException.class,
                () -> socket.get(10, java.util.concurrent.TimeUnit.SECONDS), "Dash's renderer's socket");
        assertTrue(failed.getCause() instanceof java.net.http.WebSocketHandshakeException, failed.toString());
        var refused = ((java.net.http.WebSocketHandshakeException) failed.getCause()).getResponse();
        assertEquals(403, refused.statusCode(), "refused at the handshake, not opened and closed");
        var same = client.newWebSocketBuilder().header("Cookie", cookie)
                .header("Origin", base.toString().replaceFirst("/$", ""))
                .buildAsync(java.net.URI.create(app.toString().replaceFirst("^http", "ws") + "_dash-ws"),
                        new java.net.http.WebSocket.Listener() { }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        same.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done"); // this site's own page opens it
    }

    @Test
    void aSessionWithAHundredUnfinishedJobsGets429ForTheNext() throws Exception {
        var cookies = new java.net.CookieManager();
        var client = java.net.http.HttpClient.newBuilder().cookieHandler(cookies).build();
        var app = java.net.URI.create(base + "apps/probe/");
        String csrf = CsrfMeta.of(client.send(HttpRequest.newBuilder(app).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
        var jobs = new java.util.ArrayList<String>();
        try {
            for (int i = 1; i <= 101; i++) {
                HttpResponse<String> answer = client.send(HttpRequest.newBuilder(app.resolve("_dash-update-component"))
                        .header("Content-Type", "application/json").header(CsrfMeta.HEADER, csrf)
                        .POST(HttpRequest.BodyPublishers.ofString(update("slow-out.children", "slow", "n_clicks", "" + i)))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (i <= 100) {
                    jobs.add(acceptedJob(answer));
                } else {
                    assertRefused(429, answer);
                }
            }
        } finally {
            for (String job : jobs) {
                client.send(HttpRequest.newBuilder(app.resolve("_jdash-jobs/" + job)).header(CsrfMeta.HEADER, csrf)
                                .DELETE().build(),
                        HttpResponse.BodyHandlers.ofString());
            }
        }
    }

    /** The job a background callback's first POST queued: Dash's HTTP background answer, 200 {@code {cacheKey, job}}. */
    private static String acceptedJob(HttpResponse<String> answer) {
        assertEquals(200, answer.statusCode(), answer.body());
        JsonObject accepted = TestClient.object(answer);
        assertEquals(accepted.getString("job"), accepted.getString("cacheKey"), answer.body());
        return accepted.getString("job");
    }

    private static void assertRefused(int status, HttpResponse<String> answer) {
        assertRefused(status, answer, "");
    }

    private static void assertRefused(int status, HttpResponse<String> answer, String what) {
        assertEquals(status, answer.statusCode(), what + ": " + answer.body());
        assertJsonError(answer);
    }

    private static void assertJsonError(HttpResponse<String> answer) {
        assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                "error answers are JSON: " + answer.headers().map());
        JsonObject body = TestClient.object(answer);
        assertFalse(body.getString("error").isBlank(), "an error answer carries a message");
        assertFalse(INTERNAL_NAME.matcher(body.getString("error")).find(),
                "an error answer speaks of the request, never of a Java class: " + body);
    }

    /** A Java package or class name in an answer ("java.util.List", "class io.jdash…", "interface …"). */
    private static final java.util.regex.Pattern INTERNAL_NAME = java.util.regex.Pattern.compile(
            "\\b(?:java|javax|jakarta|io\\.jdash|org\\.eclipse|org\\.jboss)\\.[a-z]|\\b(?:class|interface) [a-z]+\\.");
}
