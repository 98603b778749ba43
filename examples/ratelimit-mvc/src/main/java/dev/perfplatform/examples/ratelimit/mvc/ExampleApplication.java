package dev.perfplatform.examples.ratelimit.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** A Spring MVC application whose {@code /api/**} is rate limited by configuration alone (see application.yaml). */
@SpringBootApplication
public class ExampleApplication {

    /** Starts the example. */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }

    @RestController
    static class Greetings {
        @GetMapping("/api/greeting")
        String greeting() {
            return "hello";
        }
    }
}
