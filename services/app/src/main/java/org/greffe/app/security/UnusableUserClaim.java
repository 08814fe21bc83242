package org.greffe.app.security;

import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A verified token whose user claim cannot be recorded: it is not an identifier, or it names a demo user. Refused,
 * because the user is written into every event's metadata, which holds only fixed-format values, and because the
 * demo users' names mark what the demo wrote. The message is the answer's detail; it never repeats the value, which
 * may be a person's name.
 */
final class UnusableUserClaim extends InvalidBearerTokenException {

    private static final long serialVersionUID = 1L;

    UnusableUserClaim(String message) {
        super(message);
    }
}
