package org.opensspr.devices;

import org.opensspr.readiness.Finding;

/** A finding of the readiness rules as the API shows it: {@code severity} is {@code error} or {@code warning}. */
public record ReadinessFinding(String rule, String severity, String message, String remedy) {

    static ReadinessFinding of(Finding finding) {
        return new ReadinessFinding(finding.rule(), finding.severity().id(), finding.message(), finding.remedy());
    }
}
