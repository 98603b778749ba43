package dev.perfplatform.ratelimit.spring;

import dev.perfplatform.ratelimit.FailurePolicy;
import dev.perfplatform.ratelimit.Limit;
import dev.perfplatform.ratelimit.RateLimitPolicy;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Turns {@code ratelimit.policies.*} into core policies: the one place where properties become configuration, and
 * where every mistake is reported with the full name of the property at fault.
 */
public final class PolicyDefinitions {

    static final List<String> ALGORITHMS = List.of(
            "token-bucket", "gcra", "fixed-window", "sliding-window", "sliding-window-counter", "sliding-window-log");
    static final Set<String> BUILT_IN_KEYS = Set.of("ip", "user", "global");
    static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

    private PolicyDefinitions() {}

    /**
     * The policies of {@code properties}, in the order given.
     *
     * @param keyResolverBeans whether a name is a {@code KeyResolver} bean of the application
     * @throws InvalidRateLimitConfigurationException naming the first bad property
     */
    public static Map<String, PolicyDefinition> from(
            RateLimitProperties properties, Predicate<String> keyResolverBeans) {
        Map<String, PolicyDefinition> definitions = new LinkedHashMap<>();
        properties.getPolicies().forEach((name, policy) -> {
            String prefix = "ratelimit.policies." + name;
            definitions.put(name, definition(prefix, name, policy, keyResolverBeans));
        });
        return definitions;
    }

    private static PolicyDefinition definition(
            String prefix, String name, RateLimitProperties.Policy properties, Predicate<String> keyResolverBeans) {
        RateLimitPolicy.Builder builder;
        try {
            builder = RateLimitPolicy.builder(name);
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException(prefix, e.getMessage());
        }
        if (properties.getLimits().isEmpty()) {
            throw new InvalidRateLimitConfigurationException(prefix + ".limits", "a policy needs at least one limit");
        }
        List<RateLimitProperties.LimitSpec> limits = properties.getLimits();
        for (int i = 0; i < limits.size(); i++) {
            builder.limit(limit(prefix + ".limits[" + i + "]", limits.get(i)));
        }
        builder.shadow(properties.isShadow()).failurePolicy(failure(prefix, properties));
        RateLimitPolicy policy;
        try {
            policy = builder.build();
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException(prefix + ".limits", e.getMessage());
        }
        String key = key(prefix + ".key", properties.getKey(), keyResolverBeans);
        Set<String> methods = properties.getMethods().stream()
                .map(method -> method.strip().toUpperCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
        for (String method : methods) {
            if (!METHODS.contains(method)) {
                throw new InvalidRateLimitConfigurationException(
                        prefix + ".methods", "unknown HTTP method '" + method + "'");
            }
        }
        return new PolicyDefinition(
                policy,
                key,
                List.copyOf(properties.getPaths()),
                List.copyOf(properties.getExcludePaths()),
                methods,
                properties.isFilter(),
                properties.isUserFallbackToIp());
    }

    private static Limit limit(String prefix, RateLimitProperties.LimitSpec spec) {
        String algorithm = spec.getAlgorithm();
        if (algorithm == null || !ALGORITHMS.contains(algorithm.strip().toLowerCase(Locale.ROOT))) {
            throw new InvalidRateLimitConfigurationException(
                    prefix + ".algorithm",
                    "unknown algorithm '" + algorithm + "'; expected one of " + String.join(", ", ALGORITHMS));
        }
        Duration window = spec.getWindow();
        if (window == null) {
            throw new InvalidRateLimitConfigurationException(prefix + ".window", "a window (or period) is required");
        }
        long count = spec.getLimit();
        Long burstValue = spec.getBurst();
        long burst = burstValue == null ? count : burstValue;
        if (count < 1) {
            throw new InvalidRateLimitConfigurationException(prefix + ".limit", "must be at least 1 but was " + count);
        }
        if (burst < 1) {
            throw new InvalidRateLimitConfigurationException(prefix + ".burst", "must be at least 1 but was " + burst);
        }
        Limit limit;
        try {
            limit = switch (algorithm.strip().toLowerCase(Locale.ROOT)) {
                case "token-bucket" -> Limit.tokenBucket(burst, count, window);
                case "gcra" -> Limit.gcra(count, window, burst);
                case "fixed-window" -> Limit.fixedWindow(count, window);
                case "sliding-window-log" -> Limit.slidingWindowLog(count, window);
                default -> Limit.slidingWindowCounter(count, window);
            };
        } catch (IllegalArgumentException e) {
            throw new InvalidRateLimitConfigurationException(prefix, e.getMessage());
        }
        String name = spec.getName();
        return name == null || name.isBlank() ? limit : limit.named(name);
    }

    private static FailurePolicy failure(String prefix, RateLimitProperties.Policy properties) {
        return switch (properties.getFailure()) {
            case OPEN -> FailurePolicy.failOpen();
            case CLOSED -> FailurePolicy.failClosed();
            case LOCAL -> {
                try {
                    yield FailurePolicy.localFallback(properties.getLocalShare());
                } catch (IllegalArgumentException e) {
                    throw new InvalidRateLimitConfigurationException(prefix + ".local-share", e.getMessage());
                }
            }
        };
    }

    private static String key(String property, String key, Predicate<String> keyResolverBeans) {
        String trimmed = key.strip();
        if (BUILT_IN_KEYS.contains(trimmed) || keyResolverBeans.test(trimmed)) {
            return trimmed;
        }
        if (trimmed.startsWith("header:") && trimmed.length() > "header:".length()) {
            return trimmed;
        }
        throw new InvalidRateLimitConfigurationException(
                property,
                "unknown key '" + key + "'; expected ip, user, global, header:NAME or the name of a KeyResolver bean");
    }
}
