package org.opensspr.reset;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.audit.Caller;
import org.opensspr.captcha.ProofOfWorkCaptcha;
import org.opensspr.enrollment.Question;
import org.opensspr.policy.PolicyService;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * {@code /reset}: the reset flow as server-rendered pages. Step 1 the login and the proof-of-work
 * CAPTCHA; step 2 choose a method; step 3 the full address or number, then the code (or the
 * authenticator code, or the answers), repeated until no verification remains; step 4 the new
 * password. The flow id stays in the HTTP session ({@link ResetPageState}); every successful post
 * redirects back to {@code GET /reset}, which shows the current step. A service error is shown on
 * the page with a support code ({@link PageErrors}).
 */
@Controller
class ResetPageController {

    private static final String PAGE = "/reset";

    private final ResetFlowService service;
    private final ProofOfWorkCaptcha captcha;
    private final PageErrors errors;
    private final PolicyService policies;
    private final PasswordChecks checks;
    private final PasswordRuleTexts ruleTexts;

    ResetPageController(
            ResetFlowService service,
            ProofOfWorkCaptcha captcha,
            PageErrors errors,
            PolicyService policies,
            PasswordChecks checks,
            PasswordRuleTexts ruleTexts) {
        this.service = service;
        this.captcha = captcha;
        this.errors = errors;
        this.policies = policies;
        this.checks = checks;
        this.ruleTexts = ruleTexts;
    }

    @GetMapping("/reset")
    String show(
            @RequestParam(required = false) String expired,
            @RequestParam(required = false) String resent,
            @RequestParam(defaultValue = "") String login,
            HttpSession session,
            Model model) {
        ResetPageState state = state(session);
        if (state == null) {
            model.addAttribute("expired", expired != null);
            // A reset link from the helpdesk names the login: the field comes filled in.
            return loginStep(model, login.length() <= 256 ? login : "");
        }
        if (state.step() == ResetPageState.Step.DONE) {
            session.removeAttribute(ResetPageState.SESSION_KEY);
        }
        model.addAttribute("resent", resent != null && state.canResend());
        return view(state, model);
    }

