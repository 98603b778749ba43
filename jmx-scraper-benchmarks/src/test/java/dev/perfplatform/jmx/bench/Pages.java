package dev.perfplatform.jmx.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Fetching a page the way {@code JmxExporterOracle#scrape()} does, so both contenders pay the same client cost. */
final class Pages {

    private Pages() {}

    /** GET with {@code Accept: text/plain; version=0.0.4}, a 30 s timeout, the body as a string; 200 or throws. */
    static String get(HttpClient client, URI url, String what) throws IOException {
        try {
            HttpResponse<String> response = client.send(
                    HttpRequest.newBuilder(url)
                            .header("Accept", "text/plain; version=0.0.4")
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException(what + " answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while scraping " + what, e);
        }
    }
}
