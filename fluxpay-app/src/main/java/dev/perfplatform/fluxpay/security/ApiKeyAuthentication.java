package dev.perfplatform.fluxpay.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

/**
 * A bearer key: before authentication only the presented key (never logged: {@link #toString()} hides it), after it
 * the caller, with role {@code ADMIN} (principal {@link #ADMIN}) or {@code MERCHANT} (principal the merchant).
 */
final class ApiKeyAuthentication extends AbstractAuthenticationToken {

    /** The principal of the operator's admin key. */
    static final String ADMIN = "admin";

    private final Object principal;
    private @Nullable String key;

    private ApiKeyAuthentication(Object principal, @Nullable String key, List<String> roles) {
        super(AuthorityUtils.createAuthorityList(
                roles.stream().map(role -> "ROLE_" + role).toArray(String[]::new)));
        this.principal = principal;
        this.key = key;
        setAuthenticated(!roles.isEmpty());
    }

    /** The key as presented, not yet checked. */
    static ApiKeyAuthentication presented(String key) {
        return new ApiKeyAuthentication("(unauthenticated)", key, List.of());
    }

    /** The caller the key belongs to, with its role. */
    static ApiKeyAuthentication authenticated(Object principal, String role) {
        return new ApiKeyAuthentication(principal, null, List.of(role));
    }

    /** The presented key; empty once authenticated. */
    String key() {
        return key == null ? "" : key;
    }

    @Override
    public @Nullable Object getCredentials() {
        return key;
    }

    @Override
    public Object getPrincipal() {
        return principal;
    }

    @Override
    public void eraseCredentials() {
        key = null;
        super.eraseCredentials();
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[principal=" + principal + ", authorities=" + getAuthorities() + "]";
    }
}
