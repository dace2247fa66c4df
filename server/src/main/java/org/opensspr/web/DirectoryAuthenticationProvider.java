package org.opensspr.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.opensspr.audit.Activity;
import org.opensspr.audit.Caller;
import org.opensspr.audit.ClientType;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.opensspr.throttle.SignInThrottle;
import org.opensspr.throttle.SignInThrottledException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Signs users in with their directory password (HTTP Basic on the API, the portal's form). Members
 * of the admin group ({@code sspr.admin-group}, default {@code sspr-admins}) get ROLE_ADMIN; members
 * of the helpdesk group ({@code sspr.helpdesk-group}, default {@code sspr-helpdesk}) get ROLE_HELPDESK
 * (admins have every helpdesk power through ROLE_ADMIN; helpdesk members get no admin power). A
 * wrong login and a wrong password fail alike. Every attempt passes the {@link SignInThrottle}
 * first: a login or address that failed too often gets {@link Throttled} (answered 429 with
 * {@code Retry-After}) without the directory being asked.
 */
final class DirectoryAuthenticationProvider implements AuthenticationProvider {

    private final Directory directory;
    private final SignInThrottle throttle;
    private final String adminGroup;
    private final String helpdeskGroup;

    DirectoryAuthenticationProvider(
            Directory directory, SignInThrottle throttle, String adminGroup, String helpdeskGroup) {
        this.directory = directory;
        this.throttle = throttle;
        this.adminGroup = adminGroup;
        this.helpdeskGroup = helpdeskGroup;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? null : credentials.toString();
        DirectoryUser user;
        try {
            user = throttle.attempt(
                            Activity.SIGN_IN,
                            login,
                            caller(authentication),
                            () -> directory.authenticate(login, password))
                    .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        } catch (SignInThrottledException e) {
            throw new Throttled(e);
        }
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        Set<String> groups = directory.groupsOf(user);
        if (groups.contains(adminGroup)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        if (groups.contains(helpdeskGroup)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_HELPDESK"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user.login(), null, authorities);
    }

    /** Not yet signed in: anonymous, from the request's address ({@code getRemoteAddr()}), as a browser. */
    private static Caller caller(Authentication authentication) {
        String ip = authentication.getDetails() instanceof WebAuthenticationDetails details
                ? details.getRemoteAddress()
                : null;
        return new Caller(null, ip, ClientType.Browser);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    /** A sign-in refused by the {@link SignInThrottle}: the answer is 429, not 401. */
    static final class Throttled extends AuthenticationException {

        private static final long serialVersionUID = 1L;

        private final transient SignInThrottledException reason;

        Throttled(SignInThrottledException reason) {
            super(reason.getMessage(), reason);
            this.reason = reason;
        }

        long retryAfterSeconds() {
            return reason.retryAfterSeconds();
        }

        long retryAfterMinutes() {
            return reason.retryAfterMinutes();
        }
    }
}