    @PostMapping("/reset/start")
    String start(
            @RequestParam(defaultValue = "") String login,
            @RequestParam(name = "captcha", required = false) String solution,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        if (login.isBlank()) {
            model.addAttribute("error", errors.ofKey("reset.login.required", "login", PAGE, locale));
            return loginStep(model, login);
        }
        try {
            if (!captcha.verify(solution)) {
                throw FlowProblems.captchaInvalid();
            }
            session.setAttribute(
                    ResetPageState.SESSION_KEY, ResetPageState.started(service.start(login, Callers.from(request))));
            return "redirect:/reset";
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "login", PAGE, locale, login));
            return loginStep(model, login);
        }
    }

    @PostMapping("/reset/method")
    String method(
            @RequestParam(defaultValue = "") String methodId,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        ResetPageState state = state(session);
        if (state == null || state.flowId() == null) {
            return "redirect:/reset";
        }
        if (!state.offers(methodId)) {
            model.addAttribute(
                    "error", errors.ofKey("reset.method.required", "method-" + firstChoice(state), PAGE, locale));
            return view(state.at(ResetPageState.Step.CHOOSE, null, null), model);
        }
        ResetPageState.Method method = state.methods().stream()
                .filter(m -> m.id().equals(methodId))
                .findFirst()
                .orElseThrow();
        if (ResetPageState.sendsCode(method.type())) {
            return save(session, state.at(ResetPageState.Step.CONTACT, methodId, null));
        }
        try {
            List<Question> questions = service.challenge(state.flowId(), methodId, null, locale, Callers.from(request));
            List<ResetPageState.Asked> asked = questions.stream()
                    .map(q -> new ResetPageState.Asked(q.id(), q.text()))
                    .toList();
            return save(
                    session,
                    state.at(
                            asked.isEmpty() ? ResetPageState.Step.CODE : ResetPageState.Step.QUESTIONS,
                            methodId,
                            asked));
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "method-" + methodId, PAGE, locale));
            return view(state.at(ResetPageState.Step.CHOOSE, null, null), model);
        }
    }

    @PostMapping("/reset/contact")
    String contact(
            @RequestParam(defaultValue = "") String contact,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        ResetPageState state = state(session);
        if (state == null || state.step() != ResetPageState.Step.CONTACT) {
            return "redirect:/reset";
        }
        if (contact.isBlank()) {
            model.addAttribute(
                    "error",
                    errors.ofKey("reset.contact.required." + state.method().type(), "contact", PAGE, locale));
            return view(state, model);
        }
        try {
            service.challenge(state.flowId(), state.methodId(), contact, locale, Callers.from(request));
            return save(session, state.codeSentTo(contact));
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "contact", PAGE, locale));
            // The address or number typed stays in the field, to correct rather than type again.
            model.addAttribute("contact", contact);
            return view(state, model);
        }
    }

    @PostMapping("/reset/verify")
    String verify(
            @RequestParam Map<String, String> form,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        ResetPageState state = state(session);
        if (state == null
                || (state.step() != ResetPageState.Step.CODE && state.step() != ResetPageState.Step.QUESTIONS)) {
            return "redirect:/reset";
        }
        Caller caller = Callers.from(request);
        String code = form.getOrDefault("code", "");
        Map<String, String> answers = new HashMap<>();
        state.questions().forEach(q -> answers.put(q.id(), form.getOrDefault("answer-" + q.id(), "")));
        String field = state.step() == ResetPageState.Step.CODE
                ? "code"
                : "answer-" + state.questions().get(0).id();
        if (state.step() == ResetPageState.Step.CODE && code.isBlank()) {
            model.addAttribute("error", errors.ofKey("reset.code.required", field, PAGE, locale));
            return view(state, model);
        }
        try {
            int remaining = service.verify(state.flowId(), state.methodId(), code, answers, caller);
            return save(session, state.passed(remaining));
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, field, PAGE, locale));
            if (state.step() == ResetPageState.Step.QUESTIONS) {
                // A wrong answer uses the questions up: the user chooses the method again and gets a new set.
                return view(state.at(ResetPageState.Step.CHOOSE, null, null), model);
            }
            return view(state, model);
        }
    }

    @PostMapping("/reset/password")
    String password(
            @RequestParam(defaultValue = "") String newPassword,
            @RequestParam(defaultValue = "") String confirmPassword,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        ResetPageState state = state(session);
        if (state == null || state.step() != ResetPageState.Step.PASSWORD) {
            return "redirect:/reset";
        }
        if (!newPassword.equals(confirmPassword)) {
            model.addAttribute("error", errors.ofKey("password.mismatch", "confirmPassword", PAGE, locale));
            return view(state, model);
        }
        try {
            service.resetPassword(state.flowId(), newPassword, Callers.from(request));
            return save(session, state.done());
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "newPassword", PAGE, locale));
            return view(state, model);
        }
    }

    /**
     * The strength meter's check ({@code js/strength.js}): what {@link #password} would answer to
     * {@code newPassword}, as JSON, without setting it. Only on the password step of this session's
     * flow; anywhere else {@code 404 flow-not-found}, as an unknown flow. A form post like any other:
     * without the session's CSRF token it is sent to {@code /reset?expired}.
     */
    @PostMapping("/reset/password/check")
    @ResponseBody
    PasswordChecks.Answer checkPassword(
            @RequestParam(defaultValue = "") String newPassword, HttpSession session, Locale locale) {
        ResetPageState state = state(session);
        if (state == null || state.step() != ResetPageState.Step.PASSWORD) {
            throw FlowProblems.flowNotFound();
        }
        return checks.forFlow(state.flowId(), newPassword, locale);
    }

    /** Sends a new code to the address typed for this method, within the flow's limits on codes. */
    @PostMapping("/reset/resend")
    String resend(HttpServletRequest request, HttpSession session, Model model, Locale locale) {
        ResetPageState state = state(session);
        if (state == null || !state.canResend()) {
            return "redirect:/reset";
        }
        try {
            service.challenge(state.flowId(), state.methodId(), state.contact(), locale, Callers.from(request));
            return "redirect:/reset?resent";
        } catch (RuntimeException e) {
            model.addAttribute("error", errors.of(e, "code", PAGE, locale));
            return view(state, model);
        }
    }

    /** Back to the choice of method, for a user whose code does not come or who prefers another way. */
    @PostMapping("/reset/choose")
    String choose(HttpSession session) {
        ResetPageState state = state(session);
        if (state == null
                || !state.canSwitch()
                || (state.step() != ResetPageState.Step.CONTACT && state.step() != ResetPageState.Step.CODE)) {
            return "redirect:/reset";
        }
        return save(session, state.at(ResetPageState.Step.CHOOSE, null, null));
    }

    /** Forgets the flow in this session and shows step 1 again. */
    @PostMapping("/reset/restart")
    String restart(HttpSession session) {
        session.removeAttribute(ResetPageState.SESSION_KEY);
        return "redirect:/reset";
    }

    private String loginStep(Model model, String login) {
        model.addAttribute("login", login);
        // Before the user is known: as many steps as the policy asks of an ordinary user.
        model.addAttribute("steps", ResetPageState.steps(policies.current().methodsRequired()));
        model.addAttribute("captcha", captcha.issue());
        return "reset/login";
    }

    private String view(ResetPageState state, Model model) {
        model.addAttribute("state", state);
        if (state.step() == ResetPageState.Step.PASSWORD) {
            // The rules text says what the server's policy asks, not a number written into the page.
            model.addAttribute("passwordRules", ruleTexts.of(LocaleContextHolder.getLocale()));
        }
        return switch (state.step()) {
            case CHOOSE -> "reset/method";
            case CONTACT -> "reset/contact";
            case CODE -> "reset/code";
            case QUESTIONS -> "reset/questions";
            case PASSWORD -> "reset/password";
            case DONE -> "reset/done";
        };
    }

    private static String firstChoice(ResetPageState state) {
        return state.choices().isEmpty() ? "" : state.choices().get(0).id();
    }

    private static String save(HttpSession session, ResetPageState state) {
        session.setAttribute(ResetPageState.SESSION_KEY, state);
        return "redirect:/reset";
    }

    private static ResetPageState state(HttpSession session) {
        return session.getAttribute(ResetPageState.SESSION_KEY) instanceof ResetPageState state ? state : null;
    }
}
