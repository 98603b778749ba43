package dev.perfplatform.jmx.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSecurityIntegrationTests {

    @TempDir
    Path dir;

    @Test
    void requiresTheRightBasicAuthCredentialsEverywhereButHealth() throws Exception {
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, "prom", "s3cret", null, null);
        try (ServerFixture fixture = new ServerFixture(settings, HttpClient.newHttpClient())) {
            HttpResponse<String> missing = fixture.get("/metrics");
            HttpResponse<String> wrong = withAuth(fixture, "/metrics", "prom:wrong");
            HttpResponse<String> wrongUser = withAuth(fixture, "/metrics", "other:s3cret");
            HttpResponse<String> right = withAuth(fixture, "/metrics", "prom:s3cret");

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(missing.headers().firstValue("WWW-Authenticate"))
                    .hasValueSatisfying(value -> assertThat(value).startsWith("Basic realm=\"jmx-scraper\""));
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrongUser.statusCode()).isEqualTo(401);
            assertThat(right.statusCode()).isEqualTo(200);
            assertThat(right.body()).contains("used{target=\"b\",type=\"Memory\"} 6.0\n");
            assertThat(fixture.get("/probe?target=a").statusCode()).isEqualTo(401);
            assertThat(fixture.get("/debug?target=a").statusCode()).isEqualTo(401);
            assertThat(fixture.get("/").statusCode()).isEqualTo(401);
            assertThat(fixture.get("/health").statusCode()).isEqualTo(200);
        }
    }

    @Test
    void servesHttpsWithAPkcs12Keystore() throws Exception {
        Path keystore = dir.resolve("server.p12");
        keytool(keystore, "changeit");
        ServerSettings settings = new ServerSettings("127.0.0.1", 0, null, null, keystore, "changeit");
        HttpClient client = HttpClient.newBuilder()
                .sslContext(trusting(keystore, "changeit"))
                .connectTimeout(Duration.ofSeconds(5))
                .build();

        try (ServerFixture fixture = new ServerFixture(settings, client)) {
            HttpResponse<String> response = fixture.get("/metrics");

            assertThat(fixture.base).startsWith("https://");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("used{env=\"prod\",target=\"a\",type=\"Memory\"} 5.0\n");
        }
    }

    private static HttpResponse<String> withAuth(ServerFixture fixture, String path, String credentials)
            throws Exception {
        String header = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return fixture.client.send(
                fixture.request(path).header("Authorization", header).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A self-signed key for 127.0.0.1, made by the JDK's keytool. */
    private static void keytool(Path keystore, String password) throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        Process process = new ProcessBuilder(List.of(
                        keytool.toString(),
                        "-genkeypair",
                        "-alias",
                        "server",
                        "-keyalg",
                        "RSA",
                        "-keysize",
                        "2048",
                        "-validity",
                        "2",
                        "-dname",
                        "CN=127.0.0.1",
                        "-ext",
                        "SAN=ip:127.0.0.1",
                        "-storetype",
                        "PKCS12",
                        "-keystore",
                        keystore.toString(),
                        "-storepass",
                        password,
                        "-keypass",
                        password))
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
    }

    private static SSLContext trusting(Path keystore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keystore)) {
            store.load(in, password.toCharArray());
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(store);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
