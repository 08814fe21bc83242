package org.greffe.app.security;

import jakarta.servlet.DispatcherType;
import org.greffe.app.demo.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Who may call what. Every endpoint has an explicit rule here; anything under {@code /api} without one is refused,
 * so a new endpoint stays closed until someone decides who may use it. Users come from one or both of:
 * <ul>
 *     <li>demo mode: three documented users, {@code clerk}, {@code advocate} and {@code auditor}, each with its name
 *     as password, over HTTP Basic. Outside demo mode there is no user and no default password;</li>
 *     <li>bearer tokens (JWT) signed by the organisation's identity provider, whenever Spring Boot's
 *     {@code spring.security.oauth2.resourceserver.jwt.*} names where its keys are.</li>
 * </ul>
 * With neither, Greffe refuses to start rather than run with no way to sign in (or an open door). Sessions are not
 * kept: every request carries its credentials. CSRF protection is off because no endpoint uses cookies and every
 * write accepts only {@code application/json} or {@code text/csv}, which a cross-site form cannot send.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String[] EVERY_ROLE = names(Role.values());
    /** The dashboard's static files (services/app/src/main/resources/static), served to anyone. */
    static final String[] DASHBOARD_ASSETS = {"/", "/index.html", "/app.js", "/app.css", "/favicon.ico"};

    @Bean
    SecurityFilterChain greffeSecurity(HttpSecurity http, SecurityProperties properties,
                                       ObjectProvider<JwtDecoder> jwtDecoder,
                                       @Value("${greffe.demo:}") String demo,
                                       @Value("${spring.datasource.url:}") String datasourceUrl) throws Exception {
        boolean demoUsers = DemoMode.enabled(demo, datasourceUrl);
        boolean bearer = jwtDecoder.getIfAvailable() != null;
        if (!demoUsers && !bearer) {
            throw new IllegalStateException("Greffe has no way to sign users in: outside demo mode, set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (or jwk-set-uri, or public-key-location) "
                    + "to your identity provider; or, for a demonstration only, GREFFE_DEMO=true. See the README, "
                    + "section Access.");
        }
        ProblemResponses problems = new ProblemResponses(demoUsers, bearer);
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .authorizeHttpRequests(AccessRules::apply);
        if (demoUsers) {
            log.warn("Demo mode: the users clerk, advocate and auditor sign in with their name as password. "
                    + "Never use demo mode for real cases.");
            http.userDetailsService(demoUsers(demoPasswords()))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        }
        if (bearer) {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(new JwtRoles(properties.jwt()))));
        }
        return http.build();
    }

    /** URLs refused by the firewall get a problem too, not Spring's default error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemResponses(false, false);
    }

    /** Cheap hashing on purpose: the demo passwords are published in the README; there is nothing to protect. */
    private static PasswordEncoder demoPasswords() {
        return new BCryptPasswordEncoder(4);
    }

    private static InMemoryUserDetailsManager demoUsers(PasswordEncoder encoder) {
        List<UserDetails> users = Arrays.stream(Role.values())
                .map(role -> {
                    String name = role.name().toLowerCase(Locale.ROOT);
                    return User.withUsername(name).password("{bcrypt}" + encoder.encode(name)).roles(role.name())
                               .build();
                })
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    /** The rules, one per endpoint group; the README's Access table mirrors them and a test checks every cell. */
    private static final class AccessRules {

        private AccessRules() {
        }

        static void apply(AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry
                                  rules) {
            String clerk = Role.CLERK.name();
            String auditor = Role.AUDITOR.name();
            rules.dispatcherTypeMatchers(DispatcherType.ERROR, DispatcherType.ASYNC).permitAll()
                 .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/**").permitAll()
                 .requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html",
                         "/swagger-ui/**").permitAll()
                 // The dashboard's own files: they hold no data; the page signs in to read the API.
                 .requestMatchers(HttpMethod.GET, DASHBOARD_ASSETS).permitAll()
                 .requestMatchers(HttpMethod.POST, "/api/cases", "/api/cases/**", "/api/dockets").hasRole(clerk)
                 .requestMatchers(HttpMethod.GET, "/api/tribunals", "/api/caseload", "/api/caseload/**")
                 .hasAnyRole(EVERY_ROLE)
                 .requestMatchers(HttpMethod.GET, "/api/audit/cases/*/history").hasAnyRole(clerk, auditor)
                 .requestMatchers("/api/audit/**").hasRole(auditor)
                 .requestMatchers("/actuator/**").hasRole(auditor)
                 .requestMatchers("/api/**").denyAll()
                 .anyRequest().authenticated();
        }
    }
}
