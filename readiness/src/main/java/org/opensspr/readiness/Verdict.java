package org.opensspr.readiness;

import java.util.List;

/** The findings for one device, in rule order; the device is ready when none of them is an error. */
public record Verdict(List<Finding> findings) {

    public Verdict {
        findings = List.copyOf(findings);
    }

    public boolean ready() {
        return findings.stream().noneMatch(f -> f.severity() == Severity.ERROR);
    }

    /** The finding of {@code rule}, or null when the device passes it. */
    public Finding finding(String rule) {
        return findings.stream().filter(f -> f.rule().equals(rule)).findFirst().orElse(null);
    }
}
