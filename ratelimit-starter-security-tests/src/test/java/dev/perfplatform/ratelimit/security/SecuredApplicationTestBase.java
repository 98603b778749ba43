package dev.perfplatform.ratelimit.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.cors.CorsConfiguration;

/**
 * Base of the tests against a secured application on a random port: users alice, bob, carol and dave, password
 * "secret", over HTTP Basic.
 */
public abstract class SecuredApplicationTestBase {

    /** The origin the applications' CORS configuration allows. */
    public static final String ORIGIN = "https://app.example";

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Value("${local.server.port}")
    private int port;

    /** The users of both applications, password "secret". */
    public static List<UserDetails> users() {
        return Stream.of("alice", "bob", "carol", "dave")
                .map(name -> User.withUsername(name)
                        .password("{noop}secret")
                        .roles("USER")
                        .build())
                .toList();
    }

    /** The CORS rules of both applications: GETs from {@value #ORIGIN}. */
    public static CorsConfiguration cors() {
        CorsConfiguration cors = new CorsConfiguration();
        cors.setAllowedOrigins(List.of(ORIGIN));
        cors.setAllowedMethods(List.of("GET"));
        return cors;
    }

    protected HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    protected static String basic(String user) {
        String credentials = user + ":secret";
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }
}
