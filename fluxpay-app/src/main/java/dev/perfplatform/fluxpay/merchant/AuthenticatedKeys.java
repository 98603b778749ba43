package dev.perfplatform.fluxpay.merchant;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import reactor.core.publisher.Mono;

/**
 * API-key look-ups by key hash, cached (Caffeine, bounded by {@link MerchantSettings#authCacheSize()}): a found
 * merchant for {@link MerchantSettings#authCacheTtl()}, a key found to belong to nobody for the shorter {@link
 * MerchantSettings#authNegativeTtl()}. Concurrent look-ups of one key share one query; a failed query is not kept.
 * {@link #forget(byte[])} and {@link #forgetAll()} also drop a look-up still running, so a key created or rotated
 * after it started is never hidden by its answer. Expiry is timed by the app's {@link Clock}.
 */
final class AuthenticatedKeys {

    private final AsyncCache<ByteBuffer, Optional<Merchant>> cache;

    AuthenticatedKeys(MerchantSettings settings, Clock clock) {
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.authCacheSize())
                .ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfter(new ByAnswer(settings.authCacheTtl(), settings.authNegativeTtl()))
                .buildAsync();
    }

    /** The merchant of the key with this hash, from the cache or {@code query}; empty when there is none. */
    Mono<Merchant> get(byte[] hash, Function<byte[], Mono<Merchant>> query) {
        return Mono.fromFuture(
                        () -> cache.get(
                                ByteBuffer.wrap(hash.clone()),
                                (key, executor) -> query.apply(hash)
                                        .map(Optional::of)
                                        .defaultIfEmpty(Optional.empty())
                                        .toFuture()),
                        true)
                .flatMap(Mono::justOrEmpty);
    }

    /** Forgets what is known of the key with this hash (e.g. that nobody has it, before it is created). */
    void forget(byte[] hash) {
        cache.synchronous().invalidate(ByteBuffer.wrap(hash));
    }

    /** Forgets every key (a rotation or a merchant's change). */
    void forgetAll() {
        cache.synchronous().invalidateAll();
    }

    /** A found merchant is kept for one time, an absence for another. */
    private record ByAnswer(Duration found, Duration absent) implements Expiry<ByteBuffer, Optional<Merchant>> {

        @Override
        public long expireAfterCreate(ByteBuffer key, Optional<Merchant> answer, long currentTime) {
            return (answer.isPresent() ? found : absent).toNanos();
        }

        @Override
        public long expireAfterUpdate(
                ByteBuffer key, Optional<Merchant> answer, long currentTime, long currentDuration) {
            return expireAfterCreate(key, answer, currentTime);
        }

        @Override
        public long expireAfterRead(ByteBuffer key, Optional<Merchant> answer, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
