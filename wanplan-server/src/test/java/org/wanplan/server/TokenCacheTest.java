package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.wanplan.store.Caller;
import org.wanplan.store.Role;

class TokenCacheTest {
    @Test
    void aKnownTokenIsLookedUpOnceAndAnUnknownOneEveryTime() {
        AtomicInteger lookups = new AtomicInteger();
        TokenCache cache = new TokenCache(t -> {
            lookups.incrementAndGet();
            return t.equals("wp_good") ? Optional.of(new Caller("token#1", Role.PLANNER)) : Optional.empty();
        });
        for (int i = 0; i < 5; i++) {
            assertThat(cache.caller("wp_good")).contains(new Caller("token#1", Role.PLANNER));
        }
        assertThat(lookups).hasValue(1);
        for (int i = 0; i < 3; i++) {
            assertThat(cache.caller("wp_bad")).isEmpty();
        }
        assertThat(lookups).hasValue(4);
    }
}
