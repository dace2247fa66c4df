package org.opensspr.secrets;

import java.nio.file.Path;
import org.opensspr.audit.AuditKey;
import org.opensspr.system.DataDirectory;
import org.opensspr.system.InstallationRecord;
import org.opensspr.system.StartRefusedException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SecretsConfiguration {

    /**
     * The key, checked against the fingerprint this data dir recorded: a missing key file is never
     * replaced by a new key once the installation had one, and a different key is refused.
     */
    @Bean
    MasterKey masterKey(
            @Value("${sspr.secret-key:}") String configured, DataDirectory dataDirectory, InstallationRecord record) {
        Path folder = dataDirectory.folder("keys");
        String consequence = "a new key: codes in flight, mail waiting in the outbox and authenticator apps"
                + " registered so far can no longer be read, and users register their apps again";
        MasterKey key = MasterKey.load(
                configured,
                folder,
                record.get(InstallationRecord.SECRET_KEY)
                        .map(fingerprint -> new StartRefusedException(
                                "the secret key " + folder.resolve("master.key")
                                        + " is missing, but this installation had one (fingerprint " + fingerprint
                                        + ")",
                                "Restore keys/master.key from a backup, or set sspr.secret-key to that key. "
                                        + record.freshStart(consequence)))
                        .orElse(null));
        String fingerprint = key.fingerprint();
        record.get(InstallationRecord.SECRET_KEY)
                .filter(recorded -> !recorded.equals(fingerprint))
                .ifPresent(recorded -> {
                    throw new StartRefusedException(
                            "the secret key (fingerprint " + fingerprint + ", from "
                                    + (configured.isBlank() ? folder.resolve("master.key") : "sspr.secret-key")
                                    + ") is not the one this installation had (fingerprint " + recorded + ")",
                            "Set sspr.secret-key to the installation's key, or restore keys/master.key from a backup. "
                                    + record.freshStart(consequence));
                });
        record.put(InstallationRecord.SECRET_KEY, fingerprint);
        return key;
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
