package org.opensspr.system;

import java.nio.file.Path;
import java.time.Clock;
import org.opensspr.audit.AuditAnchors;
import org.opensspr.audit.AuditKey;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DataDirectory dataDirectory(@Value("${sspr.data-dir:./data}") Path dataDir) {
        return new DataDirectory(dataDir).secure();
    }

    /**
     * The data dir is secured once more when the server is ready: the H2 database and the embedded
     * directory create their folders and files during start-up with the process's umask (often
     * {@code 022}), and the folders they made are not all made through {@link DataDirectory#folder}.
     */
    @Bean
    ApplicationListener<ApplicationReadyEvent> dataDirectorySecuredWhenReady(DataDirectory dataDirectory) {
        return event -> dataDirectory.secure();
    }

    /** This node's audit anchors: {@code <data-dir>/audit/anchors}, in an owner-only folder. */
    @Bean
    AuditAnchors auditAnchors(DataDirectory dataDirectory, AuditKey auditKey) {
        return new AuditAnchors(dataDirectory.folder(AuditAnchors.FOLDER).resolve(AuditAnchors.FILE), auditKey);
    }

    @Bean
    InstallationRecord installationRecord(DataDirectory dataDirectory) {
        return InstallationRecord.of(dataDirectory);
    }

    @Bean
    InstallationDatabase installationDatabase(InstallationRecord record, Clock clock) {
        return new InstallationDatabase(record, clock);
    }

    /** Static: a bean factory post-processor, run before any other bean is created. */
    @Bean
    static UnknownSettingsCheck unknownSettingsCheck(ConfigurableEnvironment environment) {
        return new UnknownSettingsCheck(environment);
    }
}
