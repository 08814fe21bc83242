package org.greffe.app.security;

import org.greffe.app.demo.DemoMode;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.util.StringUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The identity provider whose bearer tokens Greffe accepts, as configured: where its keys are (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.*}, in Boot's order of precedence: {@code jwk-set-uri}, then
 * {@code issuer-uri}, then {@code public-key-location}), which signature algorithms it uses, and what binds a token to
 * this Greffe: the issuer ({@code greffe.security.jwt.issuer}, by default the {@code issuer-uri}) and the audience
 * ({@code greffe.security.jwt.audience}). A signature alone proves only that the provider issued the token, perhaps
 * for another application of the same organisation whose roles claim happens to say {@code AUDITOR}; the audience is
 * what says the token was meant for Greffe.
 *
 * @param jwkSetUri         {@code jwk-set-uri}, or null
 * @param issuerUri         {@code issuer-uri}, or null
 * @param publicKeyLocation {@code public-key-location}, or null
 * @param algorithms        {@code jws-algorithms}, by default {@code RS256}
 * @param issuer            {@code greffe.security.jwt.issuer}, or null
 * @param audience          {@code greffe.security.jwt.audience}, or null
 * @param bootAudiences     {@code spring.security.oauth2.resourceserver.jwt.audiences}, which Greffe does not read
 */
