package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import dev.perfplatform.ratelimit.spring.web.RateLimitResponseWriter;
import java.nio.charset.StandardCharsets;

/** The default 429 body: an RFC 9457 problem with the draft's {@code quota-exceeded} type. */
public final class ProblemDetailResponseWriter implements RateLimitResponseWriter {

    /** The problem type of draft-ietf-httpapi-ratelimit-headers for an exhausted quota. */
    public static final String TYPE = "https://iana.org/assignments/http-problem-types#quota-exceeded";

    @Override
    public Body render(Decision denial, RateLimitRequest request) {
        String json = "{\"type\":\"" + TYPE + "\",\"title\":\"Too Many Requests\",\"status\":429,"
                + "\"detail\":\"Rate limit '" + denial.policy().name() + "' exceeded; retry after "
                + RateLimitHeaderFormat.retryAfterSeconds(denial) + " s.\",\"instance\":\"" + escape(request.path())
                + "\",\"violated-policies\":[\"" + denial.policy().name() + "\"]}";
        return new Body("application/problem+json", json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
