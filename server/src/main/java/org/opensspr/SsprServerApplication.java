package org.opensspr;

import java.util.Arrays;
import org.opensspr.passwordpolicy.ImportBreachedCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Starts the OpenSSPR server: {@code java -jar sspr-server.jar} runs on the embedded defaults.
 * {@code java -jar sspr-server.jar import-breached FILE} runs that command instead, without Spring;
 * {@code java -jar sspr-server.jar audit verify} checks the audit log ({@link AuditVerifyCommand}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class SsprServerApplication {

    private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

    public static void main(String[] args) {
        if (args.length > 0 && ImportBreachedCommand.NAME.equals(args[0])) {
            ImportBreachedCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && AuditVerifyCommand.NAME.equals(args[0])) {
            AuditVerifyCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        useMailStreamProviderDirectly();
        SpringApplication.run(SsprServerApplication.class, args);
    }

    /**
     * Jakarta Mail looks up its stream provider with a {@link java.util.ServiceLoader} scan of the
     * class path on every encoded part and header (jakartaee/mail-api#861), a quarter of the outbox
     * thread's CPU in a load run here; naming the provider makes the lookup one class load. Angus
     * Mail is the implementation the server ships. An operator's own setting wins.
     */
    static void useMailStreamProviderDirectly() {
        if (System.getProperty(STREAM_PROVIDER) == null) {
            System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
        }
    }
}
