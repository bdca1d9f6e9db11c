package io.jdash.background.jobs;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The client address each owner's pages were last loaded from, for the per-client bound of {@link JobAdmission}: an
 * owner costs one page load, so a flood of fresh owners comes from few addresses. Holds the
 * {@value #MAX_OWNERS} owners seen last; an owner it has forgotten counts against no client.
 */
@ApplicationScoped
public class OwnerClients {

    static final int MAX_OWNERS = 50_000;

    private final Map<String, String> clientOf = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_OWNERS;
        }
    };

    /** A page (or a request) of {@code owner} came from {@code client} (its address, as the server sees it). */
    public synchronized void seen(String owner, String client) {
        if (owner != null && client != null) {
            clientOf.put(owner, client);
        }
    }

    synchronized Optional<String> clientOf(String owner) {
        return Optional.ofNullable(clientOf.get(owner));
    }
}
