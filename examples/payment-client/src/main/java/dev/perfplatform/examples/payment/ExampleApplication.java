package dev.perfplatform.examples.payment;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A merchant of FluxPay: {@code POST /checkout-demo} pays an order end to end ({@link CheckoutDemo}) and {@code POST
 * /webhooks/fluxpay} receives FluxPay's signed events ({@link FluxPayWebhooks}). The {@code FluxPayClient} and the
 * webhook verifier come from payment-client-spring-boot-starter, configured in application.yaml.
 */
@SpringBootApplication
public class ExampleApplication {

    /** Starts the example. */
    public static void main(String[] args) {
        SpringApplication.run(ExampleApplication.class, args);
    }
}
