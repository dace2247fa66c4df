package org.opensspr.directory;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * The directory could not be reached, did not answer in time, or had no free connection within
 * the pool's bounded wait. Answered as 503 with {@code Retry-After}; nothing was changed.
 */
public class DirectoryUnavailableException extends ErrorResponseException {

    public DirectoryUnavailableException(String reason, Throwable cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
        setDetail(
                "The directory cannot be reached right now, so nothing was changed. Please try again in a few minutes.");
        getBody().setProperty("reason", reason);
        getHeaders().set("Retry-After", "5");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatus(HttpStatus.SERVICE_UNAVAILABLE);
        problem.setType(URI.create("https://opensspr.org/problems/directory-unavailable"));
        problem.setTitle("Directory unavailable");
        return problem;
    }
}
