package dev.perfplatform.testing.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

class RedisServerProcessTlsIntegrationTests {

    @Test
    void answersOverTlsToAClientTrustingItsCertificateOnly() throws Exception {
        try (RedisServerProcess redis = RedisServerProcess.standaloneWithTls()) {
            assertThat(redis.tlsPort()).isNotEqualTo(redis.node(0).port());

            assertThat(pingOverTls(trusting(redis), redis.tlsPort())).isEqualTo("+PONG");
            assertThatThrownBy(() -> pingOverTls(SSLContext.getDefault(), redis.tlsPort()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void aPlainNodeHasNoTlsPort() {
        try (RedisServerProcess redis = RedisServerProcess.standalone()) {
            assertThatThrownBy(redis::tlsPort).hasMessageContaining("standaloneWithTls()");
        }
    }

    private static SSLContext trusting(RedisServerProcess redis) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream pem = Files.newInputStream(redis.tlsCertificate())) {
            trust.setCertificateEntry(
                    "redis", CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return context;
    }

    private static String pingOverTls(SSLContext context, int port) throws IOException {
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            socket.startHandshake();
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = new byte[5];
            int read = socket.getInputStream().readNBytes(reply, 0, reply.length);
            return new String(reply, 0, read, StandardCharsets.US_ASCII);
        }
    }
}
