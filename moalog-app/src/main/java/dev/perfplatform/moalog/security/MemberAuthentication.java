package dev.perfplatform.moalog.security;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

/** An access token verified and its member found: the principal is the {@link SignedIn} member. */
final class MemberAuthentication extends AbstractAuthenticationToken {

    private static final long serialVersionUID = 1L;

    static final String ROLE = "MEMBER";

    private final SignedIn member;
    private final transient Jwt token;

    MemberAuthentication(SignedIn member, Jwt token) {
        super(List.of(new SimpleGrantedAuthority("ROLE_" + ROLE)));
        this.member = member;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public SignedIn getPrincipal() {
        return member;
    }

    @Override
    public String getName() {
        return Long.toString(member.memberId());
    }
}
