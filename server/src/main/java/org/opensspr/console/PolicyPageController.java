package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import java.util.Map;
import org.opensspr.audit.Caller;
import org.opensspr.policy.PolicyService;
import org.opensspr.policy.SsprPolicy;
import org.opensspr.system.InvalidInput;
import org.opensspr.system.ProblemCode;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code /admin/policy}: the SSPR policy as a form, Entra's "Properties", "Authentication methods",
 * "Registration", "Notifications" and "On-premises integration" blades on one page. Saving stores
 * what the form says through {@link PolicyService#update}, which audits each changed field with its
 * before and after, so a save that changes one field changes, and records, only that field.
 *
 * <p>The form carries the {@code version} of the policy it was made from. When the stored policy
 * changed meanwhile (another admin, the API), the save is refused and the page shows the current
 * policy: a form never silently undoes a change its author did not see.
 */
@Controller
class PolicyPageController {

    private static final String PAGE = "/admin/policy";

    /** Which form field a policy check is about. */
    private static final Map<ProblemCode, String> FIELDS = Map.ofEntries(
            Map.entry(ProblemCode.POLICY_CUSTOM_QUESTIONS_COUNT, "customQuestions"),
            Map.entry(ProblemCode.POLICY_CUSTOM_QUESTION_LENGTH, "customQuestions"),
            Map.entry(ProblemCode.POLICY_GROUPS_REQUIRED, "groups"),
            Map.entry(ProblemCode.POLICY_GROUP_EMPTY, "groups"),
            Map.entry(ProblemCode.POLICY_METHODS_REQUIRED, "methodsRequired"),
            Map.entry(ProblemCode.POLICY_METHODS_EMPTY, "methods"),
            Map.entry(ProblemCode.POLICY_QUESTIONS_ONLY, "methods"),
            Map.entry(ProblemCode.POLICY_METHODS_TOO_FEW, "methods"),
            Map.entry(ProblemCode.POLICY_QUESTIONS_TO_REGISTER, "questionsToRegister"),
            Map.entry(ProblemCode.POLICY_QUESTIONS_TO_RESET, "questionsToReset"),
            Map.entry(ProblemCode.POLICY_RECONFIRM_DAYS, "reconfirmDays"),
            Map.entry(ProblemCode.POLICY_HELPDESK_URL, "helpdeskUrl"));

    private final PolicyService policies;
    private final PageErrors errors;
    private final ObjectMapper json;

    PolicyPageController(PolicyService policies, PageErrors errors, ObjectMapper json) {
        this.policies = policies;
        this.errors = errors;
        this.json = json;
    }

    @GetMapping(PAGE)
    String show(
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String unchanged,
            Model model) {
        SsprPolicy current = policies.current();
        model.addAttribute("form", PolicyForm.of(current, version(current)));
        model.addAttribute("saved", saved != null);
        model.addAttribute("unchanged", unchanged != null);
        return "admin/policy";
    }

    @PostMapping(PAGE)
    String save(@ModelAttribute PolicyForm form, HttpServletRequest request, Model model, Locale locale) {
        SsprPolicy current = policies.current();
        if (!version(current).equals(form.version())) {
            model.addAttribute("form", PolicyForm.of(current, version(current)));
            model.addAttribute("error", ConsoleForms.console(errors.ofKey("console.policy.stale", null, PAGE, locale)));
            return "admin/policy";
        }
        SsprPolicy changed;
        try {
            changed = form.policy();
        } catch (IllegalArgumentException e) {
            String field = e instanceof InvalidInput input ? FIELDS.get(input.code()) : null;
            model.addAttribute("form", form);
            model.addAttribute("error", ConsoleForms.console(errors.of(e, field, PAGE, locale)));
            return "admin/policy";
        }
        if (changed.equals(current)) {
            return "redirect:" + PAGE + "?unchanged";
        }
        Caller caller = Callers.from(request);
        policies.update(changed, caller.actor(), caller.ip(), caller.clientType());
        return "redirect:" + PAGE + "?saved";
    }

    private String version(SsprPolicy policy) {
        return ConsoleForms.version(json, policy);
    }
}
