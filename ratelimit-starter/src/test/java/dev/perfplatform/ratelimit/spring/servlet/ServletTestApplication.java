package dev.perfplatform.ratelimit.spring.servlet;

import dev.perfplatform.ratelimit.spring.RateLimited;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The smallest Spring MVC application: endpoints for the servlet filter to guard. */
@SpringBootApplication
public class ServletTestApplication {

    @RestController
    static class Endpoints {
        @GetMapping({"/api/hello", "/spoof/hello", "/open/hello"})
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
