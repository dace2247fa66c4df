package org.opensspr.directory;

import org.opensspr.system.CachedHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@code directory} in {@code /actuator/health} and its readiness group: UP when the directory
 * answers a root DSE read. The read runs in the background at most once a second
 * ({@link CachedHealthIndicator}), so a health request never waits on the directory; a read that has
 * not answered for 10 s is DOWN.
 */
final class DirectoryHealthIndicator implements HealthIndicator, AutoCloseable {

    private final CachedHealthIndicator cached;

    DirectoryHealthIndicator(Directory directory) {
        this.cached = new CachedHealthIndicator(
                "directory",
                () -> directory.isAvailable()
                        ? Health.up().build()
                        : Health.down()
                                .withDetail("reason", "the directory does not answer")
                                .build());
    }

    @Override
    public Health health() {
        return cached.health();
    }

    @Override
    public void close() {
        cached.close();
    }
}
