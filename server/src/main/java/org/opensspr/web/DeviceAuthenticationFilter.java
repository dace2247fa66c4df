package org.opensspr.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Optional;
import org.opensspr.devices.DeviceIdentity;
import org.opensspr.devices.DeviceService;
import org.opensspr.system.ProblemCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The device credential: HTTP Basic whose user part is a device id ({@code dev_...}) is checked
 * against the devices, not the directory, and grants authority {@value #DEVICE_AUTHORITY} with the
 * {@link DeviceIdentity} as principal. It is accepted only on the device API
 * ({@code /api/v1/devices/self/**}, {@code /api/v1/logon/**}); anywhere else, and when the device is
 * unknown, disabled, deleted or the secret wrong, the answer is 401 at once (logged with the
 * client's address and the device id, never the secret). Any other Basic credential passes on
 * to the directory sign-in untouched.
 */
final class DeviceAuthenticationFilter extends OncePerRequestFilter {

    static final String DEVICE_AUTHORITY = "DEVICE";
    private static final Logger log = LoggerFactory.getLogger(DeviceAuthenticationFilter.class);

    private final DeviceService devices;
    private final ProblemResponses problems;

    DeviceAuthenticationFilter(DeviceService devices, ProblemResponses problems) {
        this.devices = devices;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            chain.doFilter(request, response);
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            chain.doFilter(request, response);
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0 || !decoded.startsWith("dev_")) {
            chain.doFilter(request, response);
            return;
        }
        String id = decoded.substring(0, colon);
        if (!isDeviceApi(request)) {
            problems.write(request, response, ProblemCode.DEVICE_CREDENTIAL_ELSEWHERE);
            return;
        }
        Optional<DeviceIdentity> device = devices.authenticate(id, decoded.substring(colon + 1));
        if (device.isEmpty()) {
            log.warn("Refused the credential of device {} from {}", id, request.getRemoteAddr());
            problems.write(request, response, ProblemCode.DEVICE_CREDENTIAL_INVALID);
            return;
        }
        SecurityContextHolder.getContext()
                .setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                        device.get(), null, List.of(new SimpleGrantedAuthority(DEVICE_AUTHORITY))));
        // The directory's Basic sign-in further down must not try the device's credential again.
        chain.doFilter(new WithoutAuthorization(request), response);
    }

    static boolean isDeviceApi(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/api/v1/devices/self")
                || path.startsWith("/api/v1/devices/self/")
                || path.startsWith("/api/v1/logon/");
    }

    /** The request without its Authorization header. */
    private static final class WithoutAuthorization extends HttpServletRequestWrapper {

        WithoutAuthorization(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getHeader(String name) {
            return "Authorization".equalsIgnoreCase(name) ? null : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return "Authorization".equalsIgnoreCase(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
        }
    }
}
