package dev.perfplatform.testing.internal;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Where a test engine lives: {@code scheme://[user[:password]@]host[:port][/path]}, parsed from {@code
 * TEST_*_URL}. A leading {@code jdbc:} is accepted, so a JDBC URL can be pasted as it is.
 *
 * @param scheme lower-case scheme without {@code jdbc:}, e.g. {@code redis}, {@code postgresql}, {@code mysql}
 * @param path the part after the first {@code /}, without it; empty when absent
 */
public record ServiceUrl(
        String scheme,
        String host,
        int port,
        @Nullable String user,
        @Nullable String password,
        String path) {

    /** Parses {@code text}, using {@code defaultPort} when it names none. */
    public static ServiceUrl parse(String text, int defaultPort) {
        String raw = text.strip();
        if (raw.startsWith("jdbc:")) {
            raw = raw.substring("jdbc:".length());
        }
        URI uri;
        try {
            uri = new URI(raw);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URL: " + redact(text) + " (" + e.getReason() + ")", e);
        }
        if (uri.getScheme() == null || uri.getHost() == null) {
            throw new IllegalArgumentException("not a URL of the form scheme://host:port: " + redact(text));
        }
        String user = null;
        String password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
        }
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        return new ServiceUrl(
                uri.getScheme().toLowerCase(java.util.Locale.ROOT),
                uri.getHost(),
                uri.getPort() < 0 ? defaultPort : uri.getPort(),
                user == null || user.isEmpty() ? null : user,
                password,
                path);
    }

    /** This URL with another host and port (a container's mapped port), credentials kept. */
    public ServiceUrl withAddress(String newHost, int newPort) {
        return new ServiceUrl(scheme, newHost, newPort, user, password, path);
    }

    /** The URL as text with the password replaced by {@code ***}: safe for messages and logs. */
    @Override
    public String toString() {
        String credentials = user == null ? "" : user + (password == null ? "" : ":***") + "@";
        return scheme + "://" + credentials + host + ":" + port + (path.isEmpty() ? "" : "/" + path);
    }

    private static String redact(String text) {
        return text.replaceAll(":[^:/@]*@", ":***@");
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }
}
