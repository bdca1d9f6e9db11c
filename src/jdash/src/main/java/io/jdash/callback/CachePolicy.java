package io.jdash.callback;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Dash's background-callback caching ({@code cache_by}, {@code cache_args_to_ignore}, the cache's expiry): a job's
 * result is kept under a key made of the callback, its arguments (less the ignored ones), the props that fired it and
 * the values of {@code cacheBy}; a later call with the same key, from any page, gets that result without a job.
 *
 * @param cacheBy        zero-argument functions whose values join the key (a date, a data version, …)
 * @param ignoredIndexes positions of arguments left out of the key (in the callback's parameter order)
 * @param ignoredPropIds arguments left out by name, {@code "id.property"}
 * @param expiry         how long a result stays usable
 */
public record CachePolicy(List<Supplier<?>> cacheBy, Set<Integer> ignoredIndexes, Set<String> ignoredPropIds,
                          Duration expiry) {

    /** Results kept for a day unless said otherwise (Dash's DiskCache keeps them until evicted). */
    public static final Duration DEFAULT_EXPIRY = Duration.ofDays(1);

    public CachePolicy {
        cacheBy = List.copyOf(cacheBy);
        ignoredIndexes = Set.copyOf(ignoredIndexes);
        ignoredPropIds = Set.copyOf(ignoredPropIds);
        if (expiry == null || expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("a cache expiry is a positive duration, not " + expiry);
        }
    }

    /** What enters the key for one call: the arguments kept, the props that fired it, the cacheBy values. */
    public List<Object> keyParts(Callback callback, CallbackArgs args) {
        var kept = new java.util.ArrayList<Object>();
        for (int i = 0; i < callback.parameters().size(); i++) {
            if (!ignoredIndexes.contains(i) && !ignoredPropIds.contains(callback.parameters().get(i).propId())) {
                kept.add(args.get(i));
            }
        }
        var values = cacheBy.stream().map(Supplier::get).map(v -> (Object) v).toList();
        return List.of(callback.id(), kept, args.context().triggeredPropIds(), values);
    }
}
