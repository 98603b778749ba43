package dev.perfplatform.fluxpay;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import org.springframework.boot.actuate.endpoint.ApiVersion;
import org.springframework.boot.actuate.endpoint.SecurityContext;
import org.springframework.boot.actuate.endpoint.web.WebServerNamespace;
import org.springframework.boot.health.actuate.endpoint.ReactiveHealthEndpointWebExtension;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /actuator/health} on the app port, for load balancers and container health checks that only reach that
 * port: the overall status and its HTTP code (200 UP, 503 otherwise), never the components' details; the full
 * actuator lives on the management port. Boot's own health {@code additional-path} cannot serve this path (it takes
 * one path segment), hence this small delegate to the same health endpoint.
 */
@RestController
class AppPortHealthController {

    private final ReactiveHealthEndpointWebExtension health;

    AppPortHealthController(ReactiveHealthEndpointWebExtension health) {
        this.health = health;
    }

    @Operation(summary = "Overall health (status only)")
    @SecurityRequirements
    @GetMapping(path = "/actuator/health", produces = MediaType.APPLICATION_JSON_VALUE)
    Mono<ResponseEntity<Map<String, String>>> health() {
        return health.health(ApiVersion.LATEST, WebServerNamespace.SERVER, SecurityContext.NONE)
                .map(response -> {
                    String status = response.getBody() == null
                            ? "UNKNOWN"
                            : response.getBody().getStatus().getCode();
                    return ResponseEntity.status(response.getStatus()).body(Map.of("status", status));
                });
    }
}
