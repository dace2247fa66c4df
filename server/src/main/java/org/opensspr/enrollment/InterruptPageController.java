package org.opensspr.enrollment;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Locale;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.web.Callers;
import org.opensspr.web.PendingInterrupts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /register/interrupt}: the registration interrupt a user meets right after signing in
 * ({@link SecurityInfoService#pageFor}), before the page they were going to. With too few methods:
 * "Keep your account secure", the progress and a set-up link per method the policy allows (no
 * skip: the policy has no setting for one); each set-up comes back here. With a registration due
 * for reconfirmation: "Is your security info still current?", the methods, "Looks good" (recorded
 * and audited, {@link SecurityInfoService#reconfirm}) or "Change" (the overview). Once nothing is
 * asked any more: done, and a link on to where the user was going.
 */
@Controller
class InterruptPageController {

    private final SecurityInfoService securityInfo;
    private final RegisterPages pages;

    InterruptPageController(SecurityInfoService securityInfo, RegisterPages pages) {
        this.securityInfo = securityInfo;
        this.pages = pages;
    }

    @GetMapping(SecurityInfoService.INTERRUPT_PAGE)
    String show(
            @RequestParam(required = false) String saved,
            Authentication authentication,
            HttpSession session,
            Model model,
            Locale locale) {
        DirectoryUser user = pages.user(authentication, model);
        SecurityInfoService.Status status = securityInfo.status(user);
        SecurityInfoService.Interrupt interrupt = status.interrupt();
        if (interrupt == SecurityInfoService.Interrupt.NONE) {
            if (PendingInterrupts.page(session).isEmpty()) {
                return "redirect:/register";
            }
            model.addAttribute("next", PendingInterrupts.finish(session));
        }
        model.addAttribute(
                "interrupt",
                switch (interrupt) {
                    case NONE -> "done";
                    case SET_UP -> "setUp";
                    case RECONFIRM -> "reconfirm";
                });
        model.addAttribute("saved", saved != null);
        model.addAttribute("rows", pages.rows(status, locale));
        model.addAttribute("addable", RegisterPages.ids(status.addable()));
        model.addAttribute("required", status.required());
        model.addAttribute("counted", status.usable().size());
        model.addAttribute("missing", status.missing());
        return "register/interrupt";
    }

    /**
     * "Looks good": the security info is still current. Recorded and audited; then on to where the
     * user was going (from the overview's question: back to the overview).
     */
    @PostMapping("/register/reconfirm")
    String looksGood(Authentication authentication, HttpServletRequest request, HttpSession session, Model model) {
        DirectoryUser user = pages.user(authentication, model);
        securityInfo.reconfirm(user, Callers.from(request));
        if (PendingInterrupts.page(session).isEmpty()) {
            return "redirect:/register?reviewed";
        }
        if (securityInfo.status(user).interrupt() != SecurityInfoService.Interrupt.NONE) {
            // Confirming cannot stand in for setting up the methods still missing.
            return "redirect:" + SecurityInfoService.INTERRUPT_PAGE;
        }
        return "redirect:" + PendingInterrupts.finish(session);
    }
}
