package dev.perfplatform.jmx.spring;

import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions on {@code jmx.scraper.*}. */
final class JmxScraperConditions {

    private JmxScraperConditions() {}

    /** {@code jmx.scraper.targets} lists at least one target. */
    static final class OnTargets extends SpringBootCondition {
        @Override
        public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
            List<JmxScraperProperties.Target> targets = Binder.get(context.getEnvironment())
                    .bind("jmx.scraper.targets", Bindable.listOf(JmxScraperProperties.Target.class))
                    .orElse(List.of());
            return targets.isEmpty()
                    ? ConditionOutcome.noMatch("jmx.scraper.targets is empty")
                    : ConditionOutcome.match("jmx.scraper.targets lists " + targets.size() + " target(s)");
        }
    }
}
