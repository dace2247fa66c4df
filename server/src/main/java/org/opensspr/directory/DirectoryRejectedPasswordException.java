package org.opensspr.directory;

/**
 * The directory refused a new password (its own password policy: length, history, complexity).
 * The message is the directory's diagnostic, safe to show to the user whose password it is.
 */
public class DirectoryRejectedPasswordException extends RuntimeException {

    public DirectoryRejectedPasswordException(String diagnostic) {
        super(diagnostic);
    }
}
