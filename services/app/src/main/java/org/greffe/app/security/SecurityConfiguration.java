package org.greffe.app.security;

import jakarta.servlet.DispatcherType;
import org.greffe.app.demo.DemoLog;
import org.greffe.app.demo.DemoMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.util.Arrays;

/**
 * Who may call what. Every endpoint has an explicit rule here; anything under {@code /api} without one is refused,
 * so a new endpoint stays closed until someone decides who may use it. Users come from exactly one of:
 * <ul>
 *     <li>demo mode: three documented users, {@code clerk}, {@code advocate} and {@code auditor}, each with its name
 *     as password, over HTTP Basic ({@link DemoSignIn}). Their passwords are published, so they never sit next to
 *     real data: demo mode with an identity provider configured does not start, a demo start on a log that holds
 *     real data does not start, and a running demo refuses them once real data appears;</li>
 *     <li>bearer tokens (JWT) signed by the organisation's identity provider ({@link IdentityProvider}), bound to this
 *     Greffe by a required issuer and audience ({@link TokenDecoders}).</li>
 * </ul>
 * With neither, Greffe refuses to start rather than run with no way to sign in (or an open door); every refusal to
 * start is a {@link SignInMisconfigured} that says what to set. Sessions are not kept: every request carries its
 * credentials. CSRF protection is off because no endpoint uses cookies and every write accepts only
 * {@code application/json} or {@code text/csv}, which a cross-site form cannot send.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfiguration.class);
    private static final String[] EVERY_ROLE = names(Role.values());
    /**
     * The dashboard's static files (services/app/src/main/resources/static), served to anyone: the page, its entry
     * module, the modules it imports ({@code js/}) and its words ({@code i18n/}).
     */
    static final String[] DASHBOARD_ASSETS = {"/", "/index.html", "/app.js", "/app.css", "/favicon.ico", "/js/*.js",
        "/i18n/*.js", "/docket-template.csv"};

    /**
     * The dashboard page's Content-Security-Policy: scripts, styles and requests from Greffe itself only, no inline
     * script, no plugin, no framing. A script injected into the page (through a figure's text, say) does not run.
     */
    static final String DASHBOARD_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";

    @Bean
    SecurityFilterChain greffeSecurity(HttpSecurity http, SecurityProperties properties, Environment environment,
                                       ObjectProvider<JwtDecoder> jwtDecoder, ObjectProvider<JdbcTemplate> jdbc)
            throws Exception {
        boolean demoUsers = DemoMode.enabled(environment);
        IdentityProvider.from(environment, properties.jwt()).check(demoUsers);
        ProblemResponses problems = new ProblemResponses(demoUsers, !demoUsers);
        http.csrf(AbstractHttpConfigurer::disable)
            .sessionManagement(sessions -> sessions.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .requestCache(AbstractHttpConfigurer::disable)
            .formLogin(AbstractHttpConfigurer::disable)
            .logout(AbstractHttpConfigurer::disable)
            .exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
            .headers(headers -> headers.addHeaderWriter((request, response) -> {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                if (path.equals("/") || path.equals("/index.html")) {
                    response.setHeader("Content-Security-Policy", DASHBOARD_POLICY);
                }
            }))
            .authorizeHttpRequests(AccessRules::apply);
        if (demoUsers) {
            DemoLog demoLog = new DemoLog(jdbc.getObject(), DemoSignIn.USERS);
            if (demoLog.holdsRealData()) {
                throw new SignInMisconfigured(DemoSignIn.REAL_DATA_AT_START);
            }
            log.warn("Demo mode: the users clerk, advocate and auditor sign in with their name as password. "
                    + "Never use demo mode for real cases: they are refused as soon as the log holds anything the "
                    + "demo did not write.");
            // A manager of their own, with no parent: nothing but the demo users, and only while the log is the demo's.
            http.authenticationManager(new ProviderManager(new DemoSignIn(demoLog)))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems));
        } else {
            http.oauth2ResourceServer(resourceServer -> resourceServer
                    .authenticationEntryPoint(problems)
                    .accessDeniedHandler(problems)
                    .jwt(jwt -> jwt.decoder(jwtDecoder.getObject())
                                   .jwtAuthenticationConverter(new JwtRoles(properties.jwt()))));
        }
        return http.build();
    }

    /**
     * The only token decoder, whichever key source is set; Spring Boot's own decoders back off for it. Outside demo
     * mode only: in demo mode the same check refuses to start.
     */
    @Bean
    @Conditional(IdentityProvider.Configured.class)
    JwtDecoder jwtDecoder(SecurityProperties properties, Environment environment, ResourceLoader resources) {
        IdentityProvider provider = IdentityProvider.from(environment, properties.jwt());
        provider.check(DemoMode.enabled(environment));
        return TokenDecoders.build(provider, resources);
    }

    /**
     * Spring Security's own observations off: with an observation registry present it wraps each of the chain's
     * filters, the authentication and the authorisation in an observation with its timers, about a tenth of a
     * command's time on the CPU in the command path's profile, for meters no dashboard or alert reads. Requests stay
     * observed as a whole ({@code http_server_requests}).
     */
    @Bean
    SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** URLs refused by the firewall get a problem too, not Spring's default error page. */
    @Bean
    RequestRejectedHandler requestRejectedHandler() {
        return new ProblemResponses(false, false);
    }

    private static String[] names(Role... roles) {
        return Arrays.stream(roles).map(Role::name).toArray(String[]::new);
    }

    /** The rules, one per endpoint group; the Access table of docs/api.md mirrors them and a test checks every cell. */
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
                 .requestMatchers(HttpMethod.GET, "/api/tribunals", "/api/dashboard/first-view", "/api/caseload",
                         "/api/caseload/**")
                 .hasAnyRole(EVERY_ROLE)
                 .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/*").hasAnyRole(clerk, auditor)
                 .requestMatchers(HttpMethod.GET, "/api/audit/cases/*/history").hasAnyRole(clerk, auditor)
                 .requestMatchers(HttpMethod.GET, "/api/dockets/*").hasAnyRole(clerk, auditor)
                 .requestMatchers("/api/audit/**").hasRole(auditor)
                 .requestMatchers("/actuator/**").hasRole(auditor)
                 .requestMatchers("/api/**").denyAll()
                 .anyRequest().authenticated();
        }
    }
}
