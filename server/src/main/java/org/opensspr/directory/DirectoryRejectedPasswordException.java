package org.opensspr.directory;

import java.util.Objects;

/**
 * The directory refused a new password (its own password policy: length, history, age,
 * complexity). {@link #reason()} says which rule, as far as the directory tells; the message is the
 * directory's diagnostic, safe to show to the user whose password it is and logged with the DN.
 */
public class DirectoryRejectedPasswordException extends RuntimeException {

    /** Which of the directory's rules refused the password. */
    public enum Reason {
        /** Shorter than the directory's minimum (ppolicy {@code passwordTooShort}). */
        TOO_SHORT,
        /** One of the user's previous passwords (ppolicy {@code passwordInHistory}). */
        IN_HISTORY,
        /** Changed too recently to change again (ppolicy {@code passwordTooYoung}, AD minimum password age). */
        TOO_YOUNG,
        /**
         * Not complex enough, or (Active Directory, which does not tell its constraints apart:
         * {@code 0000052D}) any of complexity, length and history.
         */
        QUALITY,
        /** Refused for a reason the directory did not name. */
        OTHER
    }

    private final Reason reason;

    public DirectoryRejectedPasswordException(Reason reason, String diagnostic) {
        super(diagnostic);
        this.reason = Objects.requireNonNull(reason, "reason cannot be null");
    }

    public DirectoryRejectedPasswordException(String diagnostic) {
        this(Reason.OTHER, diagnostic);
    }

    public Reason reason() {
        return reason;
    }
}
