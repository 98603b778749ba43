package dev.perfplatform.jmx.internal.jolokia;

import java.net.http.HttpClient;

/** The one JDK HTTP client all sources share unless given their own: HTTP/1.1, no proxy, no redirects. */
final class SharedHttpClient {

    private SharedHttpClient() {}

    private static final class Holder {
        static final HttpClient CLIENT = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    static HttpClient get() {
        return Holder.CLIENT;
    }
}
