package dev.perfplatform.fluxpay.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Set;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a request body strictly: unknown fields, fractional amounts and nulls for numbers are rejected rather than
 * guessed at, then Bean Validation runs; every problem is a {@code VAL_001} naming the field by its JSON path
 * ({@link JsonProblems}).
 */
@Component
public class RequestBodies {

    private final JsonMapper json;
    private final Validator validator;

    public RequestBodies(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    public <T> T read(byte[] body, Class<T> type) {
        if (body.length == 0) {
            throw new ApiException(ErrorCode.VAL_001, "Request body is required");
        }
        T value;
        try {
            value = strictReader(type).readValue(body);
        } catch (JacksonException e) {
            throw JsonProblems.of(e);
        }
        if (value == null) {
            throw new ApiException(ErrorCode.VAL_001, "Request body is required");
        }
        Set<ConstraintViolation<T>> violations = validator.validate(value);
        if (!violations.isEmpty()) {
            throw JsonProblems.of(violations);
        }
        return value;
    }

    private ObjectReader strictReader(Class<?> type) {
        return json.readerFor(type)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }
}
