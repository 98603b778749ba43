package dev.perfplatform.fluxpay.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Every job of the app runs on one of its own schedulers, never on a shared default thread. */
class JobSchedulersTests {

    private static final Set<String> SCHEDULERS =
            Set.of(JobSchedulers.ORDERS, JobSchedulers.WEBHOOKS, JobSchedulers.PG, JobSchedulers.HOUSEKEEPING);

    @Test
    void everyScheduledJobNamesOneOfTheAppsSchedulers() throws Exception {
        List<String> jobs = new ArrayList<>();
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        for (BeanDefinition component : scanner.findCandidateComponents("dev.perfplatform.fluxpay")) {
            Class<?> type = Class.forName(component.getBeanClassName());
            for (Method method : type.getDeclaredMethods()) {
                Scheduled scheduled = method.getAnnotation(Scheduled.class);
                if (scheduled != null) {
                    jobs.add(type.getSimpleName() + "." + method.getName() + " on '" + scheduled.scheduler() + "'");
                }
            }
        }

        assertThat(jobs)
                .as("the app's jobs")
                .contains(
                        "OrderExpiry.expireDue on '" + JobSchedulers.ORDERS + "'",
                        "WebhookWorker.poll on '" + JobSchedulers.WEBHOOKS + "'",
                        "Reconciler.reconcileDue on '" + JobSchedulers.PG + "'")
                .allSatisfy(job -> assertThat(SCHEDULERS)
                        .as(job)
                        .anySatisfy(scheduler -> assertThat(job).endsWith("'" + scheduler + "'")));
    }
}
