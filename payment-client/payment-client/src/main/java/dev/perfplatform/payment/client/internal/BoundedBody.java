package dev.perfplatform.payment.client.internal;

import java.io.IOException;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/**
 * Reads a response body up to a limit: at most {@code limit + 1} bytes are ever buffered, so an endless or huge
 * answer costs the limit, not the heap. OkHttp has no such cap of its own ({@code ResponseBody.bytes()} reads
 * everything, and refuses only beyond 2 GiB).
 */
final class BoundedBody {

    private BoundedBody() {}

    /** The whole body, or null when it is longer than {@code limit} bytes (announced or as read). */
    static byte @Nullable [] read(ResponseBody body, long limit) throws IOException {
        if (body.contentLength() > limit) {
            return null;
        }
        BufferedSource source = body.source();
        if (source.request(limit + 1)) {
            return null;
        }
        return source.getBuffer().readByteArray();
    }
}
