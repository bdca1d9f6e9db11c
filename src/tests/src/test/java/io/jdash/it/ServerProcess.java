package io.jdash.it;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A WildFly of its own that a test may kill: the configured test installation ({@code jboss.home}) started as a
 * plain process with a base directory under {@code target/<name>} (its configuration copied from the test server's,
 * its deployments folder holding the WAR), its own port offset and node name, so the Arquillian server is untouched.
 * {@link #kill()} sends SIGKILL to the JVM: no shutdown hook, no orderly undeploy. The crash test's server is
 * {@link #crashServer}; the scale-out test starts several.
 */
final class ServerProcess implements AutoCloseable {

    private final Path home = Path.of(System.getProperty("jboss.home", "target/wildfly-test"));
    private final String name;
    private final Path base;
    private final int portOffset;
    private final List<String> properties;
    private Process process;
    private int starts;

    /**
     * The crash test's server: port offset 50 above the test server's, one worker per queue (so that the crash finds
     * jobs queued behind the running ones) and its own node name: where the job store is one database (PostgreSQL),
     * the Arquillian server on this host must not take this server's running jobs for orphans of its own earlier run.
     */
    static ServerProcess crashServer(WebArchive war) throws IOException {
        return new ServerProcess("crash-server", war, Integer.getInteger("jdash.test.portOffset", 100) + 50,
                List.of("-Djdash.workers=1"));
    }

    /**
     * A fresh base directory {@code target/<name>} with the test server's configuration and {@code war} deployed; the
     * server runs as node {@code jdash-<name>} with these extra {@code -D} system properties.
     */
    ServerProcess(String name, WebArchive war, int portOffset, List<String> properties) throws IOException {
        this.name = name;
        this.base = Path.of("target", name).toAbsolutePath();
        this.portOffset = portOffset;
        this.properties = List.copyOf(properties);
        deleteTree(base);
        Files.createDirectories(base.resolve("deployments"));
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String fileName = file.getFileName().toString();
                if (fileName.equals("standalone-full.xml")) {
                    // the Arquillian server may have test deployments recorded here: they are not ours
                    String xml = Files.readString(file).replaceAll("(?s)<deployments>.*?</deployments>", "");
                    Files.writeString(configuration.resolve(fileName), xml);
                } else {
                    Files.copy(file, configuration.resolve(fileName));
                }
            }
        }
        war.as(ZipExporter.class).exportTo(base.resolve("deployments/" + war.getName()).toFile(), true);
    }

    /**
     * Runs a management operation on the server ({@code address} as resource type, name pairs) and returns its result;
     * asserts that it succeeded.
     */
    org.jboss.dmr.ModelNode manage(String operation, Map<String, String> parameters, String... address) throws IOException {
        try (var client = org.jboss.as.controller.client.ModelControllerClient.Factory.create("127.0.0.1",
                9990 + portOffset)) {
            var request = new org.jboss.dmr.ModelNode();
            request.get("operation").set(operation);
            for (int i = 0; i + 1 < address.length; i += 2) {
                request.get("address").add(address[i], address[i + 1]);
            }
            parameters.forEach((name, value) -> request.get(name).set(value));
            var answer = client.execute(request);
            if (!"success".equals(answer.get("outcome").asString())) {
                throw new IllegalStateException(name + ": " + operation + " failed: " + answer);
            }
            return answer.get("result");
        }
    }

    /** The server's configuration directory (its copy): users, roles, standalone-full.xml. */
    Path configuration() {
        return base.resolve("configuration");
    }

    /** The node name the server runs as. */
    String nodeName() {
        return "jdash-" + name;
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/").toURL();
    }

    Path dataDir() {
        return base.resolve("data");
    }

    /** What the server's console said since its last start (its log lines at INFO and above). */
    String consoleSinceStart() throws IOException {
        return Files.readString(base.resolve("console-" + starts + ".log"));
    }

    /** Starts the server and waits until {@code readyPath} answers 200. */
    void start(String readyPath) throws IOException, InterruptedException {
        starts++;
        List<String> line = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.node.name=" + nodeName(),
                // the transaction manager's node id (at most 23 bytes): nodes that share an XA resource (a broker)
                // must differ, or one node's recovery takes another's in-doubt transactions for its own
                "-Djboss.tx.node.id=" + name,
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1"));
        line.addAll(properties);
        var command = new ProcessBuilder(line)
                .redirectErrorStream(true)
                .redirectOutput(base.resolve("console-" + starts + ".log").toFile());
        command.environment().put("JAVA_HOME", System.getProperty("java.home.for.server", System.getProperty("java.home")));
        process = command.start();
        awaitReady(readyPath);
    }

    private void awaitReady(String readyPath) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(url().toString()).resolve(readyPath);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("server " + name + " exited; see " + base.resolve("console-" + starts + ".log"));
            }
            try {
                HttpResponse<Void> answer = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + ": " + readyPath + " never answered 200; see " + base.resolve("console-" + starts + ".log"));
    }

    /** SIGKILL to the server's JVM (and its launcher script); returns once it is gone. */
    void kill() throws InterruptedException {
        var javas = process.toHandle().descendants().toList();
        javas.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        javas.forEach(java -> java.onExit().join());
    }

    /** An orderly stop (SIGTERM), for the end of the test. */
    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        var javas = process.toHandle().descendants().toList();
        javas.forEach(ProcessHandle::destroy);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        javas.forEach(java -> java.onExit().join());
    }

    /** Deletes {@code root} and everything under it, if it exists. */
    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
