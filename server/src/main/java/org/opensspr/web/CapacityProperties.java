package org.opensspr.web;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * {@code sspr.capacity.*}: how many requests this node works on at once, how many may wait for a
 * turn and for how long, before it answers {@code 503} with {@code Retry-After} at once (see
 * {@link AdmissionControl}). More work in flight than the node's cores, database connections and
 * directory connections can serve only lengthens every answer; a flood should get fast refusals,
 * not time-outs. Defaults: {@value #DEFAULT_ACTIVE} at work, {@value #DEFAULT_QUEUED} waiting, up
 * to 1 s each. {@code max-request-size} (1MB by default) bounds a request body ({@link
 * RequestSizeLimit}).
 */
@ConfigurationProperties("sspr.capacity")
public record CapacityProperties(
        Integer maxActiveRequests, Integer maxQueuedRequests, Duration queueTimeout, DataSize maxRequestSize) {

    static final int DEFAULT_ACTIVE = 32;
    static final int DEFAULT_QUEUED = 64;

    public CapacityProperties {
        maxActiveRequests = maxActiveRequests == null ? DEFAULT_ACTIVE : maxActiveRequests;
        maxQueuedRequests = maxQueuedRequests == null ? DEFAULT_QUEUED : maxQueuedRequests;
        queueTimeout = queueTimeout == null ? Duration.ofSeconds(1) : queueTimeout;
        maxRequestSize = maxRequestSize == null ? DataSize.ofMegabytes(1) : maxRequestSize;
        if (maxRequestSize.toBytes() < 1024
                || maxRequestSize.toBytes() > DataSize.ofMegabytes(100).toBytes()) {
            throw new IllegalArgumentException(
                    "sspr.capacity.max-request-size must be 1KB-100MB, got " + maxRequestSize);
        }
        if (maxActiveRequests < 1 || maxActiveRequests > 10_000) {
            throw new IllegalArgumentException(
                    "sspr.capacity.max-active-requests must be 1-10000, got " + maxActiveRequests);
        }
        if (maxQueuedRequests < 0 || maxQueuedRequests > 100_000) {
            throw new IllegalArgumentException(
                    "sspr.capacity.max-queued-requests must be 0-100000, got " + maxQueuedRequests);
        }
        if (queueTimeout.isNegative() || queueTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("sspr.capacity.queue-timeout must be 0-60s, got " + queueTimeout);
        }
    }
}
