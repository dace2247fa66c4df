package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
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
        DirectoryUser user = pages.user(authentication, model);
        try {
            registration.startEmail(user, address, StepUpPageController.proof(session), Callers.from(request));
            session.setAttribute(PENDING + "email", true);
            return "redirect:/register/email";
        } catch (RuntimeException e) {
            return pages.refused(
                    e,
                    "address",
                    "/register/email",
                    session,
                    model,
                    locale,
                    () -> contactPage("email", false, address, model));
        }
    }

    @PostMapping("/register/sms")
    String startSms(
            @RequestParam(defaultValue = "") String phone,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        try {
            registration.startSms(user, phone, StepUpPageController.proof(session), Callers.from(request));
            session.setAttribute(PENDING + "sms", true);
            return "redirect:/register/sms";
        } catch (RuntimeException e) {
            return pages.refused(
                    e, "phone", "/register/sms", session, model, locale, () -> contactPage("sms", false, phone, model));
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
