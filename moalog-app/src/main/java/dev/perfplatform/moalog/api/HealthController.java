package dev.perfplatform.moalog.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Health on the app port, from Boot's health endpoint (which checks the database through its R2DBC contributor):
 * {@code GET /health}, the original's answer {@code {"status":"healthy"}} in the envelope, or a 503 {@code COMMON503}
 * when anything is down; and {@code GET /actuator/health}, the status alone, for load balancers and container checks
 * that reach only this port. The full actuator lives on the management port.
 */
@RestController
public class HealthController {

    private final ReactiveHealthEndpointWebExtension health;

    public HealthController(ReactiveHealthEndpointWebExtension health) {
        this.health = health;
    }

    @Operation(summary = "Liveness with a database check, in the envelope")
    @SecurityRequirements
    @GetMapping("/health")
    public Mono<ResponseEntity<ApiResponse<?>>> health() {
        return status().map(status -> {
            if (status.equals("UP")) {
                return ResponseEntity.ok()
                        .header(HttpHeaders.CACHE_CONTROL, "no-store")
                        .<ApiResponse<?>>body(ApiResponse.ok(Map.of("status", "healthy")));
            }
            ErrorCode code = ErrorCode.UNAVAILABLE;
            return ResponseEntity.status(code.status())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store")
                    .<ApiResponse<?>>body(ApiResponse.failure(code, code.message() + " (" + status + ")"));
        });
    }

    @Operation(summary = "Overall health (status only)")
    @SecurityRequirements
    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    public Mono<ResponseEntity<Map<String, String>>> actuatorHealth() {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE)
                .map(response -> ResponseEntity.status(response.getStatus())
                        .body(Map.of("status", statusOf(response.getBody()))));
    }

    private Mono<String> status() {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE)
                .map(response -> statusOf(response.getBody()));
    }

    private static String statusOf(@Nullable HealthDescriptor descriptor) {
        return descriptor == null ? "UNKNOWN" : descriptor.getStatus().getCode();
    }
}
