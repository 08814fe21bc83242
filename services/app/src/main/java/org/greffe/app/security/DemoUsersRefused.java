package org.greffe.app.security;

import org.springframework.security.core.AuthenticationException;

/** A demo sign-in refused because the log holds real data; the message is the answer's detail. */
final class DemoUsersRefused extends AuthenticationException {

    private static final long serialVersionUID = 1L;

    DemoUsersRefused(String message) {
        super(message);
    }
}
