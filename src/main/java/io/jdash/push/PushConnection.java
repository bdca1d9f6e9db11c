package io.jdash.push;

import io.jdash.background.jobs.HopTrace;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One page's socket. Messages are queued and sent in order by one drain task at a time on the server's
 * managed executor, so whoever enqueues (a job, the events MDB) never waits for the network.
 * <p>
 * A new connection first holds back live job events while the hub replays its jobs' histories: an event
 * recorded between the connection's registration and its job's replay would otherwise reach the page before
 * the history (and a page that reconnects would then drop the events in between as already seen). On
 * {@link #goLive()} the held events that the replay already carried are dropped and the rest go out in order.
 */
final class PushConnection {

    private static final Logger LOG = Logger.getLogger(PushConnection.class.getName());

    final Session socket;
    final String owner;
    final String app;
    private final Executor executor;
    private final Queue<Runnable> afterSend = new ArrayDeque<>();
    private final Queue<String> outbox = new ArrayDeque<>();
    private boolean draining;
    private boolean holding = true;
    private final List<Held> held = new ArrayList<>();
    private final Map<String, Long> replayedUpTo = new HashMap<>();

    private record Held(String job, long seq, String text, Runnable onSent) {
    }

    PushConnection(Session socket, String owner, String app, Executor executor) {
        this.socket = socket;
        this.owner = owner;
        this.app = app;
        this.executor = executor;
    }

    /** A live event of {@code job}: queued, or held back until {@link #goLive()} while the replay runs. */
    void sendLive(String job, long seq, String text, Runnable onSent) {
        synchronized (this) {
            if (holding) {
                held.add(new Held(job, seq, text, onSent));
                return;
            }
        }
        send(text, onSent);
    }

    /** Notes that the replay sent {@code job}'s history up to {@code seq}. */
    synchronized void replayed(String job, long seq) {
        replayedUpTo.merge(job, seq, Math::max);
    }

    /** Ends the replay: the held live events not already replayed go out, in the order they were recorded. */
    void goLive() {
        synchronized (this) {
            for (Held event : held) {
                if (event.seq() > replayedUpTo.getOrDefault(event.job(), -1L)) {
                    send(event.text(), event.onSent());
                }
            }
            held.clear();
            replayedUpTo.clear();
            holding = false;
        }
    }

    /** Queues a message; {@code onSent} (may be null) runs once it has gone out. */
    void send(String text, Runnable onSent) {
        synchronized (this) {
            outbox.add(text);
            afterSend.add(onSent == null ? () -> { } : onSent);
            if (draining) {
                return;
            }
            draining = true;
        }
        executor.execute(this::drain);
    }

    private void drain() {
        while (true) {
            String text;
            Runnable onSent;
            synchronized (this) {
                text = outbox.poll();
                onSent = afterSend.poll();
                if (text == null) {
                    draining = false;
                    return;
                }
            }
            try {
                if (socket.isOpen()) {
                    socket.getBasicRemote().sendText(HopTrace.stampSocketSend(text));
                    onSent.run();
                }
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "a page's socket failed; dropping what it had queued", e);
                synchronized (this) {
                    outbox.clear();
                    afterSend.clear();
                    draining = false;
                }
                return;
            }
        }
    }
}
