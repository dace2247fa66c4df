package org.opensspr.web;

import org.opensspr.apikeys.ApiKeyService;
import org.opensspr.devices.DeviceService;
import org.opensspr.devices.LogonSessionService;
import org.opensspr.directory.Directory;
import org.opensspr.system.ProblemCode;
import org.opensspr.throttle.SignInThrottle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;

/**
 * Who may call what. The reset flow is open to anyone (its secrets are the flow id and the
 * codes); the admin API needs ROLE_ADMIN (admin-group membership or the bootstrap token), the
 * helpdesk API ROLE_HELPDESK ({@code sspr.helpdesk-group} membership) or ROLE_ADMIN; a
 * device joins with a join token and then uses the device API with its own credential
 * ({@link DeviceAuthenticationFilter}); a logon session token runs one reset flow and nothing else;
 * health and the OpenAPI document are public (health's details only for ROLE_ADMIN), metrics
 * ({@code /actuator/metrics} and Prometheus's {@code /actuator/prometheus}, which a scraper reads
 * with an API key as its bearer token) are for ROLE_ADMIN; everything else needs a signed-in user. The REST API is stateless and takes no cookies,
 * so it needs no CSRF token; the portal's forms will.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(
            HttpSecurity http,
            Directory directory,
            ApiKeyService apiKeys,
            DeviceService devices,
            LogonSessionService logonSessions,
            ProblemResponses problems,
            SignInThrottle signInThrottle,
            @Value("${sspr.bootstrap.admin-token:}") String bootstrapToken,
            @Value("${sspr.admin-group:sspr-admins}") String adminGroup,
            @Value("${sspr.helpdesk-group:sspr-helpdesk}") String helpdeskGroup)
            throws Exception {
        ProviderManager directoryAuthentication = new ProviderManager(
                new DirectoryAuthenticationProvider(directory, signInThrottle, adminGroup, helpdeskGroup));
        http.authorizeHttpRequests(authorize -> authorize
                        .requestMatchers("/api/v1/reset/**")
                        .permitAll()
                        .requestMatchers("/api/v1/admin/**")
                        .hasRole("ADMIN")
                        .requestMatchers("/api/v1/helpdesk/**")
                        .hasAnyRole("HELPDESK", "ADMIN")
                        .requestMatchers("/actuator/metrics", "/actuator/metrics/**", "/actuator/prometheus")
                        .hasRole("ADMIN")
                        .requestMatchers(HttpMethod.POST, "/api/v1/devices")
                        .permitAll()
                        .requestMatchers("/api/v1/devices/self", "/api/v1/devices/self/**", "/api/v1/logon/**")
                        .hasAuthority(DeviceAuthenticationFilter.DEVICE_AUTHORITY)
                        .requestMatchers(
                                "/actuator/health/**",
                                "/actuator/info",
                                "/v3/api-docs/**",
                                "/error",
                                "/js/**",
                                "/css/**",
                                "/branding.css",
                                "/branding/logo")
                        .permitAll()
                        .anyRequest()
                        .authenticated())
                .authenticationManager(directoryAuthentication)
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) -> {
                    if (e instanceof DirectoryAuthenticationProvider.Throttled throttled) {
                        problems.writeThrottled(
                                request, response, throttled.retryAfterSeconds(), throttled.retryAfterMinutes());
                        return;
                    }
                    problems.write(request, response, ProblemCode.UNAUTHORIZED);
                }))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(
                                (request, response, e) -> problems.write(request, response, ProblemCode.UNAUTHORIZED))
                        .accessDeniedHandler(
                                (request, response, e) -> problems.write(request, response, ProblemCode.FORBIDDEN)))
                .addFilterBefore(
                        new BootstrapTokenFilter(bootstrapToken, apiKeys, logonSessions, problems),
                        BasicAuthenticationFilter.class)
                .addFilterBefore(new DeviceAuthenticationFilter(devices, problems), BasicAuthenticationFilter.class)
                .addFilterBefore(new DirectoryOutageFilter(problems, false), BasicAuthenticationFilter.class)
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // Stateless: no saved request to replay after a sign-in, no logout to handle.
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * No Micrometer observation around each security filter, authentication and authorization:
     * a timer and a long-task timer per filter per request, a visible part of every request in a JFR
     * profile under load, that tell an operator nothing the request metrics
     * ({@code http.server.requests}) and the audit log do not.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }
}
