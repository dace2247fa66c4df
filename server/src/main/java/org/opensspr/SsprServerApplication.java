package org.opensspr;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Starts the OpenSSPR server: {@code java -jar sspr-server.jar} runs on the embedded defaults. */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SsprServerApplication {

    public static void main(String[] args) {
        SpringApplication.run(SsprServerApplication.class, args);
    }
}
