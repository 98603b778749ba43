package dev.perfplatform.testing.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/** The endpoints of a WebFlux app, from its annotated controllers' handler mappings. */
public final class Endpoints {

    private Endpoints() {}

    /**
     * Every method and pattern the mapping serves, sorted; a mapping without methods counts as {@code GET} and
     * {@code POST}, the methods a caller would try first.
     */
    public static List<Endpoint> of(RequestMappingHandlerMapping handlers) {
        List<Endpoint> endpoints = new ArrayList<>();
        for (RequestMappingInfo mapping : handlers.getHandlerMethods().keySet()) {
            List<String> methods = mapping.getMethodsCondition().getMethods().stream()
                    .map(RequestMethod::name)
                    .toList();
            for (var pattern : mapping.getPatternsCondition().getPatterns()) {
                for (String method : methods.isEmpty() ? List.of("GET", "POST") : methods) {
                    endpoints.add(new Endpoint(method, pattern.getPatternString()));
                }
            }
        }
        endpoints.sort(Comparator.comparing(Endpoint::pattern).thenComparing(Endpoint::method));
        return List.copyOf(endpoints);
    }
}
