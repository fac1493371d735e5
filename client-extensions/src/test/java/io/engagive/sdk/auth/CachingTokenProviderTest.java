package io.engagive.sdk.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import io.engagive.sdk.testing.TestTokens;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** An expensive token source is asked once per time-to-live, early before a JWT expires, and once for many threads. */
class CachingTokenProviderTest {

    private final MovableClock clock = new MovableClock(Instant.parse("2026-11-26T10:00:00Z"));

    @Test
    void sixteenThreadsShareOneFetchPerTimeToLive() throws Exception {
        AtomicInteger fetches = new AtomicInteger();
        TokenProvider vault = () -> {
            fetches.incrementAndGet();
            pause();
            return "opaque-token-" + fetches.get();
        };
        CachingTokenProvider caching = new CachingTokenProvider(vault, Duration.ofMinutes(10), Duration.ofMinutes(5),
                clock);

        assertThat(callFromSixteenThreads(caching)).containsOnly("opaque-token-1");
        assertThat(fetches).hasValue(1);

        clock.advance(Duration.ofMinutes(10));
        assertThat(callFromSixteenThreads(caching)).containsOnly("opaque-token-2");
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aJwtIsFetchedAgainAheadOfItsExpiry() {
        AtomicReference<String> current = new AtomicReference<>(TestTokens.expiringAt(clock.instant().plusSeconds(600)));
        AtomicInteger fetches = new AtomicInteger();
        CachingTokenProvider caching = new CachingTokenProvider(() -> {
            fetches.incrementAndGet();
            return current.get();
        }, Duration.ofHours(1), Duration.ofMinutes(5), clock);

        String first = caching.currentToken();
        clock.advance(Duration.ofMinutes(4));
        assertThat(caching.currentToken()).isEqualTo(first);
        current.set(TestTokens.expiringAt(clock.instant().plusSeconds(3600)));
        clock.advance(Duration.ofMinutes(2));

        assertThat(caching.currentToken()).isNotEqualTo(first).isEqualTo(current.get());
        assertThat(fetches).hasValue(2);
    }

    @Test
    void aFailedRefreshServesTheUnexpiredTokenAndAsksAgainSoon() {
        AtomicInteger fetches = new AtomicInteger();
        String token = TestTokens.expiringAt(clock.instant().plusSeconds(24 * 3600));
        CachingTokenProvider caching = new CachingTokenProvider(() -> {
            if (fetches.incrementAndGet() > 1) {
                throw new IllegalStateException("vault unavailable");
            }
            return token;
        }, Duration.ofMinutes(10), Duration.ofMinutes(5), clock);

        caching.currentToken();
        clock.advance(Duration.ofMinutes(10));
        assertThat(caching.currentToken()).isEqualTo(token);
        assertThat(caching.currentToken()).isEqualTo(token);
        assertThat(fetches).as("one failed refresh, then the token is served for a tenth of the TTL").hasValue(2);

        clock.advance(Duration.ofMinutes(1));
        assertThat(caching.currentToken()).isEqualTo(token);
        assertThat(fetches).hasValue(3);
    }

    @Test
    void aFailureWithNothingToServeReachesTheCaller() {
        CachingTokenProvider caching = new CachingTokenProvider(() -> {
            throw new IllegalStateException("vault unavailable");
        }, Duration.ofMinutes(10), Duration.ofMinutes(5), clock);

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(caching::currentToken);
    }

    @Test
    void aTimeToLiveMustBePositive() {
        assertThatExceptionOfType(IllegalArgumentException.class)
                .isThrownBy(() -> TokenProvider.caching(() -> "t", Duration.ZERO));
    }

    private static List<String> callFromSixteenThreads(TokenProvider provider) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16 * 20; i++) {
                calls.add(provider::currentToken);
            }
            List<String> tokens = new ArrayList<>();
            for (Future<String> result : threads.invokeAll(calls)) {
                tokens.add(result.get());
            }
            return tokens;
        } finally {
            threads.shutdownNow();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A clock a test moves by hand. */
    private static final class MovableClock extends Clock {
        private final AtomicReference<Instant> now;

        MovableClock(Instant start) {
            this.now = new AtomicReference<>(start);
        }

        void advance(Duration duration) {
            now.updateAndGet(instant -> instant.plus(duration));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
