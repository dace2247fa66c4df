package org.opensspr.enrollment;

import org.opensspr.policy.MethodType;

/**
 * A way a user can prove who they are in a reset flow. {@code id} is stable for the user and
 * safe to show; {@code address} is where a code goes and is never shown in full.
 */
public record VerificationMethod(String id, MethodType type, String address) {

    /** What the user is shown: enough to recognise the address, not enough to learn it. */
    public String hint() {
        return switch (type) {
            case EMAIL -> Hints.email(address);
            case SMS -> Hints.phone(address);
            case TOTP, QUESTIONS -> "";
        };
    }
}
