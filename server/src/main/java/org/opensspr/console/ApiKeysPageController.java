package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.opensspr.apikeys.ApiKeyService;
import org.opensspr.web.Callers;
import org.opensspr.web.PageErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * {@code /admin/api-keys}: the keys helpdesk tools and chatbots call the API with (ClientType
 * {@code Api}): who issued each and when, a new key (shown once: only its hash is kept), and revoking.
 */
@Controller
class ApiKeysPageController {

    private static final String PAGE = "/admin/api-keys";

    private final ApiKeyService keys;
    private final PageErrors errors;

    ApiKeysPageController(ApiKeyService keys, PageErrors errors) {
        this.keys = keys;
        this.errors = errors;
    }

    @GetMapping(PAGE)
    String show(@RequestParam(required = false) String revoked, Model model) {
        model.addAttribute("keys", keys.list());
        model.addAttribute("revoked", revoked);
        return "admin/api-keys";
    }

    @PostMapping(PAGE)
    String issue(@RequestParam(defaultValue = "") String name, HttpServletRequest request, Model model, Locale locale) {
        try {
            model.addAttribute("issuedName", name);
            model.addAttribute("issuedKey", keys.issue(name.strip(), Callers.from(request)));
        } catch (IllegalArgumentException | ErrorResponseException e) {
            // A name that is no name, or one already taken: the page says so.
            model.addAttribute("issuedName", null);
            model.addAttribute("name", name);
            model.addAttribute("error", ConsoleForms.console(errors.of(e, "name", PAGE, locale)));
        }
        model.addAttribute("keys", keys.list());
        return "admin/api-keys";
    }

    @PostMapping(PAGE + "/{name}/revoke")
    String revoke(@PathVariable String name, HttpServletRequest request) {
        try {
            keys.revoke(name, Callers.from(request));
        } catch (ErrorResponseException e) {
            throw new ResponseStatusException(e.getStatusCode());
        }
        return "redirect:" + PAGE + "?revoked=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
    }
}
