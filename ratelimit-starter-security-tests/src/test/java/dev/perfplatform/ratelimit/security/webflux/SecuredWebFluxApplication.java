package dev.perfplatform.ratelimit.security.webflux;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.perfplatform.ratelimit.security.SecuredApplicationTestBase;
import java.security.Principal;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;
import reactor.core.publisher.Mono;

/**
 * A WebFlux application behind Spring Security: HTTP Basic on /api/**, /public/** open, CORS in the chain, and
 * anonymous authentication on, so an anonymous request carries a principal that is not a user.
 */
@SpringBootApplication
@EnableWebFluxSecurity
@RestController
class SecuredWebFluxApplication {

    @Bean
    SecurityWebFilterChain security(ServerHttpSecurity http) {
        return http.authorizeExchange(exchanges -> exchanges
                        .pathMatchers("/public/**")
                        .permitAll()
                        .anyExchange()
                        .authenticated())
                .httpBasic(withDefaults())
                .cors(withDefaults())
                .anonymous(withDefaults())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    @Bean
    CorsConfigurationSource corsConfigurationSource() {
        UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
        source.registerCorsConfiguration("/**", SecuredApplicationTestBase.cors());
        return source;
    }

    @Bean
    MapReactiveUserDetailsService users() {
        return new MapReactiveUserDetailsService(SecuredApplicationTestBase.users());
    }

    @GetMapping({"/api/hello", "/public/ip/hello", "/public/users-only/hello"})
    Mono<String> hello(Mono<Principal> principal) {
        return principal.map(user -> "hello " + user.getName()).defaultIfEmpty("hello");
    }
}
