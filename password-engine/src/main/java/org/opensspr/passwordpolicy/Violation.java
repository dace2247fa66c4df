package org.opensspr.passwordpolicy;

/**
 * One reason a password is refused: a stable {@code code} for programs, a {@code message} for people.
 * The message tells the user what to do and never names the banned term that matched; {@link
 * PasswordMessages} produces it in English or Dutch from the code.
 */
public record Violation(String code, String message) {

    /** The resource-bundle key of this violation's message: {@code passwordpolicy.<code>}. */
    public String messageKey() {
        return PasswordMessages.keyOf(code);
    }
}
