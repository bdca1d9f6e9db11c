package io.jdash.push;

import io.jdash.config.JDashConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.SendResult;
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
 * One page's socket. Messages are queued and sent in order, one asynchronous send at a time: the next goes out
 * when the socket reports the last one written. Whoever enqueues (a job, the events MDB) never waits for the
 * network, and no thread waits for a page that stopped reading. Such a page falls behind: past the
 * {@link Backlog} of live messages its socket is closed with 1013 ("too slow") and its queue dropped; the page
 * reconnects and gets its jobs' histories replayed. The replay itself does not count against the backlog, as
 * it is as long as the job's history, which the server holds anyway.
 * <p>
 * A new connection first holds back live job events while the hub replays its jobs' histories: an event
 * recorded between the connection's registration and its job's replay would otherwise reach the page before
 * the history (and a page that reconnects would then drop the events in between as already seen). On
 * {@link #goLive()} the held events that the replay already carried are dropped and the rest go out in order.
 */
final class PushConnection {

    private static final Logger LOG = Logger.getLogger(PushConnection.class.getName());
    private static final long SEND_TIMEOUT_MILLIS = JDashConfig.current().pushSendTimeout().toMillis();

    final Session socket;
    final String owner;
    final String app;
    /** The page loads (renderer ids) heard on this socket, for Dash's renderer's socket. */
    final java.util.Set<String> renderers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Executor executor;
    private final Backlog backlog;
    private final Queue<Outgoing> outbox = new ArrayDeque<>();
    private int liveQueued;
    private long liveChars;
    private boolean pumping;
    private boolean inFlight;
    private boolean dropped;
    private boolean holding;
    private final List<Held> held = new ArrayList<>();
    private final Map<String, Long> replayedUpTo = new HashMap<>();

    private record Held(String job, long seq, String text, Runnable onSent) {
    }

    private record Outgoing(String text, Runnable onSent, boolean live) {
    }

    PushConnection(Session socket, String owner, String app, Executor executor, Backlog backlog) {
        this(socket, owner, app, executor, backlog, true);
    }

    /** A connection that holds live events back until {@link #goLive()} when {@code replayFirst}, else live at once. */
    PushConnection(Session socket, String owner, String app, Executor executor, Backlog backlog, boolean replayFirst) {
        this.holding = replayFirst;
        this.socket = socket;
        this.owner = owner;
        this.app = app;
        this.executor = executor;
        this.backlog = backlog;
        socket.getAsyncRemote().setSendTimeout(SEND_TIMEOUT_MILLIS);
    }

    /** A live event of {@code job}: queued, or held back until {@link #goLive()} while the replay runs. */
    void sendLive(String job, long seq, String text, Runnable onSent) {
        synchronized (this) {
            if (holding) {
                held.add(new Held(job, seq, text, onSent));
                return;
            }
        }
        enqueue(new Outgoing(text, onSent, true));
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
                    enqueue(new Outgoing(event.text(), event.onSent(), true));
                }
            }
            held.clear();
            replayedUpTo.clear();
            holding = false;
        }
    }

    /** Queues a live message that belongs to no job's history (an answer, a push of a live connection). */
    void sendLive(String text, Runnable onSent) {
        enqueue(new Outgoing(text, onSent, true));
    }

    /** Whether the socket is still open (and not dropped for falling behind). */
    synchronized boolean isOpen() {
        return !dropped && socket.isOpen();
    }

    /** Queues a message of the replay; {@code onSent} (may be null) runs once it has gone out. */
    void send(String text, Runnable onSent) {
        enqueue(new Outgoing(text, onSent, false));
    }

    private void enqueue(Outgoing message) {
        synchronized (this) {
            if (dropped) {
                return;
            }
            outbox.add(message);
            if (message.live()) {
                liveQueued++;
                liveChars += message.text().length();
                if (backlog.exceededBy(liveQueued, liveChars)) {
                    drop("too slow: more than " + backlog.maxMessages() + " messages or " + backlog.maxChars()
                            + " characters unsent", liveQueued, liveChars);
                    return;
                }
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
                if (next.live()) {
                    liveQueued--;
                    liveChars -= next.text().length();
                }
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
        LOG.info(() -> "closing a push socket of app " + app + " (" + messages + " messages, " + chars
                + " characters unsent): " + reason);
        closeSocket("too slow");
    }

    /** Closes with 1013 (try again later) on the executor: the page reconnects and hears the replay. */
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
