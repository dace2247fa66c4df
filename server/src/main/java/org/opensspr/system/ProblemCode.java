package org.opensspr.system;

import java.net.URI;
import java.util.Locale;
import org.springframework.http.HttpStatus;

/**
 * Every problem (RFC 9457) the server answers with, one constant per text: the {@link #type()}
 * code clients match on (the API contract, {@code https://opensspr.org/problems/<type>}), the
 * status, and the message keys its title and detail are read from, in the caller's language:
 * {@code problem.<type>.title} and {@code problem.<type>.detail}, or {@code
 * problem.<type>.<variant>.*} where one type has more than one text (a wrong code at a reset and
 * at an authenticator's registration). {@code MessagesTests} checks every constant has both keys
 * in every language; a new problem is a constant here and two keys in each bundle.
 */
public enum ProblemCode {
    // Requests a client must correct (400).
    /** {0}: what is wrong with the request, as the record's own check says it. */
    INVALID_REQUEST(HttpStatus.BAD_REQUEST, "invalid-request"),
    INVALID_JSON(HttpStatus.BAD_REQUEST, "invalid-request", "json"),
    /** {0}: the field's name; {1}: the known fields. */
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST, "invalid-request", "unknown-field"),
    EMAIL_REQUIRED(HttpStatus.BAD_REQUEST, "invalid-request", "email-required"),
    EMAIL_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "email-invalid"),
    PHONE_REQUIRED(HttpStatus.BAD_REQUEST, "invalid-request", "phone-required"),
    /** {0}: the number as typed. */
    PHONE_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "phone-invalid"),
    /** {0}: the number as typed. */
    PHONE_UNREADABLE(HttpStatus.BAD_REQUEST, "invalid-request", "phone-unreadable"),
    /** {0}: how many questions the policy asks for. */
    ANSWERS_COUNT(HttpStatus.BAD_REQUEST, "invalid-request", "answers-count"),
    ANSWERS_ONCE(HttpStatus.BAD_REQUEST, "invalid-request", "answers-once"),
    /** {0}: the question id. */
    QUESTION_UNKNOWN(HttpStatus.BAD_REQUEST, "invalid-request", "question-unknown"),
    /** {0}: what is wrong with the answers, each sentence from {@code answers.*}. */
    ANSWERS_REFUSED(HttpStatus.BAD_REQUEST, "invalid-request", "answers"),
    CAPTCHA_INVALID(HttpStatus.BAD_REQUEST, "captcha-invalid"),
    /** {0}: the method id asked for. */
    UNKNOWN_METHOD(HttpStatus.BAD_REQUEST, "unknown-method"),
    /** {0}: the method id asked for. */
    UNKNOWN_STEP_UP_METHOD(HttpStatus.BAD_REQUEST, "unknown-method", "step-up"),
    CONTACT_REQUIRED_EMAIL(HttpStatus.BAD_REQUEST, "contact-required", "email"),
    CONTACT_REQUIRED_SMS(HttpStatus.BAD_REQUEST, "contact-required", "sms"),
    CODE_INVALID(HttpStatus.BAD_REQUEST, "code-invalid"),
    AUTHENTICATOR_CODE_INVALID(HttpStatus.BAD_REQUEST, "code-invalid", "totp"),
    ANSWERS_INVALID(HttpStatus.BAD_REQUEST, "answers-invalid"),
    CURRENT_PASSWORD_WRONG(HttpStatus.BAD_REQUEST, "current-password-wrong"),
    STEP_UP_PASSWORD_WRONG(HttpStatus.BAD_REQUEST, "current-password-wrong", "step-up"),
    STEP_UP_METHOD_REQUIRED(HttpStatus.BAD_REQUEST, "step-up-method-required"),

    // Who may do what (401, 403).
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED, "unauthorized"),
    DEVICE_CREDENTIAL_ELSEWHERE(HttpStatus.UNAUTHORIZED, "unauthorized", "device-api"),
    DEVICE_CREDENTIAL_INVALID(HttpStatus.UNAUTHORIZED, "unauthorized", "device"),
    LOGON_SESSION_ELSEWHERE(HttpStatus.UNAUTHORIZED, "unauthorized", "logon-session"),
    BEARER_TOKEN_INVALID(HttpStatus.UNAUTHORIZED, "unauthorized", "bearer"),
    FORBIDDEN(HttpStatus.FORBIDDEN, "forbidden"),
    /** {0}: how many more verifications the flow needs. */
    VERIFICATION_REQUIRED(HttpStatus.FORBIDDEN, "verification-required"),
    UNLOCK_NOT_ALLOWED(HttpStatus.FORBIDDEN, "unlock-not-allowed"),
    /** {0}: the header that carries the proof. */
    STEP_UP_REQUIRED(HttpStatus.FORBIDDEN, "step-up-required"),
    NOT_A_DIRECTORY_USER(HttpStatus.FORBIDDEN, "not-a-directory-user"),
    JOIN_TOKEN_INVALID(HttpStatus.FORBIDDEN, "join-token-invalid"),
    /** {0}: the OMA-URI a profile must set. */
    LOGON_RESET_NOT_ENABLED(HttpStatus.FORBIDDEN, "logon-reset-not-enabled"),
    LOGON_SESSION_USED(HttpStatus.FORBIDDEN, "logon-session-used"),

    // What is not there (404, 409).
    FLOW_NOT_FOUND(HttpStatus.NOT_FOUND, "flow-not-found"),
    /** {0}: the method, from {@code problem.method.<type>}. */
    REGISTRATION_NOT_FOUND(HttpStatus.NOT_FOUND, "registration-not-found"),
    AUTHENTICATOR_REGISTRATION_NOT_FOUND(HttpStatus.NOT_FOUND, "registration-not-found", "totp"),
    /** {0}: the method, from {@code problem.method.<type>}. */
    METHOD_NOT_REGISTERED(HttpStatus.NOT_FOUND, "method-not-registered"),
    /** {0}: the key's name. */
    API_KEY_NOT_FOUND(HttpStatus.NOT_FOUND, "api-key-not-found"),
    /** {0}: the device id. */
    DEVICE_NOT_FOUND(HttpStatus.NOT_FOUND, "device-not-found"),
    /** {0}: the profile's name. */
    PROFILE_NOT_FOUND(HttpStatus.NOT_FOUND, "profile-not-found"),
    /** {0}: the key's name. */
    API_KEY_EXISTS(HttpStatus.CONFLICT, "api-key-exists"),

    // Refusals of the new password (422) and of the request's size (413).
    /** {0}: the first violation, already in the caller's language. */
    PASSWORD_REJECTED(HttpStatus.UNPROCESSABLE_CONTENT, "password-rejected"),
    /** {0}: the largest body the server takes, in bytes. */
    PAYLOAD_TOO_LARGE(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large"),

    // Limits (429).
    TOO_MANY_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts"),
    TOO_MANY_STEP_UP_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "step-up"),
    /** {0}: minutes to wait. */
    TOO_MANY_PASSWORD_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS, "too-many-attempts", "sign-in"),
    /** {0}: minutes to wait. */
    SIGN_IN_THROTTLED(HttpStatus.TOO_MANY_REQUESTS, "sign-in-throttled"),
    TOO_MANY_CODES(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes"),
    TOO_MANY_REQUESTS_FROM_DEVICE(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "device"),
    TOO_MANY_REQUESTS_FROM_NETWORK(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "network"),
    RESET_BLOCKED(HttpStatus.TOO_MANY_REQUESTS, "reset-blocked"),
    /** The strength meter's server check asked too often ({@code PasswordCheckBudget}). */
    TOO_MANY_PASSWORD_CHECKS(HttpStatus.TOO_MANY_REQUESTS, "too-many-requests", "password-check"),

    // The server cannot do it now (503).
    DIRECTORY_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable"),
    /** The directory stopped answering while it wrote: the change may have been made. */
    DIRECTORY_WRITE_UNKNOWN(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "write-unknown"),
    DIRECTORY_UNAVAILABLE_AT_SIGN_IN(HttpStatus.SERVICE_UNAVAILABLE, "directory-unavailable", "sign-in"),
    SERVER_BUSY(HttpStatus.SERVICE_UNAVAILABLE, "server-busy"),
    /** More requests at work and waiting than the node takes ({@code AdmissionControl}). */
    SERVER_OVERLOADED(HttpStatus.SERVICE_UNAVAILABLE, "server-busy", "admission"),

    // The SSPR policy's own checks (SsprPolicy), for the admin API and the console alike (400).
    POLICY_CUSTOM_QUESTIONS_COUNT(HttpStatus.BAD_REQUEST, "invalid-request", "policy-custom-questions-count"),
    /** {0}: the question as typed. */
    POLICY_CUSTOM_QUESTION_LENGTH(HttpStatus.BAD_REQUEST, "invalid-request", "policy-custom-question-length"),
    POLICY_GROUPS_REQUIRED(HttpStatus.BAD_REQUEST, "invalid-request", "policy-groups-required"),
    POLICY_GROUP_EMPTY(HttpStatus.BAD_REQUEST, "invalid-request", "policy-group-empty"),
    POLICY_METHODS_REQUIRED(HttpStatus.BAD_REQUEST, "invalid-request", "policy-methods-required"),
    POLICY_METHODS_EMPTY(HttpStatus.BAD_REQUEST, "invalid-request", "policy-methods-empty"),
    POLICY_QUESTIONS_ONLY(HttpStatus.BAD_REQUEST, "invalid-request", "policy-questions-only"),
    /** {0}: how many methods the policy requires. */
    POLICY_METHODS_TOO_FEW(HttpStatus.BAD_REQUEST, "invalid-request", "policy-methods-too-few"),
    POLICY_QUESTIONS_TO_REGISTER(HttpStatus.BAD_REQUEST, "invalid-request", "policy-questions-to-register"),
    POLICY_QUESTIONS_TO_RESET(HttpStatus.BAD_REQUEST, "invalid-request", "policy-questions-to-reset"),
    POLICY_RECONFIRM_DAYS(HttpStatus.BAD_REQUEST, "invalid-request", "policy-reconfirm-days"),
    POLICY_HELPDESK_URL(HttpStatus.BAD_REQUEST, "invalid-request", "policy-helpdesk-url"),
    API_KEY_NAME_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "api-key-name"),
    /** {0}: the field; {1}: the most characters. */
    BRANDING_TEXT_TOO_LONG(HttpStatus.BAD_REQUEST, "invalid-request", "branding-text-too-long"),
    /** {0}: the field. */
    BRANDING_TEXT_CONTROL(HttpStatus.BAD_REQUEST, "invalid-request", "branding-text-control"),
    /** {0}: the field. */
    BRANDING_COLOUR_FORMAT(HttpStatus.BAD_REQUEST, "invalid-request", "branding-colour-format"),
    /** {0}: the field; {1}: the colour; {2}: its contrast with white, e.g. 3.2:1. */
    BRANDING_COLOUR_CONTRAST(HttpStatus.BAD_REQUEST, "invalid-request", "branding-colour-contrast"),

    // Insights (issue 14): GET /api/v1/admin/insights.
    INSIGHTS_RANGE_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "insights-range"),

    // Helpdesk (issue 14): staff look users and support codes up by name, so these say what is missing.
    /** {0}: the login as asked for. */
    USER_NOT_FOUND(HttpStatus.NOT_FOUND, "user-not-found"),
    /** {0}: the method, from {@code problem.method.<type>}. */
    METHOD_NOT_ON_FILE(HttpStatus.NOT_FOUND, "method-not-registered", "helpdesk"),
    /** {0}: the code as asked for. */
    SUPPORT_CODE_NOT_FOUND(HttpStatus.NOT_FOUND, "support-code-not-found"),
    /** {0}: the login. */
    NO_EMAIL_ON_FILE(HttpStatus.CONFLICT, "no-email-on-file"),

    // --- branding (issue 14) ---
    /** The uploaded logo is no PNG or SVG (by its content), or not what its Content-Type says. */
    LOGO_TYPE(HttpStatus.BAD_REQUEST, "invalid-request", "logo-type"),
    /** {0}: the most kilobytes a logo may have. */
    LOGO_TOO_LARGE(HttpStatus.BAD_REQUEST, "invalid-request", "logo-too-large"),
    /** An SVG logo that could do more than draw: a script, an event handler, an external reference, a DOCTYPE. */
    LOGO_UNSAFE(HttpStatus.BAD_REQUEST, "invalid-request", "logo-unsafe"),
    /** No logo was uploaded. */
    LOGO_NOT_FOUND(HttpStatus.NOT_FOUND, "logo-not-found"),

    // Audit browser and join tokens in the admin API (issue 14).
    /** {0}: the largest page the list gives (as text, so no digit grouping). */
    LIMIT_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "limit"),
    OFFSET_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "offset"),
    /** {0}: the parameter's name; {1}: its value as sent. */
    TIME_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "time"),
    PERIOD_INVALID(HttpStatus.BAD_REQUEST, "invalid-request", "period"),
    /** {0}: the value as sent; {1}: the ClientTypes there are. */
    CLIENT_TYPE_UNKNOWN(HttpStatus.BAD_REQUEST, "invalid-request", "client-type"),
    /** {0}: the value as sent; {1}: the results there are. */
    AUDIT_RESULT_UNKNOWN(HttpStatus.BAD_REQUEST, "invalid-request", "audit-result"),
    /** A page cursor that is malformed, edited or from a query with other filters: start from the first page. */
    AUDIT_CURSOR_INVALID(HttpStatus.BAD_REQUEST, "cursor-invalid"),
    /** {0}: the join token's id. */
    JOIN_TOKEN_NOT_FOUND(HttpStatus.NOT_FOUND, "join-token-not-found");

    /** What every problem type starts with. */
    public static final String TYPE_PREFIX = "https://opensspr.org/problems/";

    private final HttpStatus status;
    private final String type;
    private final String variant;

    ProblemCode(HttpStatus status, String type) {
        this(status, type, null);
    }

    ProblemCode(HttpStatus status, String type, String variant) {
        this.status = status;
        this.type = type;
        this.variant = variant;
    }

    public HttpStatus status() {
        return status;
    }

    /** The stable code clients match on, e.g. {@code code-invalid}. */
    public String type() {
        return type;
    }

    /** {@code https://opensspr.org/problems/<type>}. */
    public URI typeUri() {
        return URI.create(TYPE_PREFIX + type);
    }

    /** The message key of the title, e.g. {@code problem.code-invalid.title}. */
    public String titleKey() {
        return key() + ".title";
    }

    /** The message key of the detail, e.g. {@code problem.code-invalid.totp.detail}. */
    public String detailKey() {
        return key() + ".detail";
    }

    private String key() {
        return "problem." + type + (variant == null ? "" : "." + variant.toLowerCase(Locale.ROOT));
    }
}
