package dev.perfplatform.ratelimit.spring.internal;

import dev.perfplatform.ratelimit.Decision;
import dev.perfplatform.ratelimit.RateLimiter;
import dev.perfplatform.ratelimit.spring.PolicyDefinition;
import dev.perfplatform.ratelimit.spring.RateLimiterRegistry;
import dev.perfplatform.ratelimit.spring.web.KeyResolver;
import dev.perfplatform.ratelimit.spring.web.RateLimitHeaderFormat;
import dev.perfplatform.ratelimit.spring.web.RateLimitRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The stack-neutral heart of both filters: which policies apply to a request, its key under each, the decisions, and
 * the headers to write.
 */
public final class RequestRateLimiter {

    /** Distinct (method, path) pairs whose matching rules are remembered; beyond it, matching is redone. */
    static final int MATCH_CACHE_SIZE = 4096;

    private final List<Rule> rules;
    private final Map<String, Rule> byName;
    private final RateLimitHeaderFormat headers;
    private final boolean headersOnAllowed;
    private final Map<String, List<Rule>> matches = new ConcurrentHashMap<>();

    /**
     * @param registry the configured policies and limiters
     * @param keyResolvers the application's {@link KeyResolver} beans by name
     * @param headers the header format
     * @param headersOnAllowed whether admitted responses carry the headers
     */
    public RequestRateLimiter(
            RateLimiterRegistry registry,
            Map<String, KeyResolver> keyResolvers,
            RateLimitHeaderFormat headers,
            boolean headersOnAllowed) {
        this.headers = headers;
        this.headersOnAllowed = headersOnAllowed;
        List<Rule> compiled = new ArrayList<>();
        Map<String, Rule> named = new java.util.LinkedHashMap<>();
        for (PolicyDefinition definition : registry.definitions().values()) {
            Rule rule = new Rule(definition, registry, keyResolvers);
            named.put(definition.name(), rule);
            if (definition.filter()) {
                compiled.add(rule);
            }
        }
        this.rules = List.copyOf(compiled);
        this.byName = Map.copyOf(named);
    }

    /** Whether any policy applies to this method and path (so a request outside them costs nothing). */
    public boolean applies(String method, String path) {
        return !matching(method, path).isEmpty();
    }

    /** Whether a policy applying to this method and path is keyed by the principal. */
    public boolean needsPrincipal(String method, String path) {
        for (Rule rule : matching(method, path)) {
            if (rule.definition.key().equals("user")) {
                return true;
            }
        }
        return false;
    }

    /** Decides every policy whose paths and methods match; the stage never fails for a denial. */
    public CompletionStage<Outcome> evaluate(RateLimitRequest request) {
        return evaluate(request, matching(request.method(), request.path()));
    }

    /**
     * Decides the named policies whatever their paths ({@code @RateLimited}).
     *
     * @throws IllegalArgumentException for a name that is not a configured policy
     */
    public CompletionStage<Outcome> evaluateNamed(RateLimitRequest request, List<String> policies) {
        List<Rule> named = new ArrayList<>(policies.size());
        for (String name : policies) {
            named.add(rule(name));
        }
        return evaluate(request, named);
    }

    /** Whether {@code name} is a configured policy. */
    public boolean hasPolicy(String name) {
        return byName.containsKey(name);
    }

    private Rule rule(String name) {
        Rule rule = byName.get(name);
        if (rule == null) {
            throw new IllegalArgumentException(
                    "no rate-limit policy named '" + name + "'; configured: " + byName.keySet());
        }
        return rule;
    }

