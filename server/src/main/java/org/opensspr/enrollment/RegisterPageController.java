package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /register}: the signed-in user's security info at a glance, like Microsoft's "Security
 * info" page. Lists the methods that count (type, masked address, when the user registered or last
 * confirmed it, or that the organisation provided it), each with "Change" (its set-up page, {@link
 * ContactSetupPageController} and the others) and, for the user's own, "Delete" (confirmed on a page of its own);
 * "Add a method" for the methods the policy allows that do not count yet; and the progress ("1 of
 * 2 required methods are set up"). When a registration is due for reconfirmation it asks whether
 * it is still current ({@link InterruptPageController}). Every change first needs a step-up proof
 * ({@link StepUpPageController}).
 */
@Controller
class RegisterPageController {

    private static final String PAGE = "/register";

    private final RegistrationService registration;
    private final SecurityInfoService securityInfo;
    private final RegisterPages pages;
    private final PageErrors errors;

    RegisterPageController(
            RegistrationService registration,
            SecurityInfoService securityInfo,
            RegisterPages pages,
            PageErrors errors) {
        this.registration = registration;
        this.securityInfo = securityInfo;
        this.pages = pages;
        this.errors = errors;
    }

    @GetMapping("/register")
    String show(
            @RequestParam(required = false) String saved,
            @RequestParam(required = false) String confirmed,
            @RequestParam(required = false) String reviewed,
            @RequestParam(required = false) String deleted,
            Authentication authentication,
            Model model,
            Locale locale) {
        model.addAttribute("saved", saved != null);
        model.addAttribute("confirmed", confirmed != null);
        model.addAttribute("reviewed", reviewed != null);
        model.addAttribute("deleted", known(deleted));
        return overview(pages.user(authentication, model), model, locale);
    }

    /** Asks before a method is deleted: which one, and whether the user will still have enough. */
    @GetMapping("/register/{type}/delete")
    String confirmDelete(
            @PathVariable String type,
            @RequestParam(required = false) String confirmed,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        String method = known(type);
        SecurityInfoService.Status status = securityInfo.status(user);
        if (method == null || !status.registered(MethodType.of(method))) {
            return "redirect:/register";
        }
        String stepUp = pages.stepUpFirst(user, session, "/register/" + method + "/delete");
        if (stepUp != null) {
            return stepUp;
        }
        RegisterPages.Row row = pages.rows(status, locale).stream()
                .filter(r -> r.type().equals(method))
                .findFirst()
                .orElseThrow();
        model.addAttribute("row", row);
        model.addAttribute("confirmed", confirmed != null);
        return "register/delete";
    }

    @PostMapping("/register/delete")
    String delete(
            @RequestParam(defaultValue = "") String type,
            Authentication authentication,
            HttpServletRequest request,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        String method = known(type);
        if (method == null) {
            return "redirect:/register";
        }
        try {
            registration.delete(
                    user, MethodType.of(method), StepUpPageController.proof(session), Callers.from(request));
            return "redirect:/register?deleted=" + method;
        } catch (RuntimeException e) {
            if (StepUpPageController.isStepUpRequired(e)) {
                return StepUpPageController.stepUpThenBackTo(session, "/register/" + method + "/delete");
            }
            model.addAttribute("error", errors.of(e, null, PAGE, locale));
            model.addAttribute("saved", false);
            return overview(user, model, locale);
        }
    }

    private String overview(DirectoryUser user, Model model, Locale locale) {
        SecurityInfoService.Status status = securityInfo.status(user);
        model.addAttribute("rows", pages.rows(status, locale));
        model.addAttribute("addable", RegisterPages.ids(status.addable()));
        model.addAttribute("required", status.required());
        model.addAttribute("counted", status.usable().size());
        model.addAttribute("missing", status.missing());
        model.addAttribute("reconfirmDue", status.reconfirmDue());
        return "register/register";
    }

    /** A method id as typed in a URL, if it names a method; else null. */
    static String known(String type) {
        for (MethodType method : MethodType.values()) {
            if (method.id().equals(type)) {
                return method.id();
            }
        }
        return null;
    }
}
