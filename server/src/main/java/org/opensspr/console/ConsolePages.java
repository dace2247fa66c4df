package org.opensspr.console;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * What every console page shows around its content: who is signed in, which sections their role
 * opens (the navigation lists only those), and language links that keep the page's query (an audit
 * search in English is the same search in Dutch).
 */
@ControllerAdvice(basePackageClasses = ConsolePages.class)
final class ConsolePages {

    @ModelAttribute("staff")
    Staff staff(Authentication authentication) {
        if (authentication == null) {
            return new Staff(null, false, false);
        }
        boolean admin = has(authentication, "ROLE_ADMIN");
        return new Staff(authentication.getName(), admin, admin || has(authentication, "ROLE_HELPDESK"));
    }

    /** The page in each language: a GET keeps its query with {@code lang} replaced; a form's answer links to its page. */
    @ModelAttribute("languageLinks")
    Map<String, String> languageLinks(HttpServletRequest request) {
        return Map.of("en", languageLink(request, "en"), "nl", languageLink(request, "nl"));
    }

    private static String languageLink(HttpServletRequest request, String language) {
        if (!"GET".equals(request.getMethod())) {
            return request.getContextPath()
                    + ConsolePaths.pageOf(request.getRequestURI()
                            .substring(request.getContextPath().length())) + "?lang=" + language;
        }
        return ServletUriComponentsBuilder.fromRequest(request)
                .replaceQueryParam("lang", language)
                .build()
                .toUriString()
                .replaceFirst("^[a-z]+://[^/]+", "");
    }

    private static boolean has(Authentication authentication, String authority) {
        return authentication.getAuthorities().stream().anyMatch(a -> authority.equals(a.getAuthority()));
    }

    /** The signed-in staff member and what their role lets them use. */
    record Staff(String name, boolean admin, boolean helpdesk) {}
}
