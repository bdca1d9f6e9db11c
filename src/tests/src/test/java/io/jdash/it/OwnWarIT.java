package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * JDash used as a user would: a WAR of their own with the jdash jar in WEB-INF/lib and one app (no XML of its own),
 * deployed at {@code /mine} beside another WAR that has its own servlets at the server's root, {@code /} — including
 * {@code /apps/*}. Both serve: JDash's filter, servlet and headers stay inside the WAR that has the jar. A third
 * WAR mounts its apps elsewhere ({@code jdash.mount-path=/tools/dash} in its microprofile-config.properties).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnWarIT {

    private static final String JBOSS_WEB_ROOT = "<jboss-web xmlns=\"urn:jboss:jakartaee:1.0\" version=\"15.0\">"
            + "<context-root>/</context-root></jboss-web>";

    @Deployment(name = "host", order = 1, testable = false)
    static WebArchive hostAtRoot() {
        return ShrinkWrap.create(WebArchive.class, "host.war").addClass(HostServlet.class)
                .addAsWebInfResource(new StringAsset(JBOSS_WEB_ROOT), "jboss-web.xml");
    }

    @Deployment(name = "mine", order = 2, testable = false)
    static WebArchive ownWarWithTheJar() {
        File jar = new File(System.getProperty("jdash.test.jar", "target/deployments/jdash.jar"));
        return ShrinkWrap.create(WebArchive.class, "mine.war").addClass(OwnWarApp.class).addAsLibrary(jar);
    }

    @Deployment(name = "moved", order = 3, testable = false)
    static WebArchive ownWarMountedElsewhere() {
        File jar = new File(System.getProperty("jdash.test.jar", "target/deployments/jdash.jar"));
        return ShrinkWrap.create(WebArchive.class, "moved.war").addClass(OwnWarApp.class).addAsLibrary(jar)
                .addAsResource(new StringAsset("jdash.mount-path=/tools/dash\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    @OperateOnDeployment("mine")
    URL mine;

    @ArquillianResource
    @OperateOnDeployment("moved")
    URL moved;

    @Test
    void theOtherWarKeepsTheRootAndItsOwnServletsUntouched() throws Exception {
        TestClient http = TestClient.of(mine);
        HttpResponse<String> get = http.get("/hello");
        assertEquals(200, get.statusCode());
        assertEquals("host GET /hello", get.body());
        assertTrue(get.headers().firstValue("Content-Security-Policy").isEmpty(),
                "JDash's filter must not reach another WAR: " + get.headers().map());
        HttpResponse<String> post = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                mine.toString()).resolve("/apps/x")).POST(java.net.http.HttpRequest.BodyPublishers.ofString("x")));
        assertEquals(200, post.statusCode(), "another WAR's /apps/* is its own");
        assertEquals("host POST /apps/x", post.body());
    }

    @Test
    void theOwnWarServesItsAppPageAssetsAndCallbacks() throws Exception {
        TestClient http = TestClient.of(mine, "/mine/apps/own/");
        HttpResponse<String> page = http.get("/mine/apps/own/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(http.get("/mine/apps/own/_dash-layout").body().contains("\"id\":\"greeting\""));

        var renderer = java.util.regex.Pattern.compile("src=\"(/mine/apps/own/_dash-component-suites/dash/dash-renderer/[^\"]+)\"")
                .matcher(page.body());
        assertTrue(renderer.find(), page.body());
        assertEquals(200, http.get(renderer.group(1)).statusCode(), "Dash's renderer is served from the jar in the WAR");

        HttpResponse<String> answer = http.postJson("/mine/apps/own/_dash-update-component",
                "{\"output\":\"greeting.children\",\"inputs\":[{\"id\":\"name\",\"property\":\"value\",\"value\":\"Ada\"}],"
                        + "\"state\":[],\"changedPropIds\":[\"name.value\"]}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals("Hello, Ada", TestClient.object(answer).getJsonObject("response").getJsonObject("greeting")
                .getString("children"), answer.body());
    }

    @Test
    void aConfiguredMountPathMovesThePageTheCallbacksAndTheSocket() throws Exception {
        TestClient http = TestClient.of(moved, "/moved/tools/dash/own/");
        HttpResponse<String> page = http.get("/moved/tools/dash/own/");
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("/moved/tools/dash/own/"), "the page knows its own path: " + page.body());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"),
                "the security headers follow the mount path");
        assertEquals(404, http.get("/moved/apps/own/").statusCode(), "nothing is left at the default path");
        assertEquals(302, http.get("/moved/tools/dash/own").statusCode(), "the slug alone redirects to the page");

        HttpResponse<String> answer = http.postJson("/moved/tools/dash/own/_dash-update-component",
                "{\"output\":\"greeting.children\",\"inputs\":[{\"id\":\"name\",\"property\":\"value\",\"value\":\"Ada\"}],"
                        + "\"state\":[],\"changedPropIds\":[\"name.value\"]}");
        assertEquals(200, answer.statusCode(), answer.body());

        // the socket of Dash's renderer is deployed for every app, at the moved path; this app has no websocket or
        // background callback, so its page does not ask the renderer to use it
        String config = page.body().substring(page.body().indexOf("<script id=\"_dash-config\""));
        config = config.substring(config.indexOf('>') + 1, config.indexOf("</script>"));
        assertEquals(jakarta.json.JsonValue.NULL, ((jakarta.json.JsonObject) TestClient.json(config)).get("websocket"),
                config);
        URI socketUri = URI.create(moved.toString()).resolve("/moved/tools/dash/own/_dash-ws");
        try (TestSocket socket = TestSocket.connect(socketUri, "jdash-owner=" + http.owner())) {
            socket.send("{\"type\":\"heartbeat\"}");
            assertEquals("heartbeat_ack", socket.next(Duration.ofSeconds(5)).type());
            socket.send(RendererSocket.requestText("moved-page", "moved-page-1", "greeting.children",
                    new Object[][] {{"name", "value", "Ada"}}, new Object[0][]));
            TestSocket.Received greeting = socket.next(Duration.ofSeconds(5));
            assertEquals("ok", RendererSocket.status(greeting), greeting.json().toString());
            assertEquals("Hello, Ada", RendererSocket.response(greeting).getJsonObject("greeting").getString("children"));
            assertThrows(TimeoutException.class, () -> socket.awaitClosed(Duration.ofMillis(500)),
                    "the socket at the moved path is open and stays open");
        }
        assertThrows(ExecutionException.class, () -> TestSocket.connect(
                URI.create(moved.toString()).resolve("/moved/apps/own/_dash-ws"), "jdash-owner=" + http.owner()),
                "no socket is left at the default path");
    }
}
