package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Locale;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /register/step-up}: before the signed-in user changes their security info they confirm it
 * is them ({@link StepUpService}): a code sent to an address on file or from their authenticator
 * app, or their password when they have none. The proof is kept in the HTTP session; {@code
 * /register} sends a change without one here ({@link #stepUpThenBackTo}), and the user comes back
 * to the page that asked, with {@code ?confirmed}.
 */
@Controller
class StepUpPageController {

    static final String REDIRECT = "redirect:/register/step-up";
    private static final String PAGE = "/register/step-up";
    private static final String PROOF = StepUpPageController.class.getName() + ".proof";
    private static final String SENT = StepUpPageController.class.getName() + ".sent";
    private static final String BACK = StepUpPageController.class.getName() + ".back";

    private final StepUpService stepUp;
    private final Directory directory;
    private final PageErrors errors;

    StepUpPageController(StepUpService stepUp, Directory directory, PageErrors errors) {
        this.stepUp = stepUp;
        this.directory = directory;
        this.errors = errors;
    }

    /** The step-up proof this session holds, or null. */
    static String proof(HttpSession session) {
        return (String) session.getAttribute(PROOF);
    }

    /**
     * Sends the user to confirm it is them, then back to {@code page} (a security-info page, such as
     * {@code /register/email}); answers the redirect to return.
     */
    static String stepUpThenBackTo(HttpSession session, String page) {
        session.setAttribute(BACK, page);
        return REDIRECT;
    }

    /** Where a proof sends the user: the page that asked for it (only a {@code /register} page), else /register. */
    private static String back(HttpSession session) {
        Object page = session.getAttribute(BACK);
        session.removeAttribute(BACK);
        return page instanceof String path && path.startsWith("/register/") ? path : "/register";
    }

    /** True for the refusal of a change that had no valid step-up proof. */
    static boolean isStepUpRequired(RuntimeException e) {
        return e instanceof ErrorResponseException problem
                && problem.getBody().getType() != null
                && problem.getBody().getType().toString().endsWith("/step-up-required");
    }

    @GetMapping("/register/step-up")
    String show(Authentication authentication, HttpSession session, Model model) {
        return page(user(authentication), session, model);
    }

    @PostMapping("/register/step-up/challenge")
    String challenge(
            @RequestParam(defaultValue = "") String methodId,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = user(authentication);
        try {
            stepUp.challenge(user, methodId);
            session.setAttribute(SENT, methodId);
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, null, PAGE, locale));
        }
        return page(user, session, model);
    }

    @PostMapping("/register/step-up/verify")
    String verify(
            @RequestParam(defaultValue = "") String methodId,
            @RequestParam(defaultValue = "") String code,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = user(authentication);
        try {
            session.setAttribute(
                    PROOF,
                    stepUp.prove(user, methodId, code, Callers.from(request)).token());
            session.removeAttribute(SENT);
            return "redirect:" + back(session) + "?confirmed";
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, null, PAGE, locale));
            return page(user, session, model);
        }
    }

    @PostMapping("/register/step-up/password")
    String password(
            @RequestParam(defaultValue = "") String password,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = user(authentication);
        try {
            session.setAttribute(
                    PROOF,
                    stepUp.proveWithPassword(user, password, Callers.from(request))
                            .token());
            return "redirect:" + back(session) + "?confirmed";
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "password", PAGE, locale));
            return page(user, session, model);
        }
    }

    private String page(DirectoryUser user, HttpSession session, Model model) {
        List<VerificationMethod> ways = stepUp.ways(user);
        model.addAttribute("user", user.login());
        model.addAttribute(
                "ways",
                ways.stream().map(m -> new Way(m.id(), m.type().id(), m.hint())).toList());
        model.addAttribute("sent", session.getAttribute(SENT));
        return "register/step-up";
    }

    private DirectoryUser user(Authentication authentication) {
        return directory
                .findUser(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("the signed-in user is no longer in the directory"));
    }

    /** A method to confirm with, as the page lists it; {@code hint} is empty for an authenticator. */
    record Way(String id, String type, String hint) {}
}
