package org.opensspr.bench;

/**
 * A step that did not get the answer it needed, with the kind it is counted under:
 * {@code http-<status>}, {@code timeout}, {@code connect-timeout}, {@code connect-refused},
 * {@code io:<exception>}, {@code mail-timeout}, {@code bad-answer}, {@code ldap:<result code>}.
 */
final class Failure extends Exception {

    private static final long serialVersionUID = 1L;

    private final String kind;

    Failure(String kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    String kind() {
        return kind;
    }
}
