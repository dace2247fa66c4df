package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The set-up page of each method, reached by "Add" or "Change" on {@code /register} or from the
 * registration interrupt: {@code /register/email} and {@code /register/sms} (the address or number,
 * then the code sent to it; which one waits for its code is kept in the HTTP session),
 * {@code /register/totp} (the QR code, then a first code; a wrong code keeps the same QR code) and
 * {@code /register/questions}. The user confirms it is them before the form ({@link
 * RegisterPages#stepUpFirst}). A form shown again with an error keeps what was typed: the address,
 * the number, the questions chosen and the answers (in the page only, never in the session); never
 * a code.
 */
@Controller
class MethodSetupPageController {

    private static final String PENDING = MethodSetupPageController.class.getName() + ".pending.";

    private final RegistrationService registration;
    private final PolicyService policies;
    private final RegisterPages pages;
    private final PageErrors errors;
    private final String issuer;

    MethodSetupPageController(
            RegistrationService registration,
            PolicyService policies,
            RegisterPages pages,
            PageErrors errors,
            @Value("${sspr.totp.issuer:OpenSSPR}") String issuer) {
        this.registration = registration;
        this.policies = policies;
        this.pages = pages;
        this.errors = errors;
        this.issuer = issuer;
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
            return refused(
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
            return refused(
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
            return refused(
                    e,
                    gone ? null : type + "-code",
                    "/register/" + type,
                    session,
                    model,
                    locale,
                    () -> contactPage(type, !gone, "", model));
        }
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
            return refused(e, null, "/register/totp", session, model, locale, () -> {
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

    @GetMapping("/register/questions")
    String questions(
            @RequestParam(required = false) String confirmed,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        String stepUp = pages.stepUpFirst(user, session, "/register/questions");
        if (stepUp != null) {
            return stepUp;
        }
        model.addAttribute("confirmed", confirmed != null);
        int count = policies.current().questionsToRegister();
        return questionsPage(count, List.of(), List.of(), model, locale);
    }

    @PostMapping("/register/questions")
    String saveQuestions(
            @RequestParam Map<String, String> form,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        int count = policies.current().questionsToRegister();
        List<String> chosen = new ArrayList<>();
        List<String> typed = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            chosen.add(form.getOrDefault("question-" + i, ""));
            typed.add(form.getOrDefault("answer-" + i, ""));
        }
        try {
            Map<String, String> answers = new LinkedHashMap<>();
            for (int i = 0; i < count; i++) {
                if (chosen.get(i).isBlank() || answers.put(chosen.get(i), typed.get(i)) != null) {
                    throw new IllegalArgumentException(errors.text("register.questions.different", locale));
                }
            }
            registration.setQuestions(user, answers, StepUpPageController.proof(session), Callers.from(request));
            return RegisterPages.saved(session);
        } catch (RuntimeException e) {
            return refused(
                    e,
                    "question-1",
                    "/register/questions",
                    session,
                    model,
                    locale,
                    () -> questionsPage(count, chosen, typed, model, locale));
        }
    }

    /**
     * A change the service refused: without a step-up proof, confirm it is you and come back to
     * {@code page}; otherwise the form again ({@code again}) with the error next to {@code field}.
     */
    private String refused(
            RuntimeException e,
            String field,
            String page,
            HttpSession session,
            Model model,
            Locale locale,
            Supplier<String> again) {
        if (StepUpPageController.isStepUpRequired(e)) {
            return StepUpPageController.stepUpThenBackTo(session, page);
        }
        model.addAttribute("error", errors.of(e, field, page, locale));
        return again.get();
    }

    /** The email or SMS page: the address or number (with what was typed), or the code once one was sent. */
    private static String contactPage(String type, boolean pending, String typed, Model model) {
        model.addAttribute("type", type);
        model.addAttribute("pending", pending);
        model.addAttribute("typed", typed);
        model.addAttribute("codeMinutes", RegistrationService.CODE_MINUTES);
        return "register/contact";
    }

    private String questionsPage(int count, List<String> chosen, List<String> typed, Model model, Locale locale) {
        model.addAttribute("questionCount", count);
        model.addAttribute("questions", registration.availableQuestions(locale));
        model.addAttribute("chosen", padded(chosen, count));
        model.addAttribute("typed", padded(typed, count));
        return "register/questions";
    }

    private static List<String> padded(List<String> values, int count) {
        List<String> padded = new ArrayList<>(values);
        while (padded.size() < count) {
            padded.add("");
        }
        return padded;
    }
}
