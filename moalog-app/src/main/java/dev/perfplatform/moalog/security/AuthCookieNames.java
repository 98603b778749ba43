package dev.perfplatform.moalog.security;

import java.util.List;

/** The cookies that carry moalog's tokens (HttpOnly, so scripts never see them). */
public final class AuthCookieNames {

    public static final String ACCESS = "access_token";
    public static final String REFRESH = "refresh_token";
    public static final String SIGNUP = "signup_token";

    /** Every cookie that authenticates a request to some endpoint. */
    public static final List<String> ALL = List.of(ACCESS, REFRESH, SIGNUP);

    private AuthCookieNames() {}
}
