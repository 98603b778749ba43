package dev.perfplatform.fluxpay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The FluxPay payment engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class FluxPayApplication {

    public static void main(String[] args) {
        SpringApplication.run(FluxPayApplication.class, args);
    }
}
