package org.opensspr.directory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/** {@code directory} in {@code /actuator/health}: UP when the directory answers a root DSE read. */
final class DirectoryHealthIndicator implements HealthIndicator {

    private final Directory directory;

    DirectoryHealthIndicator(Directory directory) {
        this.directory = directory;
    }

    @Override
    public Health health() {
        return directory.isAvailable()
                ? Health.up().build()
                : Health.down()
                        .withDetail("reason", "the directory does not answer")
                        .build();
    }
}