record IdentityProvider(String jwkSetUri, String issuerUri, String publicKeyLocation, List<String> algorithms,
                        String issuer, String audience, List<String> bootAudiences) {

    static final String PREFIX = "spring.security.oauth2.resourceserver.jwt.";
    private static final Set<SignatureAlgorithm> RSA = Set.of(SignatureAlgorithm.RS256, SignatureAlgorithm.RS384,
            SignatureAlgorithm.RS512, SignatureAlgorithm.PS256, SignatureAlgorithm.PS384, SignatureAlgorithm.PS512);
    private static final String SEE_ACCESS = " See docs/api.md, section Access.";

    static IdentityProvider from(Environment environment, SecurityProperties.Jwt jwt) {
        Binder binder = Binder.get(environment);
        return new IdentityProvider(text(environment, "jwk-set-uri"), text(environment, "issuer-uri"),
                text(environment, "public-key-location"),
                binder.bind(PREFIX + "jws-algorithms", Bindable.listOf(String.class)).orElse(List.of("RS256")),
                jwt.issuer(), jwt.audience(),
                binder.bind(PREFIX + "audiences", Bindable.listOf(String.class)).orElse(List.of()));
    }

    boolean configured() {
        return jwkSetUri != null || issuerUri != null || publicKeyLocation != null;
    }

    /** The issuer every token must name. */
    String expectedIssuer() {
        return issuer != null ? issuer : issuerUri;
    }

    /** The accepted signature algorithms: asymmetric ones only, once {@link #check} has passed. */
    List<SignatureAlgorithm> signatureAlgorithms() {
        return algorithms.stream().map(name -> SignatureAlgorithm.from(name.strip())).toList();
    }

    /**
     * Refuses every configuration under which someone could sign in who should not.
     *
     * @param demo whether demo mode is on
     * @throws SignInMisconfigured naming what to set
     */
    void check(boolean demo) {
        if (demo) {
            if (configured()) {
                throw new SignInMisconfigured("Demo mode and an identity provider cannot be used together: the demo "
                        + "users clerk, advocate and auditor, whose passwords are published, would sign in next to "
                        + "real users and read real data. For real data set GREFFE_DEMO=false (greffe.demo=false); "
                        + "for a demonstration, on a database of its own, remove " + String.join(" and ", sources())
                        + "." + SEE_ACCESS);
            }
            return;
        }
        if (!configured()) {
            throw new SignInMisconfigured("Greffe has no way to sign users in: outside demo mode, set "
                    + PREFIX + "issuer-uri (SPRING_SECURITY_OAUTH2_RESOURCESERVER_JWT_ISSUER_URI; or jwk-set-uri, or "
                    + "public-key-location) to your identity provider, and greffe.security.jwt.audience "
                    + "(GREFFE_SECURITY_JWT_AUDIENCE) to the audience its tokens carry for Greffe; or, for a "
                    + "demonstration on a database of its own, GREFFE_DEMO=true." + SEE_ACCESS);
        }
        if (!bootAudiences.isEmpty()) {
            throw new SignInMisconfigured(PREFIX + "audiences is not read by Greffe: set greffe.security.jwt.audience "
                    + "(GREFFE_SECURITY_JWT_AUDIENCE) instead, and remove " + PREFIX + "audiences." + SEE_ACCESS);
        }
        checkBinding();
        checkAlgorithms();
    }

    private void checkBinding() {
        List<String> missing = new ArrayList<>();
        if (expectedIssuer() == null) {
            missing.add("greffe.security.jwt.issuer (GREFFE_SECURITY_JWT_ISSUER), the exact iss of the provider's "
                    + "tokens (with issuer-uri set it defaults to that)");
        }
        if (audience == null) {
            missing.add("greffe.security.jwt.audience (GREFFE_SECURITY_JWT_AUDIENCE), the aud value the provider puts "
                    + "in tokens meant for Greffe");
        }
        if (!missing.isEmpty()) {
            throw new SignInMisconfigured("Bearer tokens must be bound to this Greffe, or a token the identity "
                    + "provider issued for another application would be accepted here: set "
                    + String.join(", and ", missing) + "." + SEE_ACCESS);
        }
        if (issuer != null && issuerUri != null && !issuer.equals(issuerUri)) {
            throw new SignInMisconfigured("greffe.security.jwt.issuer (" + issuer + ") and " + PREFIX + "issuer-uri ("
                    + issuerUri + ") differ, and a token names one issuer: make them equal, or leave "
                    + "greffe.security.jwt.issuer unset to take the issuer-uri." + SEE_ACCESS);
        }
    }

    private void checkAlgorithms() {
        for (String name : algorithms) {
            if (SignatureAlgorithm.from(name.strip()) == null) {
                throw new SignInMisconfigured(PREFIX + "jws-algorithms may name only asymmetric signature algorithms "
                        + "(RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, ES512), not " + name.strip()
                        + ": with a shared secret, whoever can check a token can also forge one." + SEE_ACCESS);
            }
        }
        if (algorithms.isEmpty()) {
            throw new SignInMisconfigured(PREFIX + "jws-algorithms is empty: name the algorithm the identity provider "
                    + "signs with, e.g. RS256." + SEE_ACCESS);
        }
        boolean publicKeyOnly = jwkSetUri == null && issuerUri == null;
        if (publicKeyOnly && (algorithms.size() != 1 || !RSA.contains(signatureAlgorithms().get(0)))) {
            throw new SignInMisconfigured(PREFIX + "public-key-location holds one RSA public key: "
                    + PREFIX + "jws-algorithms must then be one RSA algorithm (RS256, RS384, RS512, PS256, PS384 or "
                    + "PS512), not " + algorithms + "." + SEE_ACCESS);
        }
    }

    private List<String> sources() {
        List<String> sources = new ArrayList<>();
        if (jwkSetUri != null) {
            sources.add(PREFIX + "jwk-set-uri");
        }
        if (issuerUri != null) {
            sources.add(PREFIX + "issuer-uri");
        }
        if (publicKeyLocation != null) {
            sources.add(PREFIX + "public-key-location");
        }
        return sources;
    }

    private static String text(PropertyResolver environment, String name) {
        String value = environment.getProperty(PREFIX + name);
        return StringUtils.hasText(value) ? value.strip() : null;
    }

    /** Matches when a key source is set: only then does Greffe build a token decoder. */
    static final class Configured implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return DemoMode.identityProvider(context.getEnvironment());
        }
    }
}
