package dev.perfplatform.fluxpay.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * What is wrong with a request body, in the body's own terms: the field by its JSON path ({@code
 * lineItems[0].unitPrice}: names joined by {@code .}, indexes as {@code [i]}) and what it takes ({@code must be one of
 * KRW, USD, JPY, EUR}), never Java types. A {@code VAL_001} with one field error says it in its message too.
 */
final class JsonProblems {

    private static final Set<Class<?>> INTEGERS = Set.of(
            int.class,
            long.class,
            short.class,
            byte.class,
            Integer.class,
            Long.class,
            Short.class,
            Byte.class,
            BigInteger.class);

    private JsonProblems() {}

    /** The refusal of a body Jackson could not read. */
    static ApiException of(JacksonException failure) {
        String field = path(failure.getPath());
        if (failure instanceof UnrecognizedPropertyException) {
            return field.isEmpty()
                    ? new ApiException(ErrorCode.VAL_001, "Unknown field")
                    : invalid(field, "is not a known field");
        }
        if (failure instanceof MismatchedInputException mismatch) {
            if (field.isEmpty()) {
                return new ApiException(ErrorCode.VAL_001, "The body must be a JSON object");
            }
            return invalid(field, expected(mismatch.getTargetType()));
        }
        if (failure instanceof StreamReadException) {
            return new ApiException(ErrorCode.VAL_001, "Malformed JSON");
        }
        return field.isEmpty()
                ? new ApiException(ErrorCode.VAL_001, "Invalid request body")
                : invalid(field, "is invalid");
    }

    /** The refusal of a body that breaks its constraints; one field error per violation, sorted. */
    static ApiException of(Collection<? extends ConstraintViolation<?>> violations) {
        List<ApiResponse.FieldError> errors = violations.stream()
                .map(violation -> new ApiResponse.FieldError(path(violation.getPropertyPath()), violation.getMessage()))
                .sorted(Comparator.comparing(ApiResponse.FieldError::field)
                        .thenComparing(ApiResponse.FieldError::message))
                .toList();
        String message =
                errors.size() == 1 ? errors.get(0).field() + " " + errors.get(0).message() : "Invalid request";
        return new ApiException(ErrorCode.VAL_001, message, errors);
    }

    /** The JSON path of Jackson's references, e.g. {@code lineItems[0].unitPrice}; empty for the root. */
    static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            String name = reference.getPropertyName();
            if (name != null) {
                property(path, name);
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The JSON path of a Bean Validation path: {@code lineItems[0].unitPrice}, {@code lineItems[0]} for a null element,
     * {@code metadata.note} for a map entry; the validator's {@code <list element>}-style node names are left out.
     */
    static String path(Path violation) {
        StringBuilder path = new StringBuilder();
        for (Path.Node node : violation) {
            if (node.isInIterable()) {
                if (node.getIndex() != null) {
                    path.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    property(path, String.valueOf(node.getKey()));
                }
            }
            if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                property(path, node.getName());
            }
        }
        return path.toString();
    }

    private static void property(StringBuilder path, String name) {
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(name);
    }

    /** A {@code VAL_001} for one field: {@code <field> <problem>}, e.g. {@code limit must be an integer}. */
    static ApiException invalid(String field, String problem) {
        return new ApiException(
                ErrorCode.VAL_001, field + " " + problem, List.of(new ApiResponse.FieldError(field, problem)));
    }

    /** What a value of {@code type} must be, as a JSON author reads it. */
    static String expected(@Nullable Class<?> type) {
        if (type == null) {
            return "has the wrong type";
        }
        if (type.isEnum()) {
            return "must be one of "
                    + Arrays.stream(type.getEnumConstants())
                            .map(constant -> ((Enum<?>) constant).name())
                            .collect(Collectors.joining(", "));
        }
        if (INTEGERS.contains(type)) {
            return "must be an integer";
        }
        if (type == double.class || type == float.class || Number.class.isAssignableFrom(type)) {
            return "must be a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "must be true or false";
        }
        if (CharSequence.class.isAssignableFrom(type)) {
            return "must be a string";
        }
        if (type == UUID.class) {
            return "must be a UUID";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "must be an array";
        }
        if (type.isRecord() || Map.class.isAssignableFrom(type)) {
            return "must be an object";
        }
        return "has the wrong type or format";
    }
}
