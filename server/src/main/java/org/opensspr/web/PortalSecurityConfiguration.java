package org.opensspr.web;

import org.opensspr.directory.Directory;
import org.opensspr.throttle.SignInThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The portal's pages ({@code /reset}, {@code /register}, {@code /change}, {@code /login},
 * {@code /logout}, {@code /}): a session, CSRF tokens on every form post (a post without one is
 * refused with 403), form login with the directory password (through the sign-in throttle: a
 * sign-in that must wait gets the sign-in page with 429, see {@link PortalSignInFailures}), and a Content-Security-Policy that
 * allows only this server's scripts and styles (plus the proof-of-work worker, made from a Blob).
 * A session that a password reset or change ended, or that outlived {@code sspr.session.max-lifetime},
 * is refused ({@link EndedSessionFilter}).
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
        "/logout"
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
            @Value("${sspr.admin-group:sspr-admins}") String adminGroup)
            throws Exception {
        ProviderManager directoryAuthentication =
                new ProviderManager(new DirectoryAuthenticationProvider(directory, signInThrottle, adminGroup));
        http.securityMatcher(PAGES)
                .authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/", "/reset", "/reset/**", "/login", PortalSignInFailures.THROTTLED_PAGE)
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(directoryAuthentication)
                .addFilterBefore(new DirectoryOutageFilter(problems, true), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(
                        new EndedSessionFilter(epochs, sessions.maxLifetime()), AnonymousAuthenticationFilter.class)
                .formLogin(form -> form.loginPage("/login")
                        .successHandler(signedIn(epochs))
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
     * for the sign-in form, then goes where it was going or to /register.
     */
    private static AuthenticationSuccessHandler signedIn(SessionEpochs epochs) {
        SavedRequestAwareAuthenticationSuccessHandler next = new SavedRequestAwareAuthenticationSuccessHandler();
        next.setDefaultTargetUrl("/register");
        return (request, response, authentication) -> {
            request.getSession()
                    .setAttribute(SessionEpochs.SIGNED_IN_AT, epochs.now().toEpochMilli());
            PortalSignInFailures.forgetLogin(request.getSession());
            next.onAuthenticationSuccess(request, response, authentication);
        };
    }
}
