package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** An app with an unknown id in a callback is refused when the deployment starts; the other apps keep serving. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BrokenAppIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps().addClasses(BrokenIdApp.class, NoQueueApp.class);
    }

    @ArquillianResource
    URL base;

    @Test
    void theGalleryListsTheBrokenAppWithTheCallbackAndTheUnknownId() throws Exception {
        HttpResponse<String> gallery = TestClient.of(base).get("/");
        assertEquals(200, gallery.statusCode());
        String body = gallery.body();
        int entry = body.indexOf("id=\"app-broken-id\"");
        assertTrue(entry > 0, body);
        String item = body.substring(entry, body.indexOf("</li>", entry));
        assertTrue(item.contains("broken") && item.contains("result.children") && item.contains("og"), item);
        assertTrue(body.contains("href=\"/apps/hello/\""), "the other apps are listed as usual");
    }

    @Test
    void theBrokenAppServesNothingAndTheOthersServe() throws Exception {
        TestClient http = TestClient.of(base);
        HttpResponse<String> broken = http.get("/apps/broken-id/");
        assertEquals(404, broken.statusCode());
        assertTrue(broken.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), broken.body());
        HttpResponse<String> answer = http.postJson("/apps/hello/_dash-update-component",
                "{\"output\":\"my-output.children\",\"inputs\":[{\"id\":\"my-input\",\"property\":\"value\","
                        + "\"value\":\"still here\"}],\"state\":[],\"changedPropIds\":[\"my-input.value\"]}");
        assertEquals(200, answer.statusCode(), answer.body());
        assertTrue(answer.body().contains("Output: still here"), answer.body());
    }

    @Test
    void theServerLogNamesTheAppTheCallbackAndTheIdWhenTheDeploymentStarts() throws Exception {
        Path log = Path.of(System.getProperty("jboss.home"), "standalone", "log", "server.log");
        String text = Files.readString(log);
        int line = text.lastIndexOf("JDash app broken-id not mounted");
        assertTrue(line >= 0, "no deployment-time log line for the broken app");
        String rest = text.substring(line, text.indexOf('\n', line));
        assertTrue(rest.contains("result.children") && rest.contains("og"), rest);
        assertTrue(!text.substring(line).startsWith("\tat ", rest.length() + 1), "no stack trace for a declaration error");
    }

    @Test
    void aBackgroundCallbackOnAQueueTheServerLacksLeavesItsAppUnmountedWithTheReason() throws Exception {
        TestClient http = TestClient.of(base);
        String body = http.get("/").body();
        int entry = body.indexOf("id=\"app-no-queue\"");
        assertTrue(entry > 0, body);
        String item = body.substring(entry, body.indexOf("</li>", entry));
        assertTrue(item.contains("broken") && item.contains("result.children") && item.contains("jms")
                && item.contains("NoSuchQueue"), item);
        assertEquals(404, http.get("/apps/no-queue/").statusCode());
    }
}
