package dev.perfplatform.fluxpay.api;

import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import tools.jackson.core.JacksonException;

/**
 * Spring's own refusals of a request as error envelopes with their status and headers: a body over the codec limit
 * ({@code spring.codec.max-in-memory-size}) is a 413 {@code VAL_006}, an unreadable body a {@code VAL_001} naming the
 * field, no such endpoint, method, media type or acceptable representation a {@code REQ_} code (405 with its {@code
 * Allow} header), any other 4xx {@link ResponseStatusException} {@code REQ_005} with its status. Anything else is not a
 * refusal of the request and is left to the caller. Used by {@link ApiErrorHandler} for what reaches a controller's
 * dispatch and by {@link ClientErrorWebExceptionHandler} for what is raised before (in a filter).
 */
@Component
public class ClientErrors {

    private static final Logger log = LoggerFactory.getLogger(ClientErrors.class);

    private final ApiResponses responses;
    private final String bodyLimit;

    public ClientErrors(
            ApiResponses responses, @Value("${spring.codec.max-in-memory-size:256KB}") DataSize maxInMemorySize) {
        this.responses = responses;
        this.bodyLimit = readable(maxInMemorySize);
    }

    /** The refusal of {@code request} that {@code failure} stands for; null when it is no client error. */
    public @Nullable Refusal of(Throwable failure, ServerHttpRequest request) {
        if (causedBy(failure, DataBufferLimitException.class) != null
                || (failure instanceof ResponseStatusException status
                        && status.getStatusCode().value() == HttpStatus.CONTENT_TOO_LARGE.value())) {
            log.warn(
                    "{} {}: request body over the {} limit (spring.codec.max-in-memory-size), answered 413",
                    request.getMethod(),
                    request.getPath().value(),
                    bodyLimit);
            return refusal(new ApiException(ErrorCode.VAL_006, "Request body too large: at most " + bodyLimit));
        }
        if (!(failure instanceof ResponseStatusException status)
                || !status.getStatusCode().is4xxClientError()) {
            return null;
        }
        log.debug("{} {} refused: {}", request.getMethod(), request.getPath().value(), status.getMessage());
        ApiException refused = translate(status, request);
        RenderedResponse rendered = responses.failure(refused);
        if (refused.code() == ErrorCode.REQ_005) {
            rendered = new RenderedResponse(status.getStatusCode().value(), rendered.body());
        }
        return new Refusal(rendered, status.getHeaders());
    }

    private static ApiException translate(ResponseStatusException failure, ServerHttpRequest request) {
        String path = request.getPath().value();
        if (failure instanceof ServerWebInputException) {
            JacksonException unreadable = causedBy(failure, JacksonException.class);
            if (unreadable != null) {
                return JsonProblems.of(unreadable);
            }
            TypeMismatchException mismatch = causedBy(failure, TypeMismatchException.class);
            if (mismatch != null && mismatch.getPropertyName() != null) {
                return JsonProblems.invalid(
                        mismatch.getPropertyName(), JsonProblems.expected(mismatch.getRequiredType()));
            }
            return new ApiException(ErrorCode.VAL_001, reasonOr(failure, ErrorCode.VAL_001));
        }
        if (failure instanceof MethodNotAllowedException method) {
            return new ApiException(
                    ErrorCode.REQ_002,
                    method.getHttpMethod() + " is not allowed on " + path + "; allowed: "
                            + method.getSupportedMethods().stream()
                                    .map(Object::toString)
                                    .sorted()
                                    .collect(Collectors.joining(", ")));
        }
        if (failure.getStatusCode().value() == HttpStatus.UNSUPPORTED_MEDIA_TYPE.value()) {
            String sent = request.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
            List<MediaType> supported = failure instanceof UnsupportedMediaTypeStatusException media
                    ? media.getSupportedMediaTypes()
                    : List.of();
            return new ApiException(
                    ErrorCode.REQ_003,
                    (sent == null || sent.isBlank()
                                    ? "Content-Type is missing"
                                    : "Content-Type " + abbreviated(sent) + " is not supported")
                            + "; send " + types(supported));
        }
        if (failure instanceof NotAcceptableStatusException acceptable) {
            return new ApiException(
                    ErrorCode.REQ_004, "This endpoint answers only " + types(acceptable.getSupportedMediaTypes()));
        }
        return switch (failure.getStatusCode().value()) {
            case 404 -> new ApiException(ErrorCode.REQ_001, "No such endpoint: " + request.getMethod() + " " + path);
            case 405 -> new ApiException(ErrorCode.REQ_002);
            case 406 -> new ApiException(ErrorCode.REQ_004);
            default -> new ApiException(ErrorCode.REQ_005, reasonOr(failure, ErrorCode.REQ_005));
        };
    }

    private Refusal refusal(ApiException failure) {
        return new Refusal(responses.failure(failure), HttpHeaders.EMPTY);
    }

    private static String types(List<MediaType> types) {
        return types.isEmpty()
                ? MediaType.APPLICATION_JSON_VALUE
                : types.stream().map(MediaType::toString).distinct().collect(Collectors.joining(", "));
    }

    private static String abbreviated(String value) {
        return value.length() <= 100 ? value : value.substring(0, 100) + "…";
    }

    private static String reasonOr(ResponseStatusException failure, ErrorCode code) {
        String reason = failure.getReason();
        return reason == null ? code.message() : reason;
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

    private static String readable(DataSize size) {
        long bytes = size.toBytes();
        if (bytes > 0 && bytes % (1024 * 1024) == 0) {
            return bytes / (1024 * 1024) + " MiB";
        }
        if (bytes > 0 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }

    /** An envelope refusing a request, with the headers that go with it (e.g. {@code Allow}). */
    public record Refusal(RenderedResponse rendered, HttpHeaders headers) {

        public ResponseEntity<byte[]> toEntity() {
            return ResponseEntity.status(rendered.status())
                    .headers(headers)
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .body(rendered.body());
        }
    }
}
