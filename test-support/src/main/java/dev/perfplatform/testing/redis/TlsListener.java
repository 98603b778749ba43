package dev.perfplatform.testing.redis;

import dev.perfplatform.testing.ExternalPrograms;
import dev.perfplatform.testing.internal.Commands;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The TLS side of a node: a fresh self-signed certificate for 127.0.0.1 and the server arguments that use it. */
record TlsListener(int port, Path certificate, Path privateKey) {

    private static final Duration OPENSSL_TIMEOUT = Duration.ofSeconds(30);

    /** Writes a new key and certificate into {@code dir}; the node itself is started by the caller. */
    static TlsListener create(Path dir, int port) {
        Path certificate = dir.resolve("tls-cert.pem");
        Path key = dir.resolve("tls-key.pem");
        Commands.run(
                List.of(
                        ExternalPrograms.require("openssl", "openssl").toString(),
                        "req",
                        "-x509",
                        "-newkey",
                        "rsa:2048",
                        "-nodes",
                        "-days",
                        "2",
                        "-subj",
                        "/CN=127.0.0.1",
                        "-addext",
                        "subjectAltName=IP:127.0.0.1",
                        "-keyout",
                        key.toString(),
                        "-out",
                        certificate.toString()),
                OPENSSL_TIMEOUT);
        return new TlsListener(port, certificate, key);
    }

    String[] serverArgs() {
        return new String[] {
            "--tls-port", Integer.toString(port),
            "--tls-cert-file", certificate.toString(),
            "--tls-key-file", privateKey.toString(),
            "--tls-ca-cert-file", certificate.toString(),
            "--tls-auth-clients", "no"
        };
    }
}
