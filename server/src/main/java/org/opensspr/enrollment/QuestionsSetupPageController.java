package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.PolicyService;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /register/questions}, reached by "Add" or "Change" on {@code /register} or from the
 * registration interrupt: the policy's number of questions, each chosen from a list and answered.
 * The user confirms it is them before the form ({@link RegisterPages#stepUpFirst}). The form shown
 * again with an error keeps the questions chosen and the answers typed, in the page only: answers
 * are never put in the session.
 */
@Controller
class QuestionsSetupPageController {

    private final RegistrationService registration;
    private final PolicyService policies;
    private final RegisterPages pages;
    private final PageErrors errors;

    QuestionsSetupPageController(
            RegistrationService registration, PolicyService policies, RegisterPages pages, PageErrors errors) {
        this.registration = registration;
        this.policies = policies;
        this.pages = pages;
        this.errors = errors;
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
            return pages.refused(
                    e,
                    "question-1",
                    "/register/questions",
                    session,
                    model,
                    locale,
                    () -> questionsPage(count, chosen, typed, model, locale));
        }
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
