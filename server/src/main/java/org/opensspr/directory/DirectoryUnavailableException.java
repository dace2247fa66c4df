package org.opensspr.directory;

import org.opensspr.system.CodedProblem;
import org.opensspr.system.ProblemCode;

/**
 * The directory could not be reached, did not answer in time, or had no free connection within
 * the pool's bounded wait. Answered as 503 {@code directory-unavailable} with {@code Retry-After}
 * and the {@code reason}; nothing was changed.
 */
public class DirectoryUnavailableException extends CodedProblem {

    private static final long serialVersionUID = 1L;

    public DirectoryUnavailableException(String reason, Throwable cause) {
        this(ProblemCode.DIRECTORY_UNAVAILABLE, reason, cause);
    }

    /** {@code code}: a {@code directory-unavailable} problem whose text says more. */
    DirectoryUnavailableException(ProblemCode code, String reason, Throwable cause) {
        super(code, cause);
        getBody().setProperty("reason", reason);
        getHeaders().set("Retry-After", "5");
    }
}
