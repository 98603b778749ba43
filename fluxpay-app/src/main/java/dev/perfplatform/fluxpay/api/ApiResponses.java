package dev.perfplatform.fluxpay.api;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/** Renders envelopes to bytes: the one place their JSON form is made. */
@Component
public class ApiResponses {

    private final JsonMapper json;

    public ApiResponses(JsonMapper json) {
        this.json = json;
    }

    public RenderedResponse ok(HttpStatus status, Object data) {
        return new RenderedResponse(status.value(), json.writeValueAsBytes(ApiResponse.ok(data)));
    }

    public RenderedResponse failure(ApiException failure) {
        ErrorCode code = failure.code();
        ApiResponse<Void> body = ApiResponse.failure(code, failure.getMessage(), failure.fieldErrors());
        return new RenderedResponse(code.status().value(), json.writeValueAsBytes(body));
    }
}
