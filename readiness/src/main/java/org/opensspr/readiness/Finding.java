package org.opensspr.readiness;

import java.util.Objects;

/**
 * One rule that a device breaks: the rule's stable id (docs/architecture.md, 5.10), how bad it is, what is wrong
 * on this device and what to do about it.
 */
public record Finding(String rule, Severity severity, String message, String remedy) {

    public Finding {
        Objects.requireNonNull(rule, "rule cannot be null");
        Objects.requireNonNull(severity, "severity cannot be null");
        Objects.requireNonNull(message, "message cannot be null");
        Objects.requireNonNull(remedy, "remedy cannot be null");
    }
}
