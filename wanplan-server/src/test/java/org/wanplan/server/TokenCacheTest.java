package org.wanplan.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
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

    @Test
    void aRevokedTokenIsForgottenOnceItsEntryExpires() {
        AtomicBoolean revoked = new AtomicBoolean();
        AtomicLong clock = new AtomicLong(Long.MAX_VALUE - 5_000_000_000L); // nanoTime may wrap: so may this
        TokenCache cache = new TokenCache(
                t -> revoked.get() ? Optional.empty() : Optional.of(new Caller("token#7", Role.ADMIN)), clock::get);
        assertThat(cache.caller("wp_x")).isPresent();
        revoked.set(true);
        clock.addAndGet(TokenCache.TTL_NANOS - 1);
        assertThat(cache.caller("wp_x")).as("still cached").isPresent();
        clock.addAndGet(1);
        assertThat(cache.caller("wp_x"))
                .as("expired: looked up again, and gone")
                .isEmpty();
        assertThat(TokenCache.TTL_NANOS)
                .as("what `wanplan token revoke` promises")
                .isEqualTo(10_000_000_000L);
    }
}
