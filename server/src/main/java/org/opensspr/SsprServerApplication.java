package org.opensspr;

import java.util.Arrays;
import org.opensspr.passwordpolicy.ImportBreachedCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the OpenSSPR server: {@code java -jar sspr-server.jar} runs on the embedded defaults.
 * {@code java -jar sspr-server.jar import-breached FILE} runs that command instead, without Spring.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SsprServerApplication {

    public static void main(String[] args) {
        if (args.length > 0 && ImportBreachedCommand.NAME.equals(args[0])) {
            ImportBreachedCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        SpringApplication.run(SsprServerApplication.class, args);
    }
}
