package org.greffe.app.security;

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

/**
 * Turns a verified bearer token into a Greffe user: the name from the configured user claim, the roles from the
 * configured roles claim. Only Greffe's three roles are ever granted: a token's other claims and scopes give nothing.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

    private final SecurityProperties.Jwt settings;

    JwtRoles(SecurityProperties.Jwt settings) {
        this.settings = settings;
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        Object name = jwt.getClaims().get(settings.userClaim());
        String user = name == null || name.toString().isBlank() ? jwt.getSubject() : name.toString();
        return new JwtAuthenticationToken(jwt, authorities(jwt.getClaims()), user);
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
