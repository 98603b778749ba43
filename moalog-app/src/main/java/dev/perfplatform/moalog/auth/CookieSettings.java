package dev.perfplatform.moalog.auth;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The token cookies ({@code moalog.cookies.*}).
 *
 * @param secure whether the cookies are {@code Secure} (sent over HTTPS only); {@code MOALOG_SECURE_COOKIES=false}
 *     only for plain-HTTP local runs, announced at start-up
 */
@ConfigurationProperties("moalog.cookies")
public record CookieSettings(boolean secure) {}
