package org.opensspr.passwordpolicy;

/** One reason a password is refused: a stable {@code code} for programs, a {@code message} for people. */
public record Violation(String code, String message) {
}
