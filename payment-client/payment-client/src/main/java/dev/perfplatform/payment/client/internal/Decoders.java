package dev.perfplatform.payment.client.internal;

import dev.perfplatform.payment.client.Outcome;
import dev.perfplatform.payment.client.Page;
import java.util.List;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;

/** Decoders of the shapes FluxPay answers with: one resource, a page, a list, or a resource or unknown outcome. */
public final class Decoders {

    private final ObjectMapper json;

    /** Decoders reading with {@code json}. */
    public Decoders(ObjectMapper json) {
        this.json = json;
    }

    /** One resource. */
    public <T> ResponseDecoder<T> resource(Class<T> type) {
        return (status, data, requestId) -> json.treeToValue(data, type);
    }

    /** A cursor page {@code {items, hasMore, nextCursor}}. */
    public <T> ResponseDecoder<Page<T>> page(Class<T> type) {
        JavaType pageType = json.getTypeFactory().constructParametricType(Page.class, type);
        return (status, data, requestId) -> json.treeToValue(data, pageType);
    }

    /** A JSON array. */
    public <T> ResponseDecoder<List<T>> list(Class<T> type) {
        JavaType listType = json.getTypeFactory().constructCollectionType(List.class, type);
        return (status, data, requestId) -> List.copyOf(json.<List<T>>treeToValue(data, listType));
    }

    /** A resource that is {@link Outcome.Unknown} when the answer is {@code 202}. */
    public <T> ResponseDecoder<Outcome<T>> outcome(Class<T> type) {
        return (status, data, requestId) -> {
            T resource = json.treeToValue(data, type);
            return status == 202 ? new Outcome.Unknown<>(resource, requestId) : new Outcome.Completed<>(resource);
        };
    }
}
