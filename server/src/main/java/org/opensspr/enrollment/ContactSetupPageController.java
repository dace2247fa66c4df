package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.opensspr.audit.Caller;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.web.Callers;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /register/email} and {@code /register/sms}, reached by "Add" or "Change" on {@code
 * /register} or from the registration interrupt: the address or number, then the code sent to it
 * (which one waits for its code is kept in the HTTP session). The user confirms it is them before
 * the form ({@link RegisterPages#stepUpFirst}). The form shown again with an error keeps the
 * address or number typed; never a code.
 */
@Controller
class ContactSetupPageController {

    private static final String PENDING = ContactSetupPageController.class.getName() + ".pending.";

    private final RegistrationService registration;
    private final RegisterPages pages;

    ContactSetupPageController(RegistrationService registration, RegisterPages pages) {
        this.registration = registration;
        this.pages = pages;
    }

    @GetMapping({"/register/email", "/register/sms"})
    String contact(
            @RequestParam(required = false) String another,
            @RequestParam(required = false) String confirmed,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model) {
        String type = request.getRequestURI().endsWith("/sms") ? "sms" : "email";
        DirectoryUser user = pages.user(authentication, model);
        boolean pending = session.getAttribute(PENDING + type) != null && another == null;
        if (!pending) {
            String stepUp = pages.stepUpFirst(user, session, "/register/" + type);
            if (stepUp != null) {
                return stepUp;
            }
        }
        model.addAttribute("confirmed", confirmed != null);
        return contactPage(type, pending, "", model);
    }

    @PostMapping("/register/email")
    String startEmail(
            @RequestParam(defaultValue = "") String address,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return start(
                "email", "address", address, registration::startEmail, authentication, request, session, model, locale);
    }

    @PostMapping("/register/sms")
    String startSms(
            @RequestParam(defaultValue = "") String phone,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return start("sms", "phone", phone, registration::startSms, authentication, request, session, model, locale);
    }

    /** How {@link RegistrationService} sends a code to a new address or number. */
    @FunctionalInterface
    private interface CodeSender {
        void send(DirectoryUser user, String contact, String stepUp, Caller caller);
    }

    /**
     * Sends the code to what was typed in the {@code field} of the {@code type} page and waits for it;
     * refused, the page again with what was typed.
     */
    private String start(
            String type,
            String field,
            String typed,
            CodeSender sender,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        try {
            sender.send(user, typed, StepUpPageController.proof(session), Callers.from(request));
            session.setAttribute(PENDING + type, true);
            return "redirect:/register/" + type;
        } catch (RuntimeException e) {
            return pages.refused(
                    e,
                    field,
                    "/register/" + type,
                    session,
                    model,
                    locale,
                    () -> contactPage(type, false, typed, model));
        }
    }

    @PostMapping({"/register/email/verify", "/register/sms/verify"})
    String verifyCode(
            @RequestParam(defaultValue = "") String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        String type = request.getRequestURI().endsWith("/sms/verify") ? "sms" : "email";
        DirectoryUser user = pages.user(authentication, model);
        try {
            registration.verifyCode(user, MethodType.of(type), code, Callers.from(request));
            session.removeAttribute(PENDING + type);
            return RegisterPages.saved(session);
        } catch (RuntimeException e) {
            // Nothing waits for a code any more (expired, or too many wrong codes): the address form again.
            boolean gone = e instanceof ErrorResponseException problem
                    && problem.getStatusCode().value() == 404;
            if (gone) {
                session.removeAttribute(PENDING + type);
            }
            return pages.refused(
                    e,
                    gone ? null : type + "-code",
                    "/register/" + type,
                    session,
                    model,
                    locale,
                    () -> contactPage(type, !gone, "", model));
        }
    }

    /** The email or SMS page: the address or number (with what was typed), or the code once one was sent. */
    private static String contactPage(String type, boolean pending, String typed, Model model) {
        model.addAttribute("type", type);
        model.addAttribute("pending", pending);
        model.addAttribute("typed", typed);
        model.addAttribute("codeMinutes", RegistrationService.CODE_MINUTES);
        return "register/contact";
    }
}
