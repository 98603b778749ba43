package dev.perfplatform.moalog.api;

import java.util.Comparator;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;

/**
 * Spring's own refusals of a request as API failures: a body over {@code spring.codec.max-in-memory-size}, a body that
 * does not parse or breaks its constraints (the first field at fault, with the code {@link FieldCodes} gives it), no
 * such path or method, a media type the API does not speak. Anything else is no client error: null.
 */
public final class ClientErrors {

    private ClientErrors() {}

    /** A refusal and the headers that go with it (e.g. {@code Allow} for a 405). */
    public record Refusal(ApiException failure, HttpHeaders headers) {}

    public static @Nullable Refusal of(Throwable failure) {
        if (causedBy(failure, DataBufferLimitException.class) != null
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value())) {
            return refusal(new ApiException(ErrorCode.BODY_TOO_LARGE));
        }
        if (failure instanceof WebExchangeBindException invalid) {
            return refusal(invalidField(invalid));
        }
        if (!(failure instanceof ResponseStatusException status)
                || !status.getStatusCode().is4xxClientError()) {
            return null;
        }
        if (failure instanceof ServerWebInputException input) {
            return refusal(unreadable(input));
        }
        if (failure instanceof MethodNotAllowedException method) {
            return new Refusal(new ApiException(ErrorCode.METHOD_NOT_ALLOWED), method.getHeaders());
        }
        return refusal(
                switch (status.getStatusCode().value()) {
                    case 404 -> new ApiException(ErrorCode.NOT_FOUND);
                    case 406 -> new ApiException(ErrorCode.NOT_ACCEPTABLE);
                    case 415 -> new ApiException(ErrorCode.UNSUPPORTED_MEDIA_TYPE);
                    default -> new ApiException(ErrorCode.BAD_REQUEST);
                });
    }

    private static ApiException invalidField(WebExchangeBindException invalid) {
        FieldError first = invalid.getFieldErrors().stream()
                .min(Comparator.comparing(FieldError::getField))
                .orElse(null);
        if (first == null) {
            return new ApiException(ErrorCode.BAD_REQUEST);
        }
        String message = first.getDefaultMessage() == null ? "값이 올바르지 않습니다." : first.getDefaultMessage();
        return new ApiException(FieldCodes.of(first.getField()), first.getField() + ": " + message);
    }

    private static ApiException unreadable(ServerWebInputException input) {
        ApiException refused = causedBy(input, ApiException.class); // a value's own parser refused it, saying why
        if (refused != null) {
            return refused;
        }
        JacksonException json = causedBy(input, JacksonException.class);
        if (json != null && !(json instanceof StreamReadException)) {
            String field = field(json);
            return field.isEmpty()
                    ? new ApiException(ErrorCode.BAD_REQUEST, "요청 본문은 JSON 객체여야 합니다.")
                    : new ApiException(FieldCodes.of(field), field + ": 값의 형식이 올바르지 않습니다.");
        }
        if (json != null) {
            return new ApiException(ErrorCode.BAD_REQUEST, "요청 본문이 올바른 JSON이 아닙니다.");
        }
        String reason = input.getReason();
        if (reason != null && reason.contains("body")) {
            return new ApiException(ErrorCode.BAD_REQUEST, "요청 본문이 필요합니다.");
        }
        return new ApiException(ErrorCode.BAD_REQUEST);
    }

    /** The JSON path of the value Jackson refused, e.g. {@code retroRoomOrders[0].orderIndex}; empty for the root. */
    private static String field(JacksonException failure) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : failure.getPath()) {
            if (reference.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Refusal refusal(ApiException failure) {
        return new Refusal(failure, HttpHeaders.EMPTY);
    }

    private static <T extends Throwable> @Nullable T causedBy(Throwable failure, Class<T> type) {
        Throwable cause = failure;
        for (int depth = 0; cause != null && depth < 10; depth++, cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }
}
