package org.opensspr.secrets;

import org.opensspr.audit.AuditKey;
import org.opensspr.system.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    @Bean
    MasterKey masterKey(@Value("${sspr.secret-key:}") String configured, DataDirectory dataDirectory) {
        return MasterKey.load(configured, dataDirectory.folder("keys"));
    }

    @Bean
    Digests digests(MasterKey masterKey) {
        return new Digests(masterKey);
    }

    @Bean
    SecretBox secretBox(MasterKey masterKey) {
        return new SecretBox(masterKey);
    }

    /** The audit log's MAC key: derived here because the audit package calls no other feature. */
    @Bean
    AuditKey auditKey(MasterKey masterKey) {
        return new AuditKey(masterKey.derive(AuditKey.PURPOSE));
    }

    @Bean
    Argon2idHasher argon2idHasher() {
        return new Argon2idHasher();
    }
}
