package io.jdash.push;

import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One page's socket. Messages are queued and sent in order by one drain task at a time on the server's
 * managed executor, so whoever enqueues (a job, the events MDB) never waits for the network.
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

    PushConnection(Session socket, String owner, String app, Executor executor) {
        this.socket = socket;
        this.owner = owner;
        this.app = app;
        this.executor = executor;
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
                    socket.getBasicRemote().sendText(text);
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
