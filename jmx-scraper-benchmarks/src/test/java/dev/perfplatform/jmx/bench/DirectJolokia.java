package dev.perfplatform.jmx.bench;

import dev.perfplatform.jmx.testing.TargetJvm;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * A target's own time: the bulk read our scraper sends ({@code *:*}, registration order, per-attribute errors),
 * POSTed straight to the target's Jolokia agent. Its "page" is the JSON answer.
 */
final class DirectJolokia implements Contender {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
    private static final String BODY = "[{\"type\":\"read\",\"mbean\":\"*:*\"}]";
    private static final String QUERY =
            "?canonicalNaming=false&ignoreErrors=true&includeRequest=false" + "&serializeLong=number";

    private final TargetJvm target;
    private final URI url;

    DirectJolokia(TargetJvm target) {
        this.target = target;
        this.url = URI.create(target.jolokiaUrl() + QUERY);
    }

    @Override
    public String name() {
        return "target's Jolokia, direct";
    }

    @Override
    public String scrape() throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(url)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(BODY))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200 || !response.body().contains("\"status\":200")) {
                throw new IOException("Jolokia answered HTTP " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while reading Jolokia", e);
        }
    }

    @Override
    public List<Long> pids() {
        return List.of(target.pid());
    }

    @Override
    public void close() {
        // the target belongs to the scenario
    }
}
