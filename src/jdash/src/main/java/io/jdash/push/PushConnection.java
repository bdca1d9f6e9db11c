package io.jdash.push;

import io.jdash.config.JDashConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One page's socket (Dash's renderer's SharedWorker holds one per browser for the app). Messages are queued and sent
 * in order, one asynchronous send at a time: the next goes out when the socket reports the last one written.
 * Whoever enqueues (a job's event, an answer) never waits for the network, and no thread waits for a page that
 * stopped reading. Such a page falls behind: past the {@link Backlog} of queued messages its socket is closed with
 * 1013 ("too slow") and its queue dropped; the renderer reconnects, says hello again and takes its jobs up.
 */
final class PushConnection {

    private static final Logger LOG = Logger.getLogger(PushConnection.class.getName());
    private static final long SEND_TIMEOUT_MILLIS = JDashConfig.current().pushSendTimeout().toMillis();

    final Session socket;
    final String owner;
    final String app;
    /** The page loads (renderer ids) heard on this socket. */
    final java.util.Set<String> renderers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Executor executor;
    private final Backlog backlog;
    private final Queue<Outgoing> outbox = new ArrayDeque<>();
    private int queued;
    private long queuedChars;
    private boolean pumping;
    private boolean inFlight;
    private boolean dropped;

    private record Outgoing(String text, Runnable onSent) {
    }

    PushConnection(Session socket, String owner, String app, Executor executor, Backlog backlog) {
        this.socket = socket;
        this.owner = owner;
        this.app = app;
        this.executor = executor;
        this.backlog = backlog;
        socket.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
    }

    /** Queues a message; {@code onSent} (may be null) runs once it has gone out. */
    void send(String text, Runnable onSent) {
        enqueue(new Outgoing(text, onSent));
    }

    /** Whether the socket is still open (and not dropped for falling behind). */
    synchronized boolean isOpen() {
        return !dropped && socket.isOpen();
    }

    private void enqueue(Outgoing message) {
        synchronized (this) {
            if (dropped) {
                return;
            }
            outbox.add(message);
            queued++;
            queuedChars += message.text().length();
            if (backlog.exceededBy(queued, queuedChars)) {
                drop("too slow: more than " + backlog.maxMessages() + " messages or " + backlog.maxChars()
                        + " characters unsent", queued, queuedChars);
                return;
            }
            if (pumping || inFlight) {
                return;
            }
            pumping = true;
        }
        executor.execute(this::pump);
    }

    /**
     * Hands queued messages to the socket, one at a time. A send that completes at once (the usual case) lets the
     * loop go on; one that completes later starts a new pump from its completion, on the thread that completes it. So the stack never grows with
     * the queue, and at most one pump or one send is under way per connection.
     */
    private void pump() {
        while (true) {
            Outgoing next;
            synchronized (this) {
                next = dropped || inFlight ? null : outbox.poll();
                if (next == null) {
                    pumping = false;
                    return;
                }
                queued--;
                queuedChars -= next.text().length();
                inFlight = true;
            }
            try {
                Outgoing sending = next;
                socket.getAsyncRemote().sendText(next.text(), result -> sent(sending, result));
            } catch (RuntimeException closedMeanwhile) {
                sent(next, new SendResult(closedMeanwhile));
            }
        }
    }

    private void sent(Outgoing message, SendResult result) {
        if (!result.isOK()) {
            LOG.log(Level.FINE, "a page's socket failed; dropping what it had queued", result.getException());
            synchronized (this) {
                dropped = true;
                outbox.clear();
                inFlight = false;
            }
            closeSocket("send failed");
            return;
        }
        if (message.onSent() != null) {
            message.onSent().run();
        }
        synchronized (this) {
            inFlight = false;
            if (pumping || dropped || outbox.isEmpty()) {
                return; // a running pump goes on by itself
            }
            pumping = true;
        }
        pump(); // on the socket's I/O thread: the sends do not block, and a hand-off per message would halve the pace
    }

    /** Called holding the lock: stops sending, forgets the queue, and closes the socket off this thread. */
    private void drop(String reason, int messages, long chars) {
        dropped = true;
        outbox.clear();
        LOG.info(() -> "closing a socket of app " + app + " (" + messages + " messages, " + chars
                + " characters unsent): " + reason);
        closeSocket("too slow");
    }

    /** Closes with 1013 (try again later) on the executor: the page reconnects and takes its jobs up again. */
    private void closeSocket(String reason) {
        executor.execute(() -> {
            try {
                socket.close(new CloseReason(CloseReason.CloseCodes.TRY_AGAIN_LATER, reason));
            } catch (IOException | RuntimeException e) {
                LOG.log(Level.FINE, "closing a push socket failed", e);
            }
        });
    }
}
