package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Sockets per owner are bounded (issue 15, item 2; {@code jdash.max-sockets-per-owner}, 3 in this WAR): one browser's
 * next socket is closed 1013 with the reason, another browser's are not affected, and a closed one frees its place.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SocketsPerOwnerIT {

    private static final int MOST = 3;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps().addAsResource(new StringAsset(FairnessIT.OVER_THE_SERVERS + "\n"
                + "jdash.max-sockets-per-owner=" + MOST + "\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void anOwnersSocketPastTheBoundIsClosedAndAClosedOneFreesItsPlace() throws Exception {
        TestClient alice = TestClient.open(base, "hello");
        List<TestSocket> open = new ArrayList<>();
        try {
            for (int i = 0; i < MOST; i++) {
                open.add(TestSocket.connect(alice.uri("apps/hello/_dash-ws"), alice.cookieHeader()));
            }
            for (TestSocket socket : open) {
                assertStaysOpen(socket);
            }
            try (TestSocket extra = TestSocket.connect(alice.uri("apps/hello/_dash-ws"), alice.cookieHeader())) {
                String closed = extra.awaitClosed(Duration.ofSeconds(5));
                assertTrue(closed.startsWith("1013") && closed.contains(MOST + " sockets"), closed);
            }
            TestClient bob = TestClient.open(base, "hello");
            try (TestSocket bobs = TestSocket.connect(bob.uri("apps/hello/_dash-ws"), bob.cookieHeader())) {
                assertStaysOpen(bobs); // another browser is not affected
            }
            open.remove(0).close();
            Thread.sleep(300); // the server hears the close
            open.add(TestSocket.connect(alice.uri("apps/hello/_dash-ws"), alice.cookieHeader()));
            assertStaysOpen(open.get(open.size() - 1));
        } finally {
            open.forEach(TestSocket::close);
        }
    }

    private static void assertStaysOpen(TestSocket socket) throws Exception {
        try {
            String closed = socket.awaitClosed(Duration.ofMillis(500));
            assertEquals("open", closed, "the socket should stay open");
        } catch (TimeoutException stillOpen) {
            // as it should
        }
    }
}
