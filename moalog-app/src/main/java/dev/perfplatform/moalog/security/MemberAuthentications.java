package dev.perfplatform.moalog.security;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Turns a verified access token into the member it names, if that member still exists. Existence is remembered for
 * {@value #REMEMBERED_SECONDS} s per member, so a busy client costs one lookup per few seconds, not one per request;
 * {@link #forget} ends it at once where a withdrawal happens (other instances notice within that time).
 */
public final class MemberAuthentications implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

    static final int REMEMBERED_SECONDS = 10;

    private final KnownMembers members;
    private final AsyncCache<Long, Boolean> existing = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(REMEMBERED_SECONDS))
            .maximumSize(100_000)
            .buildAsync();

    public MemberAuthentications(KnownMembers members) {
        this.members = members;
    }

    @Override
    public Mono<AbstractAuthenticationToken> convert(Jwt token) {
        long memberId;
        try {
            memberId = Long.parseLong(token.getSubject());
        } catch (NumberFormatException | NullPointerException e) {
            return Mono.error(new BadCredentialsException("the access token names no member"));
        }
        return Mono.fromFuture(() -> existing.get(
                        memberId,
                        (id, executor) ->
                                members.exists(id).defaultIfEmpty(false).toFuture()))
                .flatMap(exists -> exists
                        ? Mono.just(new MemberAuthentication(new SignedIn(memberId), token))
                        : Mono.error(new BadCredentialsException("the access token's member no longer exists")));
    }

    /** Forgets what is remembered of {@code memberId}: call when the member is deleted. */
    public void forget(long memberId) {
        existing.synchronous().invalidate(memberId);
    }
}
