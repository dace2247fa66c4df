package org.opensspr.enrollment;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.policy.MethodType;
import org.opensspr.web.PageErrors;
import org.opensspr.web.PendingInterrupts;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * What the security-info pages share: the signed-in user, the step-up gate in front of every page
 * that changes something, what a refused change shows, the rows of methods as the overview and the interrupt list them, and where
 * a saved change goes (back to the registration interrupt while one is pending, else the overview).
 */
@Component
class RegisterPages {

    private final Directory directory;
    private final StepUpService stepUp;
    private final PageErrors errors;
    private final Clock clock;

    RegisterPages(Directory directory, StepUpService stepUp, PageErrors errors, Clock clock) {
        this.directory = directory;
        this.stepUp = stepUp;
        this.errors = errors;
        this.clock = clock;
    }

    /** The signed-in user, as the directory has them now; the navigation shows their login. */
    DirectoryUser user(Authentication authentication, Model model) {
        DirectoryUser user = directory
                .findUser(authentication.getName())
                .orElseThrow(() -> new IllegalStateException("the signed-in user is no longer in the directory"));
        model.addAttribute("user", user.login());
        return user;
    }

    /**
     * Null when the session holds a valid step-up proof; else the redirect that asks the user to
     * confirm it is them first and then brings them back to {@code page}. A page that changes
     * security info asks before the form, so nothing typed is lost to the step-up.
     */
    String stepUpFirst(DirectoryUser user, HttpSession session, String page) {
        return stepUp.holds(user, StepUpPageController.proof(session))
                ? null
                : StepUpPageController.stepUpThenBackTo(session, page);
    }

    /**
     * A change the service refused: without a step-up proof, confirm it is you and come back to
     * {@code page}; otherwise the form again ({@code again}) with the error next to {@code field}.
     */
    String refused(
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

    /** Where a saved change sends the user: the registration interrupt while one is pending, else the overview. */
    static String saved(HttpSession session) {
        return PendingInterrupts.page(session).isPresent()
                ? "redirect:" + SecurityInfoService.INTERRUPT_PAGE + "?saved"
                : "redirect:/register?saved";
    }

    /**
     * The methods that count, as rows: the type, the masked address (empty for an app or questions),
     * whether the user registered it themselves (then it can be deleted, and {@code confirmedOn} says
     * when they registered or last confirmed it, in {@code locale}), or it came from the organisation
     * (an admin's pre-filled contact or the directory).
     */
    List<Row> rows(SecurityInfoService.Status status, Locale locale) {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                .withLocale(locale)
                .withZone(clock.getZone());
        return status.usable().stream()
                .map(method -> {
                    Instant at = status.registered().stream()
                            .filter(r -> r.type().equals(method.type().id()))
                            .map(RegistrationService.RegisteredView::registeredAt)
                            .findFirst()
                            .orElse(null);
                    return new Row(method.type().id(), method.hint(), at != null, at == null ? null : dates.format(at));
                })
                .toList();
    }

    /** The ids of {@code types}, as the templates name methods. */
    static List<String> ids(List<MethodType> types) {
        return types.stream().map(MethodType::id).toList();
    }

    /** A method as a row of the overview; {@code confirmedOn} is null unless {@code registered}. */
    record Row(String type, String hint, boolean registered, String confirmedOn) {}
}
