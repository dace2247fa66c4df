package org.opensspr.web;

import java.util.ArrayList;
import java.util.List;
import org.opensspr.directory.Directory;
import org.opensspr.directory.DirectoryUser;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Signs users in with their directory password (HTTP Basic). Members of the admin group
 * ({@code sspr.admin-group}, default {@code sspr-admins}) get ROLE_ADMIN. A wrong login and a
 * wrong password fail alike.
 */
final class DirectoryAuthenticationProvider implements AuthenticationProvider {

    private final Directory directory;
    private final String adminGroup;

    DirectoryAuthenticationProvider(Directory directory, String adminGroup) {
        this.directory = directory;
        this.adminGroup = adminGroup;
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String login = authentication.getName();
        Object credentials = authentication.getCredentials();
        DirectoryUser user = directory
                .authenticate(login, credentials == null ? null : credentials.toString())
                .orElseThrow(() -> new BadCredentialsException("Bad credentials"));
        List<GrantedAuthority> authorities = new ArrayList<>();
        authorities.add(new SimpleGrantedAuthority("ROLE_USER"));
        if (directory.groupsOf(user).contains(adminGroup)) {
            authorities.add(new SimpleGrantedAuthority("ROLE_ADMIN"));
        }
        return UsernamePasswordAuthenticationToken.authenticated(user.login(), null, authorities);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
