package dev.perfplatform.testing.redis;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * A Redis server for one test class, with the key prefix that class owns.
 *
 * @param host server host
 * @param port server port
 * @param username ACL user, or null for the default user
 * @param password password, or null when none is needed
 * @param database logical database number
 * @param keyPrefix prefix of every key this test class may write, e.g. {@code test:MyTests:1a2b3c4d:}
 */
public record RedisEndpoint(
        String host,
        int port,
        @Nullable String username,
        @Nullable String password,
        int database,
        String keyPrefix) {

    /** {@code redis://[user:password@]host:port/database}, as Lettuce's {@code RedisURI.create} accepts it. */
    public String uri() {
        StringBuilder uri = new StringBuilder("redis://");
        if (password != null && !password.isEmpty()) {
            if (username != null) {
                uri.append(encode(username));
            }
            uri.append(':').append(encode(password)).append('@');
        }
        return uri.append(host)
                .append(':')
                .append(port)
                .append('/')
                .append(database)
                .toString();
    }

    /** {@code keyPrefix + name}: a key this test class owns. */
    public String key(String name) {
        return keyPrefix + name;
    }

    @Override
    public String toString() {
        return "RedisEndpoint[" + host + ":" + port + "/" + database + ", keyPrefix=" + keyPrefix + "]";
    }

    private static String encode(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8);
    }
}
