package org.greffe.app.security;

import org.greffe.app.demo.DemoMode;
import org.greffe.registry.application.Patterns;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns a verified bearer token into a Greffe user: the name from the configured user claim, the roles from the
 * configured roles claim. Only Greffe's three roles are ever granted: a token's other claims and scopes give nothing.
 * The name is recorded on every event, so it must be an identifier of the code base's one shape (as
 * {@link Patterns#ID}), never free text such as a person's name; and it must not be a demo user's name, which marks
 * what the demo wrote ({@link org.greffe.app.demo.DemoLog}). A token whose user is anything else is refused.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private static final Pattern USER = Pattern.compile(Patterns.ID);

    private final SecurityProperties.Jwt settings;

    JwtRoles(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), user(jwt));
    }

    /** The user claim's value, or the subject when the token has no such claim; refused unless an identifier. */
    String user(Jwt jwt) {
        Object name = jwt.getClaims().get(settings.userClaim());
        boolean absent = name == null || name instanceof String text && text.isBlank();
        String claim = absent ? "sub" : settings.userClaim();
        Object user = absent ? jwt.getClaims().get("sub") : name;
        if (!(user instanceof String text) || !USER.matcher(text).matches()) {
            throw new UnusableUserClaim("the token's user claim (" + claim + ") is not an identifier: Greffe records "
                    + "the user on every event, and the log holds no free text such as a person's name; set "
                    + "greffe.security.jwt.user-claim to an identifier claim such as sub (1 to 64 letters, digits or "
                    + ". _ : -, starting with a letter or digit)");
        }
        if (DemoSignIn.USERS.contains(text) || DemoMode.DOCKET_USER.equals(text)) {
            throw new UnusableUserClaim("the token's user claim (" + claim + ") names " + text + ", a name kept for "
                    + "the demo users; give the user another identifier, or set greffe.security.jwt.user-claim to "
                    + "an identifier claim such as sub");
        }
        return text;
    }

    Collection<GrantedAuthority> authorities(Map<String, Object> claims) {
        Set<GrantedAuthority> authorities = new LinkedHashSet<>();
        for (String value : values(claim(claims, settings.rolesClaim()))) {
            Role role = settings.roleMapping().isEmpty() ? named(value) : settings.roleMapping().get(value);
            if (role != null) {
                authorities.add(new SimpleGrantedAuthority(role.authority()));
            }
        }
        return authorities;
    }

    /** Follows a dotted path through nested objects; null when any step is missing. */
    private static Object claim(Map<String, Object> claims, String path) {
        Object current = claims;
        for (String step : path.split("\\.")) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = map.get(step);
        }
        return current;
    }

    private static List<String> values(Object claim) {
        List<String> values = new ArrayList<>();
        if (claim instanceof Collection<?> collection) {
            collection.forEach(value -> values.add(String.valueOf(value)));
        } else if (claim instanceof String text) {
            values.addAll(List.of(text.strip().split("\\s+")));
        }
        return values;
    }

    private static Role named(String value) {
        for (Role role : Role.values()) {
            if (role.name().equals(value)) {
                return role;
            }
        }
        return null;
    }
}
