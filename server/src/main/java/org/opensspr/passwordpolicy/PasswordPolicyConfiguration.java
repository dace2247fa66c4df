package org.opensspr.passwordpolicy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.opensspr.system.DataDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The breached-password corpus: {@code sspr.password.breached-file}, else
 * {@code <data-dir>/breached/pwned.bin} when an operator imported one
 * ({@code java -jar sspr-server.jar import-breached FILE}), else the small corpus shipped in the
 * jar. It is memory-mapped: the heap holds none of it.
 */
@Configuration(proxyBeanMethods = false)
class PasswordPolicyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PasswordPolicyConfiguration.class);

    @Bean(destroyMethod = "close")
    BreachedCorpus breachedCorpus(
            DataDirectory dataDirectory, @Value("${sspr.password.breached-file:}") String configured)
            throws IOException {
        Path file = configured.isBlank()
                ? dataDirectory.root().resolve("breached").resolve("pwned.bin")
                : Path.of(configured);
        if (!configured.isBlank() && !Files.exists(file)) {
            throw new IllegalStateException("sspr.password.breached-file " + file + " does not exist");
        }
        BreachedCorpus corpus = Files.exists(file) ? BreachedCorpus.open(file) : BreachedCorpus.openShipped();
        log.info(
                "Breached-password corpus: {} hashes from {}",
                corpus.count(),
                Files.exists(file) ? file : "the corpus shipped in the jar");
        return corpus;
    }
}
