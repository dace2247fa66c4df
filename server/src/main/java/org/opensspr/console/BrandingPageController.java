package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.Locale;
import org.opensspr.branding.Branding;
import org.opensspr.branding.BrandingService;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /admin/branding}: the organisation's name, colours, helpdesk text and logo, as the portal
 * and the mails show them (Entra's "Company branding"). Saves through {@link BrandingService}, which
 * checks the colours' contrast and the logo's content and audits every change with before and after.
 */
@Controller
class BrandingPageController {

    private static final String PAGE = "/admin/branding";

    private final BrandingService branding;
    private final PageErrors errors;

    BrandingPageController(BrandingService branding, PageErrors errors) {
        this.branding = branding;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String done, Model model) {
        Branding current = branding.current();
        page(model, BrandingForm.of(current));
        model.addAttribute("done", done);
        return "admin/branding";
    }

    @PostMapping(PAGE)
    String save(BrandingForm form, HttpServletRequest request, Model model, Locale locale) {
        Branding changed;
        try {
            changed = form.branding();
        } catch (IllegalArgumentException e) {
            page(model, form);
            model.addAttribute("error", ConsoleForms.console(errors.of(e, null, PAGE, locale)));
            return "admin/branding";
        }
        if (changed.equals(branding.current())) {
            return "redirect:" + PAGE + "?done=unchanged";
        }
        branding.update(changed, Callers.from(request));
        return "redirect:" + PAGE + "?done=saved";
    }

    @PostMapping(PAGE + "/logo")
    String logo(@RequestParam("logo") MultipartFile logo, HttpServletRequest request, Model model, Locale locale)
            throws IOException {
        try {
            branding.replaceLogo(logo.getBytes(), logo.getContentType(), Callers.from(request));
        } catch (IllegalArgumentException | ErrorResponseException e) {
            page(model, BrandingForm.of(branding.current()));
            model.addAttribute("error", ConsoleForms.console(errors.of(e, "logo", PAGE, locale)));
            return "admin/branding";
        }
        return "redirect:" + PAGE + "?done=logo";
    }

    @PostMapping(PAGE + "/logo/delete")
    String removeLogo(HttpServletRequest request) {
        branding.removeLogo(Callers.from(request));
        return "redirect:" + PAGE + "?done=logoRemoved";
    }

    private void page(Model model, BrandingForm form) {
        model.addAttribute("form", form);
        model.addAttribute("logo", branding.logo().orElse(null));
    }

    /** The branding form as posted; blank fields are today's look. */
    record BrandingForm(
            String organisationName,
            String primaryColour,
            String accentColour,
            String helpdeskTextEn,
            String helpdeskTextNl) {

        static BrandingForm of(Branding branding) {
            Branding.HelpdeskText text = branding.helpdeskText();
            return new BrandingForm(
                    branding.organisationName(),
                    branding.primaryColour(),
                    branding.accentColour(),
                    text == null ? null : text.en(),
                    text == null ? null : text.nl());
        }

        Branding branding() {
            return new Branding(
                    organisationName,
                    primaryColour,
                    accentColour,
                    new Branding.HelpdeskText(helpdeskTextEn, helpdeskTextNl));
        }
    }
}
