package org.opensspr.system;

import javax.sql.DataSource;
import org.springframework.boot.jdbc.health.DataSourceHealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * {@code db} in {@code /actuator/health} and its readiness group: Spring Boot's check of the
 * database (a connection from the pool, validated), run in the background at most once a second
 * ({@link CachedHealthIndicator}) instead of on every request. The bean's name replaces Spring
 * Boot's own {@code db} indicator.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseHealthConfiguration {

    @Bean
    CachedHealthIndicator dbHealthIndicator(DataSource dataSource) {
        return new CachedHealthIndicator("db", new DataSourceHealthIndicator(dataSource));
    }
}
