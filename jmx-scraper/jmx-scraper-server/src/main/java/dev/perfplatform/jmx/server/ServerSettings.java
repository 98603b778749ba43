package dev.perfplatform.jmx.server;

import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the standalone server listens: address, optional basic auth, optional TLS.
 *
 * @param host the address to bind ({@value #DEFAULT_HOST} by default: reachable only from this machine)
 * @param port the port, 0 for any free one
 * @param basicAuthUser the user every endpoint but {@code /health} requires, or null for no authentication
 * @param basicAuthPassword that user's password; required with a user
 * @param tlsKeystore a PKCS12 keystore with the server's key and certificate, or null for plain HTTP
 * @param tlsKeystorePassword the keystore's password; required with a keystore
 */
public record ServerSettings(
        String host,
        int port,
        @Nullable String basicAuthUser,
        @Nullable String basicAuthPassword,
        @Nullable Path tlsKeystore,
        @Nullable String tlsKeystorePassword) {

    /** Loopback, so a server started without {@code --host} is not exposed to the network. */
    public static final String DEFAULT_HOST = "127.0.0.1";

    /** The port of the reference stack's scraper. */
    public static final int DEFAULT_PORT = 9090;

    public ServerSettings {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535: " + port);
        }
        if (basicAuthUser != null && (basicAuthUser.isEmpty() || basicAuthUser.contains(":"))) {
            throw new IllegalArgumentException("basicAuthUser must be non-empty and contain no ':'");
        }
        if (basicAuthUser != null && basicAuthPassword == null) {
            throw new IllegalArgumentException("basicAuthPassword is required with basicAuthUser");
        }
        if (tlsKeystore != null && tlsKeystorePassword == null) {
            throw new IllegalArgumentException("tlsKeystorePassword is required with tlsKeystore");
        }
    }

    /** Plain HTTP without authentication. */
    public static ServerSettings of(String host, int port) {
        return new ServerSettings(host, port, null, null, null, null);
    }

    @Override
    public String toString() { // never the passwords
        return "ServerSettings[host=" + host + ", port=" + port + ", basicAuthUser=" + basicAuthUser + ", tlsKeystore="
                + tlsKeystore + "]";
    }
}
