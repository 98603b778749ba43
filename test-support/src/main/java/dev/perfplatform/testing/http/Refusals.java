package dev.perfplatform.testing.http;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Collects every request that should have been refused but was not: an answer other than 400, 401, 403 or 404, an
 * answer outside the app's error envelope, or one that wrote rows. Problems are gathered, not thrown, so one run
 * reports the whole surface.
 */
public final class Refusals {

    /** The statuses of a refusal: malformed, unauthenticated, forbidden, or (to an authenticated caller) not found. */
    public static final Set<Integer> REFUSED = Set.of(400, 401, 403, 404);

    private final RawHttpClient client;
    private final Predicate<String> isErrorEnvelope;
    private final RowCounts rows;
    private final List<String> problems = new ArrayList<>();

    /** Checks answers of {@code client} against the app's envelope test and its business tables. */
    public Refusals(RawHttpClient client, Predicate<String> isErrorEnvelope, RowCounts rows) {
        this.client = client;
        this.isErrorEnvelope = isErrorEnvelope;
        this.rows = rows;
    }

    /** Sends the request and records a problem unless it is refused in the envelope without writing a row. */
    public HttpResponse<String> expectRefused(String method, String rawPath, Map<String, String> headers, String body) {
        Map<String, Long> before = rows.of();
        HttpResponse<String> answer = client.send(method, rawPath, headers, body);
        String what = method + " " + rawPath + " " + redacted(headers) + " -> " + answer.statusCode() + " "
                + abbreviated(answer.body());
        if (!REFUSED.contains(answer.statusCode())) {
            problems.add("not refused: " + what);
        } else if (!isErrorEnvelope.test(answer.body())) {
            problems.add("not the envelope: " + what);
        }
        Map<String, Long> after = rows.of();
        if (!after.equals(before)) {
            problems.add("wrote rows " + before + " -> " + after + ": " + what);
        }
        return answer;
    }

    /** Every problem found so far, one line each. */
    public List<String> problems() {
        return List.copyOf(problems);
    }

    private static String redacted(Map<String, String> headers) {
        return headers.containsKey("Authorization") ? "[with credentials]" : "[anonymous]";
    }

    private static String abbreviated(String body) {
        return body.length() <= 200 ? body : body.substring(0, 200) + "…";
    }
}
