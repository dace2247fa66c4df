package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.opensspr.system.Languages;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The portal's languages: English and Dutch. The first supported language of the browser's
 * Accept-Language wins (English otherwise) until the user picks one with {@code ?lang=nl} or
 * {@code ?lang=en}, which a cookie remembers. Any other language asked for becomes English.
 */
@Configuration(proxyBeanMethods = false)
class PortalLocaleConfiguration implements WebMvcConfigurer {

    static final String LANGUAGE_COOKIE = "sspr-lang";

    /**
     * The language cookie is HttpOnly and SameSite=Lax, and like the session cookie ({@link
     * SessionCookies}) Secure with the {@code __Host-} prefix on a request that came over TLS;
     * chosen per request, since plain HTTP (loopback only) cannot carry a Secure cookie back.
     */
    @Bean
    LocaleResolver localeResolver() {
        LocaleResolver plain = cookieResolver(LANGUAGE_COOKIE, false);
        LocaleResolver secure = cookieResolver(SessionCookies.HOST_PREFIX + LANGUAGE_COOKIE, true);
        return new LocaleResolver() {
            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return (request.isSecure() ? secure : plain).resolveLocale(request);
            }

            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                (request.isSecure() ? secure : plain).setLocale(request, response, locale);
            }
        };
    }

    private static CookieLocaleResolver cookieResolver(String name, boolean secure) {
        CookieLocaleResolver resolver = new CookieLocaleResolver(name) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : Languages.supported(List.of(locale)));
            }
        };
        // A cookie the browser mangled (or someone planted) falls back to the browser's languages
        // instead of failing every page with a 500.
        resolver.setRejectInvalidCookies(false);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSecure(secure);
        resolver.setCookieHttpOnly(true);
        resolver.setCookieSameSite("Lax");
        resolver.setCookiePath("/");
        resolver.setDefaultLocaleFunction(request -> Languages.supported(Collections.list(request.getLocales())));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor);
    }
}
