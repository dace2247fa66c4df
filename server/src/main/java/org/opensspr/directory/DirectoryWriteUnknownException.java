package org.opensspr.directory;

import org.opensspr.system.ProblemCode;

/**
 * A write was sent to the directory and its answer never came: the connection closed while
 * waiting for it (the directory was stopped or crashed) or it timed out. The directory may have
 * made the change, so unlike a directory that could not be reached at all this is not "nothing was
 * changed": a reset leaves its flow writing and the interrupted-write sweep asks the directory what
 * happened. Still a {@code 503}, and still a {@link DirectoryUnavailableException} for callers that
 * only need to know the directory is away.
 */
public class DirectoryWriteUnknownException extends DirectoryUnavailableException {

    private static final long serialVersionUID = 1L;

    public DirectoryWriteUnknownException(String reason, Throwable cause) {
        super(ProblemCode.DIRECTORY_WRITE_UNKNOWN, reason, cause);
    }
}
