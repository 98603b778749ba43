package dev.perfplatform.ratelimit.spring.internal;

import java.security.Principal;
import org.jspecify.annotations.Nullable;

/**
 * The name a {@code user} key uses for a principal. An anonymous authentication (Spring Security's
 * {@code AnonymousAuthenticationToken}, which WebFlux exposes as the exchange's principal when anonymous access is
 * on) is no user: counting it as one would put every anonymous client in a single bucket.
 */
public final class Principals {

    private static final String ANONYMOUS_TOKEN =
            "org.springframework.security.authentication.AnonymousAuthenticationToken";

    private Principals() {}

    /** The principal's name, or null for no principal or an anonymous one. */
    public static @Nullable String userName(@Nullable Principal principal) {
        if (principal == null || isAnonymous(principal.getClass())) {
            return null;
        }
        return principal.getName();
    }

    private static boolean isAnonymous(Class<?> type) {
        for (Class<?> current = type; current != null; current = current.getSuperclass()) {
            if (current.getName().equals(ANONYMOUS_TOKEN)) {
                return true;
            }
        }
        return false;
    }
}
