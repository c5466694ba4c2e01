package org.wanplan.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.LongSupplier;
import org.wanplan.store.Caller;

/**
 * Known tokens for ten seconds, so that a client's burst of requests costs one database lookup rather
 * than one per request (P5: four requests per order cycle). Only successful lookups are kept, under the
 * token's SHA-256 (never the token itself). A revoked token therefore keeps working here for at most ten
 * seconds (what {@code wanplan token revoke} says). Bounded: past 10,000 entries it starts afresh.
 */
final class TokenCache {
    static final long TTL_NANOS = 10_000_000_000L;
    static final int MAX = 10_000;

    private record Entry(Caller caller, long expires) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<String, Optional<Caller>> lookup;
    private final LongSupplier nanoTime;

    TokenCache(Function<String, Optional<Caller>> lookup) {
        this(lookup, System::nanoTime);
    }

    /** With its own clock ({@link System#nanoTime} semantics), for tests. */
    TokenCache(Function<String, Optional<Caller>> lookup, LongSupplier nanoTime) {
        this.lookup = lookup;
        this.nanoTime = nanoTime;
    }

    Optional<Caller> caller(String token) {
        String key = Api.sha256(token);
        long now = nanoTime.getAsLong();
        Entry e = entries.get(key);
        if (e != null && now - e.expires() < 0) {
            return Optional.of(e.caller());
        }
        Optional<Caller> found = lookup.apply(token);
        if (found.isPresent()) {
            if (entries.size() >= MAX) {
                entries.clear();
            }
            entries.put(key, new Entry(found.get(), now + TTL_NANOS));
        } else {
            entries.remove(key);
        }
        return found;
    }

    /** Drops what is kept for the caller named {@code name} (a token revoked through this server). */
    void forget(String name) {
        entries.values().removeIf(e -> e.caller().name().equals(name));
    }
}
