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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * A WildFly of its own that a test may kill: the configured test installation ({@code jboss.home}) started as a
 * plain process with a base directory under {@code target/crash-server} (its configuration copied from the test
 * server's, its deployments folder holding the WAR) and its own port offset, so the Arquillian server is
 * untouched. {@link #kill()} sends SIGKILL to the JVM: no shutdown hook, no orderly undeploy.
 */
final class CrashServer implements AutoCloseable {

    private final Path home = Path.of(System.getProperty("jboss.home", "target/wildfly-test"));
    private final Path base = Path.of("target", "crash-server").toAbsolutePath();
    private final int portOffset = Integer.getInteger("jdash.test.portOffset", 100) + 50;
    private Process process;
    private int starts;

    /** A fresh base directory with the test server's configuration and {@code war} deployed. */
    CrashServer(WebArchive war) throws IOException {
        deleteTree(base);
        Files.createDirectories(base.resolve("deployments"));
        Path configuration = base.resolve("configuration");
        Files.createDirectories(configuration);
        try (Stream<Path> files = Files.list(home.resolve("standalone/configuration"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (name.equals("standalone-full.xml")) {
                    // the Arquillian server may have test deployments recorded here: they are not ours
                    String xml = Files.readString(file).replaceAll("(?s)<deployments>.*?</deployments>", "");
                    Files.writeString(configuration.resolve(name), xml);
                } else {
                    Files.copy(file, configuration.resolve(name));
                }
            }
        }
        war.as(ZipExporter.class).exportTo(base.resolve("deployments/" + war.getName()).toFile(), true);
    }

    URL url() throws IOException {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/").toURL();
    }

    Path dataDir() {
        return base.resolve("data");
    }

    /** Starts the server and waits until {@code readyPath} answers 200. */
    void start(String readyPath) throws IOException, InterruptedException {
        starts++;
        var command = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml",
                "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                // its own node name: where the job store is one database (PostgreSQL), the Arquillian server on
                // this host must not take this server's running jobs for orphans of its own earlier run
                "-Djboss.node.name=jdash-crash-server",
                // one worker per queue, so that the crash finds jobs queued behind the running ones
                "-Djdash.workers=1",
                "-Djboss.bind.address=127.0.0.1",
                "-Djboss.bind.address.management=127.0.0.1")
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
                throw new IllegalStateException("the crash server exited; see " + base.resolve("console-" + starts + ".log"));
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
        throw new IllegalStateException(readyPath + " never answered 200; see " + base.resolve("console-" + starts + ".log"));
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

    private static void deleteTree(Path root) throws IOException {
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
