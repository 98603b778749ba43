package dev.perfplatform.jmx.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Builds the server's TLS context from a PKCS12 keystore. */
final class TlsContexts {

    private TlsContexts() {}

    /**
     * A TLS context serving the keystore's key.
     *
     * @throws IOException when the keystore cannot be read, is not PKCS12, or the password is wrong
     */
    static SSLContext fromPkcs12(Path keystore, String password) throws IOException {
        char[] secret = password.toCharArray();
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, secret);
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, secret);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS keystore " + keystore + " unusable: " + e.getMessage(), e);
        }
    }
}
