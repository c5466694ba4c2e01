package org.wanplan.server;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.wanplan.store.Caller;

/**
 * Known tokens for a minute, so that a client's burst of requests costs one database lookup rather than
 * one per request (P5: four requests per order cycle). Only successful lookups are kept, under the
 * token's SHA-256 (never the token itself); tokens cannot be revoked yet, so a minute's staleness changes
 * nothing. Bounded: past 10,000 entries it starts afresh.
 */
final class TokenCache {
    static final long TTL_NANOS = 60_000_000_000L;
    static final int MAX = 10_000;

    private record Entry(Caller caller, long expires) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Function<String, Optional<Caller>> lookup;

    TokenCache(Function<String, Optional<Caller>> lookup) {
        this.lookup = lookup;
    }

    Optional<Caller> caller(String token) {
        String key = WanplanServer.sha256(token);
        long now = System.nanoTime();
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
}
