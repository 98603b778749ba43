package dev.perfplatform.payment.client.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Adds the merchant's API key as {@code Authorization: Bearer} and the client's {@code User-Agent}. */
public final class HeadersInterceptor implements Interceptor {

    private final String authorization;
    private final String userAgent;

    /** An interceptor sending {@code apiKey}. */
    public HeadersInterceptor(String apiKey, String userAgent) {
        this.authorization = "Bearer " + Args.text(apiKey, "apiKey");
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(chain.request()
                .newBuilder()
                .header("Authorization", authorization)
                .header("User-Agent", userAgent)
                .build());
    }

    @Override
    public String toString() {
        return "HeadersInterceptor{userAgent=" + userAgent + "}";
    }
}
