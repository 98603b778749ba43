package dev.perfplatform.jmx.server;

import com.sun.net.httpserver.BasicAuthenticator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Basic authentication for one user, compared in constant time (digests of equal length, so neither the
 * credentials' lengths nor their first differing byte show in the timing); 401 with {@code WWW-Authenticate}.
 */
final class ConstantTimeBasicAuth extends BasicAuthenticator {

    private final byte[] user;
    private final byte[] password;

    ConstantTimeBasicAuth(String user, String password) {
        super("jmx-scraper", StandardCharsets.UTF_8);
        this.user = digest(user);
        this.password = digest(password);
    }

    @Override
    public boolean checkCredentials(String username, String password) {
        boolean userMatches = MessageDigest.isEqual(this.user, digest(username));
        boolean passwordMatches = MessageDigest.isEqual(this.password, digest(password));
        return userMatches && passwordMatches; // both digests are already compared, in constant time
    }

    private static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
