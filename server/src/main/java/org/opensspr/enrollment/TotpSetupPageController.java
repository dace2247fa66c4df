package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import java.util.Optional;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /register/totp}, reached by "Add" or "Change" on {@code /register} or from the
 * registration interrupt: what an authenticator app is, then its QR code (a new secret, pending
 * until a first code proves the app has it) and the code field. A wrong code shows the same QR code
 * again; the user confirms it is them before the secret is made ({@link RegisterPages#stepUpFirst}).
 */
@Controller
class TotpSetupPageController {

    private final RegistrationService registration;
    private final RegisterPages pages;
    private final PageErrors errors;
    private final String issuer;

    TotpSetupPageController(
            RegistrationService registration,
            RegisterPages pages,
            PageErrors errors,
            @Value("${sspr.totp.issuer:OpenSSPR}") String issuer) {
        this.registration = registration;
        this.pages = pages;
        this.errors = errors;
        this.issuer = issuer;
    }

    /** Before the QR code: what an authenticator app is and a button that makes the secret; after: the QR code. */
    @GetMapping("/register/totp")
    String totp(
            @RequestParam(required = false) String confirmed,
            Authentication authentication,
            HttpSession session,
            Model model) {
        DirectoryUser user = pages.user(authentication, model);
        Optional<RegistrationService.TotpEnrollment> pending = registration.pendingTotp(user, issuer);
        if (pending.isEmpty()) {
            String stepUp = pages.stepUpFirst(user, session, "/register/totp");
            if (stepUp != null) {
                return stepUp;
            }
        }
        model.addAttribute("confirmed", confirmed != null);
        model.addAttribute("totp", pending.orElse(null));
        return "register/totp";
    }

    /** Makes a new secret and shows its QR code (a new one each time: "Change" replaces the app). */
    @PostMapping("/register/totp")
    String startTotp(Authentication authentication, HttpSession session, Model model, Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        try {
            registration.startTotp(user, issuer, StepUpPageController.proof(session));
            return "redirect:/register/totp";
        } catch (RuntimeException e) {
            return pages.refused(e, null, "/register/totp", session, model, locale, () -> {
                model.addAttribute("totp", null);
                return "register/totp";
            });
        }
    }

    @PostMapping("/register/totp/verify")
    String verifyTotp(
            @RequestParam(defaultValue = "") String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        try {
            registration.verifyTotp(user, code, Callers.from(request));
            return RegisterPages.saved(session);
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "totp-code", "/register/totp", locale));
            // The same QR code and key again: the app the user scanned still has the right secret.
            // Gone (expired, or too many wrong codes): the page offers to start again.
            model.addAttribute("totp", registration.pendingTotp(user, issuer).orElse(null));
            return "register/totp";
        }
    }
}
