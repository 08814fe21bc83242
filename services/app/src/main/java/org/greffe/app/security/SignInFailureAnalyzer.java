package org.greffe.app.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns {@link SignInMisconfigured} into Spring Boot's "APPLICATION FAILED TO START" report: the operator reads what
 * is wrong and what to set, not a stack trace. Registered in {@code META-INF/spring.factories}.
 */
final class SignInFailureAnalyzer extends AbstractFailureAnalyzer<SignInMisconfigured> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SignInMisconfigured cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Set what the description names. docs/api.md, section Access, shows the settings, with Keycloak and "
                        + "Entra ID examples.", cause);
    }
}
