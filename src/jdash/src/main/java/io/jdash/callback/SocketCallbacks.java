package io.jdash.callback;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The callbacks JDash declares to Dash's renderer beside an app's own, with no outputs (Dash's {@code no_output}),
 * so that the server hears what the page does not otherwise send: the {@link #HELLO} callback has no inputs and is
 * persistent, so each page load sends it when it starts and again after each reconnect, which gives the server the
 * page's renderer id (to resume its running jobs); one cancel callback per distinct {@code cancel} input of the
 * app's background callbacks sends that input's changes (Dash adds a callback on each cancel input too).
 */
public final class SocketCallbacks {

    /** The {@code output} name of the hello callback. */
    public static final String HELLO = "_jdash-renderer-hello";

    private static final String CANCEL_PREFIX = "_jdash-cancel-";

    private SocketCallbacks() {
    }

    /** The distinct cancel inputs of these callbacks, in declaration order. */
    public static List<Input> cancelInputs(List<Callback> callbacks) {
        Set<Input> inputs = new LinkedHashSet<>();
        callbacks.stream().filter(Callback::isBackground).forEach(cb -> inputs.addAll(cb.background().cancel()));
        return List.copyOf(inputs);
    }

    /** The {@code output} name of the cancel callback of {@code input}. */
    public static String cancelIdOf(Input input) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(input.propId().getBytes(StandardCharsets.UTF_8));
            return CANCEL_PREFIX + HexFormat.of().formatHex(hash, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }

    /** The cancel input whose callback {@code output} names, if it is one of these callbacks'. */
    public static java.util.Optional<Input> cancelInputNamed(String output, List<Callback> callbacks) {
        if (output == null || !output.startsWith(CANCEL_PREFIX)) {
            return java.util.Optional.empty();
        }
        return cancelInputs(callbacks).stream().filter(input -> cancelIdOf(input).equals(output)).findFirst();
    }
}
