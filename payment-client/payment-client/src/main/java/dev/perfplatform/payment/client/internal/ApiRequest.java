package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.RequestOptions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One logical call, before it becomes HTTP: its metric name, method, path segments below {@code /api/v1}, query,
 * JSON body and decoder.
 *
 * @param operation low-cardinality name for metrics and logs, e.g. {@code orders.create}
 * @param method {@code GET} or {@code POST}
 * @param path path segments below {@code /api/v1}, each URL-encoded when sent
 * @param query query parameters (nulls already left out)
 * @param body the JSON body of a POST
 * @param options the caller's options
 * @param decoder reads the result
 * @param <T> the result
 */
public record ApiRequest<T>(
        String operation,
        String method,
        List<String> path,
        Map<String, String> query,
        @Nullable Object body,
        RequestOptions options,
        ResponseDecoder<T> decoder) {

    /** Copies the collections. */
    public ApiRequest {
        path = List.copyOf(path);
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    }

    /** A GET of {@code path}. */
    public static <T> ApiRequest<T> get(String operation, ResponseDecoder<T> decoder, String... path) {
        return new ApiRequest<>(operation, "GET", segments(path), Map.of(), null, RequestOptions.NONE, decoder);
    }

    /** A POST of {@code body} (an empty JSON object when null) to {@code path}. */
    public static <T> ApiRequest<T> post(
            String operation, @Nullable Object body, ResponseDecoder<T> decoder, String... path) {
        return new ApiRequest<>(operation, "POST", segments(path), Map.of(), body, RequestOptions.NONE, decoder);
    }

    /** Whether the call carries an {@code Idempotency-Key}. */
    public boolean isPost() {
        return method.equals("POST");
    }

    /** This call with a query parameter set, or left out when {@code value} is null. */
    public ApiRequest<T> query(String name, @Nullable Object value) {
        Map<String, String> copy = new LinkedHashMap<>(query);
        if (value == null) {
            copy.remove(name);
        } else {
            copy.put(name, value.toString());
        }
        return new ApiRequest<>(operation, method, path, copy, body, options, decoder);
    }

    /** This call reading the page of {@code limit} items after {@code startingAfter} (each left out when null). */
    public ApiRequest<T> page(@Nullable Integer limit, @Nullable String startingAfter) {
        return query("limit", limit).query("startingAfter", startingAfter);
    }

    /** This call with {@code options}. */
    public ApiRequest<T> options(RequestOptions options) {
        return new ApiRequest<>(operation, method, path, query, body, Args.notNull(options, "options"), decoder);
    }

    private static List<String> segments(String... path) {
        for (String segment : path) {
            Args.text(segment, "path segment");
        }
        return List.of(path);
    }
}
