package dev.perfplatform.moalog.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import org.jspecify.annotations.Nullable;

/**
 * The envelope of every answer: {@code {"isSuccess":true,"code":"COMMON200","message":"성공입니다.","result":{...}}},
 * or {@code isSuccess:false} with an error code and {@code result:null}.
 */
@JsonPropertyOrder({"isSuccess", "code", "message", "result"})
public record ApiResponse<T>(
        @JsonProperty("isSuccess") boolean isSuccess,
        String code,
        String message,
        @Nullable T result) {

    /** The code of an ordinary success. */
    public static final String OK = "COMMON200";

    private static final String OK_MESSAGE = "성공입니다.";

    public static <T> ApiResponse<T> ok(@Nullable T result) {
        return new ApiResponse<>(true, OK, OK_MESSAGE, result);
    }

    /** A success with a code of its own, e.g. {@code AUTH2001} for a new member's first sign-in. */
    public static <T> ApiResponse<T> ok(String code, String message, @Nullable T result) {
        return new ApiResponse<>(true, code, message, result);
    }

    public static ApiResponse<Void> failure(ErrorCode code, String message) {
        return new ApiResponse<>(false, code.code(), message, null);
    }
}
