package dev.perfplatform.ratelimit.security.servlet;

import static org.springframework.security.config.Customizer.withDefaults;

import dev.perfplatform.ratelimit.security.SecuredApplicationTestBase;
import java.security.Principal;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/** A Spring MVC application behind Spring Security: HTTP Basic on /api/**, /public/** open, CORS in the chain. */
@SpringBootApplication
@RestController
class SecuredServletApplication {

    @Bean
    SecurityFilterChain security(HttpSecurity http) throws Exception {
        return http.authorizeHttpRequests(requests -> requests.requestMatchers("/public/**")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .httpBasic(withDefaults())
                .cors(withDefaults())
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
    InMemoryUserDetailsManager users() {
        return new InMemoryUserDetailsManager(SecuredApplicationTestBase.users());
    }

    @GetMapping({"/api/hello", "/public/ip/hello", "/public/users-only/hello"})
    String hello(@Nullable Principal principal) {
        return principal == null ? "hello" : "hello " + principal.getName();
    }
}
