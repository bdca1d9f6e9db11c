package io.jdash.background.jobs;

import io.jdash.app.MountedApp;
import io.jdash.background.event.JobEvent;
import io.jdash.background.event.JobEventType;
import io.jdash.callback.CachePolicy;
import io.jdash.callback.Callback;
import io.jdash.callback.CallbackArgs;
import io.jdash.config.JDashConfig;
import io.jdash.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The results of background callbacks declared with {@code cacheBy} (Dash's background-callback cache), on this node:
 * a job's outputs are kept under its key when it ends done, until its callback's expiry, and any later call with that
 * key, from any page, gets them without a job. At most {@code jdash.max-cached-results} results are kept; the oldest
 * go first. The cache lives with the deployment: a redeployment (new code) starts empty.
 */
@ApplicationScoped
public class ResultCache {

    /** A kept result. */
    private record Entry(Map<String, Map<String, Object>> outputs, long expiresAtMillis) {
    }

    /** Jobs of this node whose result is to be kept when they end done: job id → key and expiry. */
    private record Pending(String key, Duration expiry) {
    }

    private final Map<String, Entry> results = new LinkedHashMap<>(16, 0.75f, true); // access order: LRU
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();

    /** The key of one call: the app, the callback, its arguments less the ignored ones, its trigger, cacheBy. */
    public static String keyOf(MountedApp app, Callback callback, CallbackArgs args) {
        CachePolicy policy = callback.background().cache();
        String parts = JsonCodec.toJson(java.util.List.of(app.slug(), policy.keyParts(callback, args)));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(parts.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The result kept under {@code key}, if it has not expired. */
    public synchronized Optional<Map<String, Map<String, Object>>> find(String key) {
        Entry entry = results.get(key);
        if (entry == null) {
            return Optional.empty();
        }
        if (entry.expiresAtMillis() < System.currentTimeMillis()) {
            results.remove(key);
            return Optional.empty();
        }
        return Optional.of(entry.outputs());
    }

    /** Keeps {@code job}'s outputs under {@code key} once it ends done. */
    public void expect(String job, String key, Duration expiry) {
        if (pending.size() < MAX_PENDING) { // past it (jobs that never end here), those results are not kept
            pending.put(job, new Pending(key, expiry));
        }
    }

    private static final int MAX_PENDING = 100_000;

    void onEvent(@Observes JobEventRecorded recorded) {
        JobEvent event = recorded.event();
        if (!event.type().ends()) {
            return;
        }
        Pending waiting = pending.remove(event.job());
        if (waiting != null && event.type() == JobEventType.done && event.response() != null) {
            put(waiting.key(), event.response(), waiting.expiry());
        }
    }

    synchronized void put(String key, Map<String, Map<String, Object>> outputs, Duration expiry) {
        results.put(key, new Entry(outputs, System.currentTimeMillis() + expiry.toMillis()));
        int limit = JDashConfig.current().maxCachedResults();
        var oldest = results.keySet().iterator();
        while (results.size() > limit && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }
}
