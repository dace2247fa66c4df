package org.opensspr.reset;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sspr.reset.*} limits of {@link ResetThrottling}. Flow starts are limited per 10 minutes:
 * {@code flow-starts-per-ip} (30) for anonymous callers, per IP address; {@code
 * flow-starts-per-device} (10) for sign-in-screen flows, per device, whatever address the device
 * shares behind a NAT; API-key callers are not limited. {@code sources-before-user-block} (3): how
 * many different sources (networks or devices) must each have earned a 24 h block for the same
 * login before the login is blocked everywhere.
 */
@ConfigurationProperties("sspr.reset")
public record ResetThrottlingProperties(
        Integer flowStartsPerIp, Integer flowStartsPerDevice, Integer sourcesBeforeUserBlock) {

    public ResetThrottlingProperties {
        flowStartsPerIp = flowStartsPerIp == null ? 30 : flowStartsPerIp;
        flowStartsPerDevice = flowStartsPerDevice == null ? 10 : flowStartsPerDevice;
        sourcesBeforeUserBlock = sourcesBeforeUserBlock == null ? 3 : sourcesBeforeUserBlock;
        if (flowStartsPerIp < 1) {
            throw new IllegalArgumentException(
                    "sspr.reset.flow-starts-per-ip must be at least 1, got " + flowStartsPerIp);
        }
        if (flowStartsPerDevice < 1) {
            throw new IllegalArgumentException(
                    "sspr.reset.flow-starts-per-device must be at least 1, got " + flowStartsPerDevice);
        }
        if (sourcesBeforeUserBlock < 1 || sourcesBeforeUserBlock > 100) {
            throw new IllegalArgumentException(
                    "sspr.reset.sources-before-user-block must be 1-100, got " + sourcesBeforeUserBlock);
        }
    }
}
