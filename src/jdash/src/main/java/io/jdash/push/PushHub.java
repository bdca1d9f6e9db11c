package io.jdash.push;

import io.jdash.background.JobHop;
import io.jdash.background.jobs.JobEventRecorded;
import io.jdash.background.jobs.JobRegistry;
import io.jdash.background.jobs.TrackedJob;
import io.jdash.json.JsonCodec;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which sockets listen to whose jobs, and the delivery of each recorded job event to the sockets of the
 * job's owner in the job's app. A socket that opens first hears, per job still going (or ended unheard),
 * an "attach" and the job's events so far; the page drops events it has already seen by their seq.
 */
@ApplicationScoped
public class PushHub {

    @Inject
    JobRegistry registry;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    private final Map<String, Set<PushConnection>> byOwner = new ConcurrentHashMap<>();
    private final Backlog backlog = Backlog.configured();

    void connect(Session socket, String owner, String app) {
        var connection = new PushConnection(socket, owner, app, executor, backlog);
        byOwner.computeIfAbsent(owner, o -> ConcurrentHashMap.newKeySet()).add(connection);
        try {
            replay(connection, owner, app);
        } finally {
            connection.goLive(); // live events heard during the replay follow it; those it carried are dropped
        }
    }

    private void replay(PushConnection connection, String owner, String app) {
        for (TrackedJob job : registry.needingAttention(owner, app)) {
            synchronized (job) { // no event of this job is recorded (and pushed) while we replay it
                connection.send(JsonCodec.toJson(JobAttached.of(job.id(), job.callback(), job.state())), null);
                job.eventsAfter(-1).forEach(event -> {
                    connection.send(JsonCodec.toJson(event),
                            event.type().ends() ? () -> registry.markEndDelivered(job.id()) : null);
                    connection.replayed(job.id(), event.seq());
                });
            }
        }
    }

    void disconnect(Session socket, String owner) {
        Set<PushConnection> connections = byOwner.get(owner);
        if (connections != null) {
            connections.removeIf(connection -> connection.socket.equals(socket));
        }
    }

    /** Called in order, for every event this node records, while the job's lock is held. */
    void onEvent(@Observes JobEventRecorded recorded) {
        Set<PushConnection> connections = byOwner.get(recorded.owner());
        if (connections == null || connections.isEmpty()) {
            return;
        }
        String text = JsonCodec.toJson(recorded.event());
        String job = recorded.event().job();
        Runnable onSent = recorded.event().type().ends() ? () -> {
            JobHop.mark(job, JobHop.SOCKET);
            registry.markEndDelivered(job);
        } : null;
        for (PushConnection connection : connections) {
            if (connection.app.equals(recorded.app())) {
                connection.sendLive(recorded.event().job(), recorded.event().seq(), text, onSent);
            }
        }
    }
}
