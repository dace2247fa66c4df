package org.opensspr.system;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Builds the RFC 9457 problems features throw; each answers with its own status, type, title and user-facing detail. */
public final class Problems {

    private Problems() {}

    public static ErrorResponseException of(HttpStatus status, String type, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create("https://opensspr.org/problems/" + type));
        body.setTitle(title);
        return new ErrorResponseException(status, body, null);
    }
}
