package dev.perfplatform.fluxpay.jobs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The schedulers every {@code @Scheduled} job of the app names, one per concern, each with a thread per job it runs
 * (a fixed-delay job never overlaps itself, so no job ever waits for a thread): a job blocked on the PG holds only its
 * own thread. Usage: {@code @Scheduled(scheduler = JobSchedulers.ORDERS, fixedDelayString = "...")}.
 *
 * <p>Boot's single shared scheduler thread backs off once these exist; {@code JobSchedulersTests} checks that no job
 * is left without a scheduler of its own.
 */
@Configuration(proxyBeanMethods = false)
public class JobSchedulers {

    /** Order expiry. */
    public static final String ORDERS = "orderJobs";

    /** The merchant webhook worker. */
    public static final String WEBHOOKS = "webhookJobs";

    /** Work that waits on the PG: the payment and refund reconcilers and the inbound PG webhook retrier. */
    public static final String PG = "pgJobs";

    /** Database upkeep: retention, the idempotency reaper, the reconciliation gauges and the Redis reconnect. */
    public static final String HOUSEKEEPING = "housekeepingJobs";

    @Bean(name = ORDERS)
    ThreadPoolTaskScheduler orderJobs() {
        return scheduler("fluxpay-orders-", 1);
    }

    @Bean(name = WEBHOOKS)
    ThreadPoolTaskScheduler webhookJobs() {
        return scheduler("fluxpay-webhooks-", 1);
    }

    @Bean(name = PG)
    ThreadPoolTaskScheduler pgJobs() {
        return scheduler("fluxpay-pg-", 3);
    }

    /** Also Spring's default {@code taskScheduler}, for anything that schedules without naming a scheduler. */
    @Bean(name = {HOUSEKEEPING, "taskScheduler"})
    ThreadPoolTaskScheduler housekeepingJobs() {
        return scheduler("fluxpay-housekeeping-", 4);
    }

    private static ThreadPoolTaskScheduler scheduler(String threadNamePrefix, int threads) {
        ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
        scheduler.setPoolSize(threads);
        scheduler.setThreadNamePrefix(threadNamePrefix);
        // on shutdown, a job still waiting (say on the PG) is interrupted, which cancels its reactive work
        scheduler.setWaitForTasksToCompleteOnShutdown(false);
        return scheduler;
    }
}
