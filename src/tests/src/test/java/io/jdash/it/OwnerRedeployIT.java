package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.http.HttpResponse;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Ownership lives in the browser's owner cookie and the CSRF key in the server's data directory, so a new
 * deployment (as after a restart or crash of the server, which keeps no HTTP sessions) accepts the same cookie
 * and the same token. Job records are in memory and do not survive it; that is asserted elsewhere, not here.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OwnerRedeployIT {

    private static final String WAR = "redeployed";

    @Deployment(name = WAR, managed = false, testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps();
    }

    @ArquillianResource
    Deployer deployer;

    @Test
    void theSameOwnerCookieAndCsrfTokenAreAcceptedAfterARedeploy() throws Exception {
        URL base = new URL("http://127.0.0.1:" + (8080 + Integer.getInteger("jdash.test.portOffset", 100)) + "/");
        var browser = TestClient.of(base);
        String update = "{\"output\":\"my-output.children\",\"inputs\":[{\"id\":\"my-input\",\"property\":\"value\","
                + "\"value\":\"again\"}],\"state\":[],\"changedPropIds\":[\"my-input.value\"]}";
        deployer.deploy(WAR);
        try {
            String token = browser.csrf();
            String owner = browser.owner();
            assertNotNull(owner, "the page set the owner cookie");
            assertEquals(200, browser.postJson("/apps/hello/_dash-update-component", update).statusCode());

            deployer.undeploy(WAR);
            deployer.deploy(WAR);

            HttpResponse<String> page = browser.get("/apps/hello/");
            assertEquals(200, page.statusCode());
            assertTrue(page.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("jdash-owner=")),
                    "the new deployment keeps the browser's owner: " + page.headers().map());
            assertEquals(token, CsrfMeta.of(page), "the same owner's token, from the same key");
            assertEquals(owner, browser.owner());
            HttpResponse<String> answer = browser.postJson("/apps/hello/_dash-update-component", update);
            assertEquals(200, answer.statusCode(), "the old token works on the new deployment: " + answer.body());
        } finally {
            deployer.undeploy(WAR);
        }
    }
}
