package dev.perfplatform.testing.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Bookkeeping shared by the extensions: one resource per test class, found again from any nested context. */
public final class ClassScopedResources {

    private ClassScopedResources() {}

    /** Stores {@code resource} for the class of {@code context}. */
    public static <T> void put(ExtensionContext context, Class<T> type, T resource) {
        context.getStore(namespace(type)).put(context.getRequiredTestClass(), resource);
    }

    /** Removes and returns the resource of the class of {@code context}, if any. */
    public static <T> @Nullable T remove(ExtensionContext context, Class<T> type) {
        return context.getStore(namespace(type)).remove(context.getRequiredTestClass(), type);
    }

    /** The resource of the nearest enclosing class context that has one. */
    public static <T> T find(ExtensionContext context, Class<T> type) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            ExtensionContext candidate = current.get();
            Optional<Class<?>> testClass = candidate.getTestClass();
            if (testClass.isPresent()) {
                T found = candidate.getStore(namespace(type)).get(testClass.get(), type);
                if (found != null) {
                    return found;
                }
            }
            current = candidate.getParent();
        }
        throw new ParameterResolutionException("No " + type.getSimpleName() + " was prepared for "
                + context.getDisplayName() + ": is the class annotated with the matching @...Test annotation?");
    }

    /** The JUnit configuration parameter (or system property) {@code key} of {@code context}, or null. */
    public static @Nullable String configuration(ExtensionContext context, String key) {
        return context.getConfigurationParameter(key).orElse(null);
    }

    /**
     * A name unique to this run of this class, made of lower-case letters, digits and {@code _}, at most {@code
     * maxLength} characters: {@code prefix_<class>_<8 hex>}.
     */
    public static String uniqueName(String prefix, Class<?> testClass, int maxLength) {
        String suffix =
                String.format(Locale.ROOT, "%08x", ThreadLocalRandom.current().nextInt());
        String className = testClass.getSimpleName().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        int room = maxLength - prefix.length() - suffix.length() - 2;
        if (className.length() > room) {
            className = className.substring(0, Math.max(0, room));
        }
        return prefix + "_" + className + "_" + suffix;
    }

    private static ExtensionContext.Namespace namespace(Class<?> type) {
        return ExtensionContext.Namespace.create(ClassScopedResources.class, type);
    }
}
