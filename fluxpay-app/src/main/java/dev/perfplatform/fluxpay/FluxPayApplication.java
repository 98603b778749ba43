package dev.perfplatform.fluxpay;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The FluxPay payment engine. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class FluxPayApplication {

    public static void main(String[] args) {
        SpringApplication.run(FluxPayApplication.class, args);
    }
}