    private CompletionStage<Outcome> evaluate(RateLimitRequest request, List<Rule> applicable) {
        if (applicable.size() == 1) {
            Rule rule = applicable.get(0);
            String key = rule.key(request);
            if (key == null) {
                return CompletableFuture.completedFuture(new Outcome(List.of(), null));
            }
            return rule.limiter.acquireAsync(key, 1).thenApply(RequestRateLimiter::outcomeOf);
        }
        List<CompletableFuture<Decision>> pending = new ArrayList<>();
        for (Rule rule : applicable) {
            String key = rule.key(request);
            if (key != null) {
                pending.add(rule.limiter.acquireAsync(key, 1).toCompletableFuture());
            }
        }
        return CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new))
                .thenApply(done -> {
                    List<Decision> decisions =
                            pending.stream().map(CompletableFuture::join).toList();
                    Decision denial = decisions.stream()
                            .filter(decision -> !decision.isAllowed())
                            .max((a, b) -> Long.compare(a.retryAfterMicros(), b.retryAfterMicros()))
                            .orElse(null);
                    return new Outcome(decisions, denial);
                });
    }

    private static Outcome outcomeOf(Decision decision) {
        return new Outcome(List.of(decision), decision.isAllowed() ? null : decision);
    }

    private List<Rule> matching(String method, String path) {
        String cacheKey = method + ' ' + path;
        List<Rule> cached = matches.get(cacheKey);
        if (cached != null) {
            return cached;
        }
        PathContainer container = PathContainer.parsePath(path);
        List<Rule> found = new ArrayList<>(1);
        for (Rule rule : rules) {
            if (rule.matches(method, container)) {
                found.add(rule);
            }
        }
        List<Rule> result = List.copyOf(found);
        if (matches.size() < MATCH_CACHE_SIZE) {
            matches.put(cacheKey, result);
        }
        return result;
    }

    /** Writes {@code Retry-After} and the rate-limit headers for {@code outcome}. */
    public void writeHeaders(Outcome outcome, BiConsumer<String, String> header) {
        Decision denial = outcome.denial();
        if (denial != null) {
            header.accept("Retry-After", String.valueOf(RateLimitHeaderFormat.retryAfterSeconds(denial)));
        }
        if (!outcome.decisions().isEmpty() && (denial != null || headersOnAllowed)) {
            headers.write(outcome.decisions(), header);
        }
    }

    /**
     * The decisions of one request.
     *
     * @param decisions one per applicable policy
     * @param denial the denial with the longest wait, or null when admitted
     */
    public record Outcome(
            List<Decision> decisions, @Nullable Decision denial) {}

    /** A policy compiled for matching. */
    private static final class Rule {
        private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

        final PolicyDefinition definition;
        final RateLimiter limiter;
        final List<PathPattern> include;
        final List<PathPattern> exclude;
        final @Nullable KeyResolver resolver;

        Rule(PolicyDefinition definition, RateLimiterRegistry registry, Map<String, KeyResolver> resolvers) {
            this.definition = definition;
            this.limiter = registry.limiter(definition.name());
            this.include = definition.paths().stream().map(PARSER::parse).toList();
            this.exclude = definition.excludePaths().stream().map(PARSER::parse).toList();
            this.resolver = resolvers.get(definition.key());
        }

        boolean matches(String method, PathContainer path) {
            if (!definition.methods().isEmpty() && !definition.methods().contains(method)) {
                return false;
            }
            if (exclude.stream().anyMatch(pattern -> pattern.matches(path))) {
                return false;
            }
            return include.isEmpty() || include.stream().anyMatch(pattern -> pattern.matches(path));
        }

        /** The key, prefixed by its kind so an IP, a user and a header value never collide; null to skip. */
        @Nullable
        String key(RateLimitRequest request) {
            String key = definition.key();
            if (resolver != null) {
                String resolved = resolver.resolve(request);
                return resolved == null ? null : "k:" + resolved;
            }
            if (key.equals("global")) {
                return "global";
            }
            if (key.equals("user")) {
                String principal = request.principalName();
                if (principal != null) {
                    return "user:" + principal;
                }
                return definition.userFallbackToIp() ? "ip:" + request.clientAddress() : null;
            }
            if (key.startsWith("header:")) {
                String value = request.header(key.substring("header:".length()));
                return value == null ? "ip:" + request.clientAddress() : "h:" + value;
            }
            return "ip:" + request.clientAddress();
        }
    }
}
