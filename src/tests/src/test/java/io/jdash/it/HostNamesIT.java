package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * With {@code jdash.host-names} set (here 127.0.0.1, in the WAR's config), a request or WebSocket handshake whose
 * {@code Host} names another host — a DNS name of another site pointed at this server (DNS rebinding), whose Origin
 * then agrees with its Host — is refused with 421 and a JSON reason before anything is served or upgraded.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HostNamesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.builtWarWithTestApps()
                .addAsResource(new StringAsset("jdash.host-names=127.0.0.1\n"), "META-INF/microprofile-config.properties");
    }

    @ArquillianResource
    URL base;

    @Test
    void aRequestOrHandshakeForAnotherHostNameIsRefusedWith421() throws Exception {
        assertTrue(exchange("GET /apps/hello/ HTTP/1.1\r\nHost: 127.0.0.1:" + base.getPort()
                + "\r\nConnection: close\r\n\r\n").startsWith("HTTP/1.1 200"), "the configured name is answered");
        String rebound = exchange("GET /apps/hello/ HTTP/1.1\r\nHost: evil.example:" + base.getPort()
                + "\r\nConnection: close\r\n\r\n");
        assertTrue(rebound.startsWith("HTTP/1.1 421"), rebound);
        assertTrue(rebound.contains("{\"error\":\"this server does not answer for the host name this request names\"}"),
                rebound);
        String handshake = exchange("GET /apps/hello/_dash-ws HTTP/1.1\r\nHost: evil.example:" + base.getPort()
                + "\r\nOrigin: http://evil.example:" + base.getPort() + "\r\nUpgrade: websocket\r\nConnection: Upgrade"
                + "\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertTrue(handshake.startsWith("HTTP/1.1 421"), "refused before the upgrade: " + handshake);
    }

    /** Sends a raw request (the Host header is one HttpClient will not forge) and reads the answer's head and body. */
    private String exchange(String request) throws Exception {
        try (Socket socket = new Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            var answer = new StringBuilder();
            char[] buffer = new char[4096];
            long deadline = System.currentTimeMillis() + 5_000;
            int n;
            while (System.currentTimeMillis() < deadline && (n = reader.read(buffer)) > 0) {
                answer.append(buffer, 0, n);
                if (answer.indexOf("\r\n\r\n") >= 0 && answer.indexOf("}") >= 0 || answer.length() > 200_000) {
                    break;
                }
            }
            return answer.toString();
        }
    }
}
