package io.jdash.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test server's JVM as the benchmark sees it from outside: its pid (the jboss-modules process with this run's
 * port offset), its RSS from /proc, and what the JDK's {@code jcmd} can do to it: a full GC and the heap then in
 * use (the live heap), a JFR recording.
 */
final class ServerJvm {

    private static final Pattern HEAP_USED = Pattern.compile("heap\\s+total \\d+K, used (\\d+)K");
    private static final Path JCMD = Path.of(System.getProperty("java.home"), "bin", "jcmd");

    final long pid;

    private ServerJvm(long pid) {
        this.pid = pid;
    }

    /** The test server: the JVM running jboss-modules with this run's port offset. */
    static ServerJvm find() {
        String offset = "port-offset=" + System.getProperty("jdash.test.portOffset");
        List<ProcessHandle> servers = ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules") && c.contains(offset)).orElse(false))
                .toList();
        assertEquals(1, servers.size(), "one server with " + offset);
        return new ServerJvm(servers.get(0).pid());
    }

    long rssKib() throws IOException {
        return Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    /** Runs a full GC ({@code GC.run}) and returns the heap in use right after it, in bytes: the live heap. */
    long liveHeapBytes() throws Exception {
        // both commands in one jcmd run (-f: commands from a file), which saves a JVM start per sample
        Path commands = Files.createTempFile("jdash-bench-jcmd", ".txt");
        String info;
        try {
            Files.writeString(commands, "GC.run\nGC.heap_info\n");
            info = jcmd("-f", commands.toString());
        } finally {
            Files.delete(commands);
        }
        Matcher used = HEAP_USED.matcher(info);
        assertTrue(used.find(), "GC.heap_info shows the heap in use: " + info);
        return Long.parseLong(used.group(1)) * 1024;
    }

    /** Starts a JFR recording with the JDK's "profile" settings (execution and allocation samples). */
    void startRecording(String name) throws Exception {
        jcmd("JFR.start", "name=" + name, "settings=profile");
    }

    /** Stops the recording and writes it to {@code file}. */
    void stopRecording(String name, Path file) throws Exception {
        jcmd("JFR.stop", "name=" + name, "filename=" + file.toAbsolutePath());
        assertTrue(Files.size(file) > 0, "the recording was written: " + file);
    }

    String jcmd(String... command) throws Exception {
        List<String> line = new ArrayList<>(List.of(JCMD.toString(), String.valueOf(pid)));
        line.addAll(List.of(command));
        return run(line);
    }

    /** Runs a JDK tool to its end (at most 2 minutes); fails unless it exits 0. Returns its output. */
    static String run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "ended: " + command);
        String text = new String(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), command + ": " + text);
        return text;
    }
}
