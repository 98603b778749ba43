package dev.perfplatform.moalog;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts moalog: {@code java -jar moalog-app-<version>-exec.jar} with {@code MOALOG_DB_URL} and {@code JWT_SECRET}. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MoalogApplication {

    public static void main(String[] args) {
        SpringApplication.run(MoalogApplication.class, args);
    }
}
