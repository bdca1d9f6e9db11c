package io.jdash.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A standalone Apache Artemis broker for the scale-out test, as an operator would run one: a broker instance created
 * with the distribution's own {@code artemis create} under {@code target/artemis-broker} (user jdash/jdash, login
 * required, the four worker queues and the JobEvents address declared, NIO journal, no web console; the commands of
 * {@code src/tests/artemis-broker.md}; queue {@value ScaleOutApp#EXCLUSIVE_QUEUE} exclusive), run in the
 * foreground with {@code bin/artemis run} as a child process, listening on 127.0.0.1 only. The distribution is
 * {@code jdash.test.artemis.home} (Maven Central's apache-artemis, unpacked by the scale-out profile).
 */
final class ArtemisBroker implements AutoCloseable {

    static final List<String> QUEUES = List.of("BackgroundCallbacks", "BackgroundCallbacks2", "BackgroundCallbacks3",
            "BackgroundCallbacks4");

    private final Path instance = Path.of("target", "artemis-broker").toAbsolutePath();
    private final int port;
    private Process process;

    private ArtemisBroker(int port) {
        this.port = port;
    }

    /** Creates a fresh broker instance and starts it; returns once its acceptor takes connections. */
    static ArtemisBroker start() throws IOException, InterruptedException {
        var broker = new ArtemisBroker(61616 + Integer.getInteger("jdash.test.portOffset", 100) + 200);
        broker.create();
        broker.run();
        return broker;
    }

    int port() {
        return port;
    }

    private void create() throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("jdash.test.artemis.home", "target/artemis/apache-artemis-2.40.0"));
        ServerProcess.deleteTree(instance);
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/artemis").toString(), "create",
                instance.toString(), "--silent", "--force",
                "--user", "jdash", "--password", "jdash", "--role", "amq", "--require-login",
                "--host", "127.0.0.1", "--default-port", String.valueOf(port),
                "--queues", String.join(",", QUEUES), "--addresses", "JobEvents:multicast",
                "--nio", "--no-autotune", "--no-web", "--java-memory", "512M",
                "--no-amqp-acceptor", "--no-mqtt-acceptor", "--no-stomp-acceptor", "--no-hornetq-acceptor"));
        Process creating = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(Path.of("target", "artemis-create.log").toFile()).start();
        if (!creating.waitFor(120, TimeUnit.SECONDS) || creating.exitValue() != 0) {
            creating.destroyForcibly();
            throw new IllegalStateException("artemis create failed; see target/artemis-create.log");
        }
        // only the CORE protocol on its one acceptor (what WildFly speaks), and the journal flush timeout of 100 us
        // that configure-jdash-messaging.cli gives the embedded broker (the NIO journal's default makes a send wait 3.3 ms)
        Path brokerXml = instance.resolve("etc/broker.xml");
        String xml = java.nio.file.Files.readString(brokerXml)
                .replace("protocols=CORE,AMQP,STOMP,HORNETQ,MQTT,OPENWIRE", "protocols=CORE")
                .replace("<journal-type>NIO</journal-type>",
                        "<journal-type>NIO</journal-type>\n      <journal-buffer-timeout>100000</journal-buffer-timeout>")
                // one queue exclusive: a single active consumer of all the nodes', the others standby (ScaleOutIT)
                .replace("<queue name=\"" + ScaleOutApp.EXCLUSIVE_QUEUE + "\" />",
                        "<queue name=\"" + ScaleOutApp.EXCLUSIVE_QUEUE + "\" exclusive=\"true\" />");
        if (!xml.contains("exclusive=\"true\"")) {
            throw new IllegalStateException("no queue " + ScaleOutApp.EXCLUSIVE_QUEUE + " to make exclusive in " + brokerXml);
        }
        java.nio.file.Files.writeString(brokerXml, xml);
    }

    private void run() throws IOException, InterruptedException {
        process = new ProcessBuilder(instance.resolve("bin/artemis").toString(), "run").redirectErrorStream(true)
                .redirectOutput(instance.resolve("broker.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the broker exited; see " + instance.resolve("broker.log"));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("the broker never listened on " + port + "; see " + instance.resolve("broker.log"));
    }

    @Override
    public void close() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        var children = process.toHandle().descendants().toList();
        process.destroy();
        children.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            children.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
