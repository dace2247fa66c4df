package org.opensspr.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.Optional;
import org.opensspr.directory.Directory;
import org.opensspr.throttle.SignInThrottle;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;

/**
 * The portal's pages ({@code /reset}, {@code /register}, {@code /change}, {@code /login},
 * {@code /logout}, {@code /}): a session, CSRF tokens on every form post (a post without one is
 * refused with 403), form login with the directory password (through the sign-in throttle: a
 * sign-in that must wait gets the sign-in page with 429, see {@link PortalSignInFailures}), and a Content-Security-Policy that
 * allows only this server's scripts and styles (plus the proof-of-work worker, made from a Blob).
 * A session that a password reset or change ended, or that outlived {@code sspr.session.max-lifetime},
 * is refused ({@link EndedSessionFilter}). Right after signing in, a {@link SignInInterrupt} (the
 * registration interrupt) may send the user to its page first; {@link PendingInterrupts} keeps them there.
 * The admin console ({@code /admin}) is part of this chain: its pages need ROLE_ADMIN, except the
 * console's start page and the helpdesk pages, which ROLE_HELPDESK may use too. So is Swagger UI
 * ({@code /swagger-ui/**} and its configuration {@code /v3/api-docs/swagger-config}, see {@link ApiDocumentation}):
 * ROLE_ADMIN, signed in here; the document it shows stays public on the API chain.
 * Ordered before the stateless API chain of {@link SecurityConfiguration}, which handles everything else.
 */
@Configuration(proxyBeanMethods = false)
class PortalSecurityConfiguration {

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; worker-src 'self' blob:; connect-src 'self'; form-action 'self'; "
            + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

    /** The portal's pages: the only requests with a session (and the only ones that read its cookie, {@link SessionCookies}). */
    static final String[] PAGES = {
        "/",
        "/reset",
        "/reset/**",
        "/register",
        "/register/**",
        "/change",
        "/change/**",
        "/login",
        PortalSignInFailures.THROTTLED_PAGE,
        "/logout",
        "/admin",
        "/admin/**",
        ApiDocumentation.SWAGGER_UI,
        ApiDocumentation.SWAGGER_UI + "/**",
        ApiDocumentation.SWAGGER_CONFIG
    };

    @Bean
    @Order(1)
    SecurityFilterChain portal(
            HttpSecurity http,
            Directory directory,
            ProblemResponses problems,
            SignInThrottle signInThrottle,
            SessionEpochs epochs,
            SessionProperties sessions,
            ObjectProvider<SignInInterrupt> interrupts,
            @Value("${sspr.admin-group:sspr-admins}") String adminGroup,
            @Value("${sspr.helpdesk-group:sspr-helpdesk}") String helpdeskGroup)
            throws Exception {
        ProviderManager directoryAuthentication = new ProviderManager(
                new DirectoryAuthenticationProvider(directory, signInThrottle, adminGroup, helpdeskGroup));
        http.securityMatcher(PAGES)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/", "/reset", "/reset/**", "/login", PortalSignInFailures.THROTTLED_PAGE)
                        .permitAll()
                        .requestMatchers("/admin", "/admin/helpdesk", "/admin/helpdesk/**")
                        .hasAnyRole("ADMIN", "HELPDESK")
                        .requestMatchers("/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers(
                                ApiDocumentation.SWAGGER_UI,
                                ApiDocumentation.SWAGGER_UI + "/**",
                                ApiDocumentation.SWAGGER_CONFIG)
                        .hasRole("ADMIN")
                        .anyRequest()
                        .authenticated())
                .authenticationManager(directoryAuthentication)
                .addFilterBefore(new DirectoryOutageFilter(problems, true), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new EndedSessionFilter(epochs, sessions.maxLifetime()), AnonymousAuthenticationFilter.class)
                .addFilterAfter(new PendingInterrupts(), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn(epochs, interrupts))
                        .failureHandler(new PortalSignInFailures())
                        .permitAll())
                .exceptionHandling(handling -> handling.accessDeniedHandler(new ExpiredSessionRedirect()))
                .logout(logout -> logout.logoutUrl("/logout")
                        .logoutSuccessUrl("/login?logout")
                        .permitAll())
                .headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                        .referrerPolicy(
                                referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
        return http.build();
    }

    /**
     * Notes when the session signed in (see {@link EndedSessionFilter}) and forgets the login kept
     * for the sign-in form; then sends the user to the first {@link SignInInterrupt}'s page, if one
     * asks, remembering where they were going; else where they were going, or to /register.
     */
    private static AuthenticationSuccessHandler signedIn(
            SessionEpochs epochs, ObjectProvider<SignInInterrupt> interrupts) {
        RequestCache cache = new HttpSessionRequestCache();
        RedirectStrategy redirect = new DefaultRedirectStrategy();
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/register");
        next.setRequestCache(cache);
        return (request, response, authentication) -> {
            HttpSession session = request.getSession();
            session.setAttribute(SessionEpochs.SIGNED_IN_AT, epochs.now().toEpochMilli());
            PortalSignInFailures.forgetLogin(session);
            Optional<String> page = interrupts
                    .orderedStream()
                    .map(interrupt -> interrupt.pageFor(authentication.getName()))
                    .flatMap(Optional::stream)
                    .findFirst();
            if (page.isPresent()) {
                SavedRequest saved = cache.getRequest(request, response);
                cache.removeRequest(request, response);
                PendingInterrupts.start(
                        session, page.get(), saved == null ? "/register" : path(saved.getRedirectUrl(), request));
                redirect.sendRedirect(request, response, page.get());
                return;
            }
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }

    /** The path and query of a saved request's URL on this server, without the context path. */
    private static String path(String url, HttpServletRequest request) {
        URI uri = URI.create(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        if (!request.getContextPath().isEmpty() && path.startsWith(request.getContextPath())) {
            path = path.substring(request.getContextPath().length());
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
