package org.opensspr.system;

import java.nio.file.Path;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points the datasource at an H2 file under the data dir when {@code spring.datasource.url} is
 * not set, so {@code java -jar} needs no configuration. H2 wants an absolute path (it refuses
 * "implicitly relative" ones), which a plain property placeholder cannot give.
 *
 * <p>{@code WRITE_DELAY=0}: H2 writes every commit to its file before the commit returns. By
 * default it writes committed transactions up to a second later, so a {@code kill -9} lost tens of
 * thousands of acknowledged commits in a test here (none with this setting, at about 0.6 ms per
 * commit). It does not fsync: an answered request survives the process dying, not the machine
 * losing power; PostgreSQL is the store for that.
 *
 * <p>{@code QUERY_CACHE_SIZE=128}: each connection keeps up to 128 parsed statements instead of
 * H2's 8; the request path uses many more distinct statements than that, and parsing them again
 * was about 5% of the request threads' samples in a JFR profile under load.
 */
public final class EmbeddedDatabaseDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty("spring.datasource.url")) {
            return;
        }
        Path dataDir = Path.of(environment.getProperty("sspr.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        String url = "jdbc:h2:file:"
                + dataDir.resolve("db").resolve("sspr").toString().replace('\\', '/')
                + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;QUERY_CACHE_SIZE=128";
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(
                        "ssprEmbeddedDatabase",
                        Map.of("spring.datasource.url", url, "spring.datasource.username", "sa")));
    }
}
