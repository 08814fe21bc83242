package org.greffe.app.security;

/**
 * Greffe refuses to start because of how users would sign in: no way at all, demo users next to an identity provider
 * or next to real data, or bearer tokens not bound to this Greffe. The message is one paragraph for the operator,
 * naming what to set; {@link SignInFailureAnalyzer} prints it as Spring Boot's start-up failure report, without a
 * stack trace, because there is no bug to trace.
 */
final class SignInMisconfigured extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SignInMisconfigured(String message) {
        super(message);
    }
}
