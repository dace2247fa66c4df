package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.Requirements;
import org.opensspr.policy.SsprPolicy;
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
 * {@code /register}: the signed-in user's security info. Lists what counts, says when the
 * registration is not complete, and registers email and SMS (address or number, then the code
 * sent to it), an authenticator app (QR code, then a first code) and security questions. Which
 * email or SMS registration waits for its code is kept in the HTTP session, as is the step-up proof
 * every change needs: without one a change goes to {@code /register/step-up} ({@link StepUpPageController}).
 */
@Controller
class RegisterPageController {

    private static final String PAGE = "/register";
    /** The code field's id on the authenticator page, which an error links to. */
    private static final String TOTP_CODE_FIELD = "totp-code";

    private static final String PENDING = RegisterPageController.class.getName() + ".pending.";

    private final RegistrationService registration;
    private final MethodsService methods;
    private final PolicyService policies;
    private final Directory directory;
    private final PageErrors errors;
    private final String issuer;

    RegisterPageController(
            RegistrationService registration,
            MethodsService methods,
            PolicyService policies,
            Directory directory,
            PageErrors errors,
            @Value("${sspr.totp.issuer:OpenSSPR}") String issuer) {
        this.registration = registration;
        this.methods = methods;
        this.policies = policies;
        this.directory = directory;
        this.errors = errors;
        this.issuer = issuer;
    }

    @GetMapping("/register")
    String show(
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String confirmed,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale) {
        model.addAttribute("saved", saved != null);
        model.addAttribute("confirmed", confirmed != null);
        return page(authentication, session, model, locale);
    }

    @PostMapping("/register/email")
    String startEmail(
            @RequestParam(defaultValue = "") String address,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return attempt(
                () -> {
                    registration.startEmail(
                            user(authentication), address, StepUpPageController.proof(session), Callers.from(request));
                    session.setAttribute(PENDING + "email", true);
                },
                "address",
                authentication,
                session,
                model,
                locale,
                "redirect:/register#email");
    }

    @PostMapping("/register/email/verify")
    String verifyEmail(
            @RequestParam(defaultValue = "") String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return attempt(
                () -> {
                    registration.verifyCode(user(authentication), MethodType.EMAIL, code, Callers.from(request));
                    session.removeAttribute(PENDING + "email");
                },
                "email-code",
                authentication,
                session,
                model,
                locale,
                "redirect:/register?saved");
    }

    @PostMapping("/register/sms")
    String startSms(
            @RequestParam(defaultValue = "") String phone,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return attempt(
                () -> {
                    registration.startSms(
                            user(authentication), phone, StepUpPageController.proof(session), Callers.from(request));
                    session.setAttribute(PENDING + "sms", true);
                },
                "phone",
                authentication,
                session,
                model,
                locale,
                "redirect:/register#sms");
    }

    @PostMapping("/register/sms/verify")
    String verifySms(
            @RequestParam(defaultValue = "") String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return attempt(
                () -> {
                    registration.verifyCode(user(authentication), MethodType.SMS, code, Callers.from(request));
                    session.removeAttribute(PENDING + "sms");
                },
                "sms-code",
                authentication,
                session,
                model,
                locale,
                "redirect:/register?saved");
    }

    /** Shows the QR code right away; after a wrong code the verify step shows the same one again. */
    @PostMapping("/register/totp")
    String startTotp(Authentication authentication, HttpSession session, Model model, Locale locale) {
        try {
            model.addAttribute(
                    "totp", registration.startTotp(user(authentication), issuer, StepUpPageController.proof(session)));
            model.addAttribute("user", authentication.getName());
            return "register/totp";
        } catch (RuntimeException e) {
            if (StepUpPageController.isStepUpRequired(e)) {
                return StepUpPageController.REDIRECT;
            }
            model.addAttribute("error", errors.of(e, null, PAGE, locale));
            return page(authentication, session, model, locale);
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
        DirectoryUser user = user(authentication);
        try {
            registration.verifyTotp(user, code, Callers.from(request));
            return "redirect:/register?saved";
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, TOTP_CODE_FIELD, PAGE, locale));
            Optional<RegistrationService.TotpEnrollment> pending = registration.pendingTotp(user, issuer);
            if (pending.isEmpty()) {
                model.addAttribute("saved", false);
                return page(authentication, session, model, locale);
            }
            // The same QR code and key again: the app the user scanned still has the right secret.
            model.addAttribute("totp", pending.get());
            model.addAttribute("user", user.login());
            return "register/totp";
        }
    }

    @PostMapping("/register/questions")
    String questions(
            @RequestParam Map<String, String> form,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return attempt(
                () -> {
                    Map<String, String> answers = new LinkedHashMap<>();
                    for (int i = 1; i <= policies.current().questionsToRegister(); i++) {
                        String id = form.getOrDefault("question-" + i, "");
                        if (id.isBlank() || answers.put(id, form.getOrDefault("answer-" + i, "")) != null) {
                            throw new IllegalArgumentException(errors.text("register.questions.different", locale));
                        }
                    }
                    registration.setQuestions(
                            user(authentication), answers, StepUpPageController.proof(session), Callers.from(request));
                },
                "question-1",
                authentication,
                session,
                model,
                locale,
                "redirect:/register?saved");
    }

    @PostMapping("/register/delete")
    String delete(
            @RequestParam(defaultValue = "") String type,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        return attempt(
                () -> registration.delete(
                        user(authentication),
                        MethodType.of(type),
                        StepUpPageController.proof(session),
                        Callers.from(request)),
                null,
                authentication,
                session,
                model,
                locale,
                "redirect:/register?saved");
    }

    private String attempt(
            Runnable action,
            String field,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale,
            String success) {
        try {
            action.run();
            return success;
        } catch (RuntimeException e) {
            if (StepUpPageController.isStepUpRequired(e)) {
                return StepUpPageController.REDIRECT;
            }
            model.addAttribute("error", errors.of(e, field, PAGE, locale));
            model.addAttribute("saved", false);
            return page(authentication, session, model, locale);
        }
    }

    private String page(Authentication authentication, HttpSession session, Model model, Locale locale) {
        DirectoryUser user = user(authentication);
        SsprPolicy policy = policies.current();
        Requirements requirements = policies.requirementsFor(policy, user);
        List<VerificationMethod> usable = methods.usableMethods(user, policy, requirements);
        model.addAttribute("user", user.login());
        model.addAttribute("required", requirements.required());
        model.addAttribute("complete", usable.size() >= requirements.required());
        model.addAttribute(
                "allowed", requirements.allowed().stream().map(MethodType::id).toList());
        model.addAttribute(
                "usable",
                usable.stream().map(m -> new Usable(m.type().id(), m.hint())).toList());
        model.addAttribute(
                "registered",
                registration.view(user).stream()
                        .map(RegistrationService.RegisteredView::type)
                        .toList());
        model.addAttribute("pendingEmail", session.getAttribute(PENDING + "email") != null);
        model.addAttribute("pendingSms", session.getAttribute(PENDING + "sms") != null);
        model.addAttribute("questionCount", policy.questionsToRegister());
        model.addAttribute("questions", registration.availableQuestions(locale));
        return "register/register";
    }

    private DirectoryUser user(Authentication authentication) {
        return directory
                .findUser(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("the signed-in user is no longer in the directory"));
    }

    /** A method that counts, as the page lists it; {@code hint} may be null. */
    record Usable(String type, String hint) {}
}
