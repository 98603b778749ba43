package dev.perfplatform.fluxpay.api;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An answer as sent: status and exact body bytes, so an idempotent replay is identical byte for byte. */
@SuppressWarnings("ArrayRecordComponent") // carries the exact bytes sent; never compared, hashed or used as a key
public record RenderedResponse(int status, byte[] body) {

    /** Header set on an answer replayed from an idempotency record. */
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    public ResponseEntity<byte[]> toEntity(boolean replayed) {
        ResponseEntity.BodyBuilder entity = ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON);
        if (replayed) {
            entity.header(REPLAYED_HEADER, "true");
        }
        return entity.header(HttpHeaders.CACHE_CONTROL, "no-store").body(body);
    }
}
