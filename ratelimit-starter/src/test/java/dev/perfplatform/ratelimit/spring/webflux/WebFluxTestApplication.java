package dev.perfplatform.ratelimit.spring.webflux;

import dev.perfplatform.ratelimit.spring.RateLimited;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest WebFlux application: a few endpoints for the filter to guard. */
@SpringBootApplication
public class WebFluxTestApplication {

    @RestController
    static class Endpoints {
        @GetMapping({"/api/hello", "/spoof/hello", "/shadow/hello", "/open/hello"})
        String hello() {
            return "hello";
        }

        @GetMapping("/annotated/hello")
        @RateLimited("annotated")
        String annotated() {
            return "annotated";
        }
    }
}
