package io.jdash.it;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * A JFR recording of the server read by layer (JDK 17's own {@code jdk.jfr.consumer} API): which component's code
 * the CPU samples ({@code jdk.ExecutionSample}) and the sampled allocations ({@code jdk.ObjectAllocationSample},
 * by weight) fall in. A sample counts for the first frame from the top of its stack that is not the JDK's, so a
 * HashMap lookup made by Artemis counts as Artemis.
 */
final class JfrDigest {

    /** Package prefix to layer, first match wins. */
    private static final List<String[]> LAYERS = List.of(
            new String[] {"io.jdash.", "JDash"},
            new String[] {"org.apache.activemq.", "Artemis (JMS)"},
            new String[] {"io.netty.", "Netty (Artemis transport)"},
            new String[] {"io.undertow.", "Undertow (HTTP, WebSocket)"},
            new String[] {"org.xnio.", "XNIO (Undertow I/O)"},
            new String[] {"org.jboss.weld.", "Weld (CDI)"},
            new String[] {"org.jberet.", "JBeret (batch)"},
            new String[] {"org.wildfly.extension.batch.", "JBeret (batch)"},
            new String[] {"org.eclipse.yasson.", "Yasson/Parsson (JSON)"},
            new String[] {"org.eclipse.parsson.", "Yasson/Parsson (JSON)"},
            new String[] {"org.jboss.as.ejb3.", "EJB/MDB container"},
            new String[] {"org.jboss.ejb.", "EJB/MDB container"},
            new String[] {"org.jboss.invocation.", "EJB/MDB container"},
            new String[] {"com.arjuna.", "Narayana (transactions)"},
            new String[] {"org.jboss.jca.", "IronJacamar (JCA, MDB delivery)"},
            new String[] {"org.jboss.as.connector.", "IronJacamar (JCA, MDB delivery)"},
            new String[] {"org.jboss.threads.", "JBoss Threads (pools)"},
            new String[] {"org.jboss.modules.", "JBoss Modules (class loading)"},
            new String[] {"org.jboss.logmanager.", "logging"},
            new String[] {"org.jboss.", "other WildFly"},
            new String[] {"org.wildfly.", "other WildFly"});

    private JfrDigest() {
    }

    /** The recording's CPU samples and allocation weight by layer, as a text table. */
    static String byLayer(Path recording) throws Exception {
        Map<String, Long> cpu = new LinkedHashMap<>();
        Map<String, Long> allocation = new LinkedHashMap<>();
        for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
            String type = event.getEventType().getName();
            if (event.getStackTrace() == null) {
                continue;
            }
            if (type.equals("jdk.ExecutionSample")) {
                cpu.merge(layer(event.getStackTrace().getFrames()), 1L, Long::sum);
            } else if (type.equals("jdk.ObjectAllocationSample")) {
                allocation.merge(layer(event.getStackTrace().getFrames()), event.getLong("weight"), Long::sum);
            }
        }
        return table("CPU samples (jdk.ExecutionSample) by layer", cpu, "samples")
                + "\n" + table("Sampled allocation (jdk.ObjectAllocationSample, by weight) by layer", allocation, "bytes");
    }

    private static String layer(List<RecordedFrame> frames) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("java.") || type.startsWith("javax.") || type.startsWith("jdk.") || type.startsWith("sun.")) {
                continue;
            }
            return LAYERS.stream().filter(l -> type.startsWith(l[0])).map(l -> l[1]).findFirst().orElse("other");
        }
        return "JDK only";
    }

    private static String table(String title, Map<String, Long> counts, String unit) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder text = new StringBuilder(title + String.format(" (%,d %s in all)%n", total, unit));
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(e -> text.append(String.format("  %-30s %5.1f %%%n", e.getKey(), 100.0 * e.getValue() / Math.max(1, total))));
        return text.toString();
    }
}
