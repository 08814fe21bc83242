package org.greffe.app.security;

import org.greffe.app.demo.DemoLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The demo users over HTTP Basic, one per role ({@code clerk}, {@code advocate}, {@code auditor}), each with its name
 * as password; and the rule that keeps their published passwords away from real data: every sign-in first asks
 * {@link DemoLog} whether the log still holds only what the demo wrote, and is refused once it holds anything else.
 */
final class DemoSignIn implements AuthenticationProvider {

    /** The names the demo users sign in with, and record on the events they write. */
    static final List<String> USERS = Arrays.stream(Role.values()).map(role -> role.name().toLowerCase(Locale.ROOT))
                                            .toList();
    static final String REFUSED = "demo sign-in refused: this event log now holds real data (events recorded by "
            + "someone other than the demo), which the demo users, whose passwords are published, may not read. Turn "
            + "demo mode off (GREFFE_DEMO=false), configure an identity provider and sign in with its tokens; see "
            + "docs/api.md, section Access";
    static final String REAL_DATA_AT_START = "Greffe will not start in demo mode: this event log holds real data, "
            + "events recorded by someone other than the demo (a docket imported with --greffe.import, or cases "
            + "recorded by users of an identity provider), and the demo users, whose passwords are published, must "
            + "never read it. Turn demo mode off with GREFFE_DEMO=false (greffe.demo=false) and configure an identity "
            + "provider: " + IdentityProvider.PREFIX + "issuer-uri "
            + "(SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI) and greffe.security.jwt.audience "
            + "(GREFFE_SECURITY_JWT_AUDIENCE). See docs/api.md, section Access.";

    private static final Logger log = LoggerFactory.getLogger(DemoSignIn.class);

    private final DemoLog demoLog;
    private final DaoAuthenticationProvider users;

    DemoSignIn(DemoLog demoLog) {
        this.demoLog = demoLog;
        this.users = new DaoAuthenticationProvider(users(new BCryptPasswordEncoder(4)));
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        boolean real;
        try {
            real = demoLog.holdsRealData();
        } catch (DataAccessException e) {
            log.error("Demo mode: cannot check the event log for real data; demo sign-in refused", e);
            throw new DemoUsersRefused("demo sign-in refused: the event log could not be checked for real data; see "
                    + "the server log");
        }
        if (real) {
            throw new DemoUsersRefused(REFUSED);
        }
        return users.authenticate(authentication);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return users.supports(authentication);
    }

    /** Cheap hashing on purpose: the demo passwords are published (README); there is nothing to protect. */
    private static InMemoryUserDetailsManager users(PasswordEncoder encoder) {
        List<UserDetails> users = Arrays.stream(Role.values())
                .map(role -> {
                    String name = role.name().toLowerCase(Locale.ROOT);
                    return User.withUsername(name).password("{bcrypt}" + encoder.encode(name)).roles(role.name())
                               .build();
                })
                .toList();
        return new InMemoryUserDetailsManager(users);
    }
}
