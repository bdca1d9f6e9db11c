package io.jdash.codegen.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs {@code node} or {@code npm} in a directory and waits for it. A missing executable or a non-zero exit is an
 * {@link IOException} that says which command failed and what it printed.
 */
public final class NodeCommand {

    private NodeCommand() {
    }

    /** Runs the command; returns what it printed (stdout and stderr together). */
    public static String run(Path directory, String... command) throws IOException {
        List<String> line = new ArrayList<>(List.of(command));
        if (isWindows() && line.get(0).equals("npm")) {
            line.set(0, "npm.cmd");
        }
        Process process;
        try {
            process = new ProcessBuilder(line).directory(directory.toFile()).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IOException("cannot run `" + command[0] + "` (" + e.getMessage() + "): the component generator"
                    + " needs Node.js and npm on the PATH", e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit;
        try {
            exit = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running " + String.join(" ", command), e);
        }
        if (exit != 0) {
            throw new IOException("`" + String.join(" ", command) + "` in " + directory + " failed (exit " + exit
                    + "):\n" + output.strip());
        }
        return output;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase().startsWith("windows");
    }
}
