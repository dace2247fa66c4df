package org.opensspr.web;

import java.security.SecureRandom;
import java.util.Locale;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.policy.PolicyService;
import org.opensspr.system.CodedProblem;
import org.opensspr.system.InvalidInput;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Turns an exception from a service into what a portal page shows: a message for the user and a
 * short support code, which is logged at WARN with the error and recorded (best effort, never
 * waited for) in {@link SupportCodes} with the user, the page, the address and the ClientType, so
 * the helpdesk can find it. Logs and records the error's class and message only (never a form field).
 */
@Component
public final class PageErrors {

    private static final Logger log = LoggerFactory.getLogger(PageErrors.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    private final MessageSource messages;
    private final PolicyService policies;
    private final SupportCodes supportCodes;

    PageErrors(MessageSource messages, PolicyService policies, SupportCodes supportCodes) {
        this.messages = messages;
        this.policies = policies;
        this.supportCodes = supportCodes;
    }

    /**
     * An error shown on a page: the text, the id of the field it is about (null: the whole form),
     * the support code (null for a correction the user makes alone: an empty field, a wrong code, a
     * refused new password),
     * and the policy's helpdesk link (null when none is set).
     */
    public record PageError(String message, String field, String supportCode, String helpdeskUrl) {}

    /**
     * The page error for a service exception: a problem's detail in {@code locale} (a {@link
     * CodedProblem} or an {@link InvalidInput} is rendered from the message bundles), another
     * {@link IllegalArgumentException}'s message, or a general text for anything else.
     */
    public PageError of(RuntimeException e, String field, String page, Locale locale) {
        return of(e, field, page, locale, null);
    }

    /**
     * The same, for a page whose user is not signed in but typed a login ({@code login}; null: the
     * signed-in user, if any): the support code is recorded with it.
     */
    public PageError of(RuntimeException e, String field, String page, Locale locale, String login) {
        String text;
        if (e instanceof CodedProblem problem) {
            text = problem.render(messages, locale).getDetail();
        } else if (e instanceof InvalidInput input) {
            text = input.problem().render(messages, locale).getDetail();
        } else if (e instanceof ErrorResponseException problem
                && problem.getBody().getDetail() != null) {
            text = problem.getBody().getDetail();
        } else if (e instanceof IllegalArgumentException && e.getMessage() != null) {
            text = e.getMessage();
        } else {
            text = null;
        }
        if (text == null) {
            text = messages.getMessage("error.unexpected", null, locale);
        }
        if (isCorrection(e)) {
            log.debug("Page {} asked for a correction: {}", page, e.getClass().getSimpleName());
            return new PageError(text, field, null, helpdesk());
        }
        String code = supportCode();
        log.warn(
                "Page {} showed an error, support code {}: {}: {}",
                page,
                code,
                e.getClass().getSimpleName(),
                e.getMessage());
        record(code, login, page, e);
        return new PageError(text, field, code, helpdesk());
    }

    /** Hands the code to {@link SupportCodes}, with the request's caller when there is a request. */
    private void record(String code, String login, String page, RuntimeException e) {
        Caller caller = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? Callers.from(attributes.getRequest())
                : new Caller(null, null, ClientType.Browser);
        String user = login != null ? login : "anonymous".equals(caller.actor()) ? null : caller.actor();
        String error = e instanceof ErrorResponseException problem
                ? e.getClass().getSimpleName() + ": " + problem.getStatusCode().value() + " "
                        + problem.getBody().getType()
                : e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        supportCodes.record(code, user, page, error, caller);
    }

    /** A page error for a message key: a form check before any service runs, which the user corrects alone. */
    public PageError ofKey(String key, String field, String page, Locale locale) {
        log.debug("Page {} asked for a correction: {}", page, key);
        return new PageError(messages.getMessage(key, null, locale), field, null, helpdesk());
    }

    /**
     * Bad input (a {@code 400} problem or an {@link IllegalArgumentException}) or a new password
     * the policy refused ({@code 422}): the message says what to change, and a support code would
     * only send the user to the helpdesk for a typo or a password that is too short.
     */
    static boolean isCorrection(RuntimeException e) {
        return e instanceof IllegalArgumentException
                || (e instanceof ErrorResponseException problem
                        && (problem.getStatusCode().value() == 400
                                || problem.getStatusCode().value() == 422));
    }

    /** A text from the portal's messages, for a check a page makes itself. */
    public String text(String key, Locale locale) {
        return messages.getMessage(key, null, locale);
    }

    private String helpdesk() {
        String url = policies.current().helpdeskUrl();
        return url == null || url.contains(":") ? url : "mailto:" + url;
    }

    static String supportCode() {
        StringBuilder code = new StringBuilder(8);
        for (int i = 0; i < 8; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }
}
