package org.opensspr.console;

import org.opensspr.secrets.Digests;
import org.opensspr.web.PageErrors.PageError;
import tools.jackson.databind.ObjectMapper;

/** What the console's pages share about their forms: the settings' version a form carries, errors shown to staff, blank fields. */
final class ConsoleForms {

    private ConsoleForms() {}

    /** A short fingerprint of stored settings: the {@code version} a form was made from, to refuse a stale save. */
    static String version(ObjectMapper json, Object settings) {
        return Digests.sha256(json.writeValueAsString(settings)).substring(0, 16);
    }

    /** The error without the helpdesk link: staff need no link to their own helpdesk. */
    static PageError console(PageError error) {
        return new PageError(error.message(), error.field(), error.supportCode(), null);
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
