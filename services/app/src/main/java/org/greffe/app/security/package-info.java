/**
 * Who may do what: the three roles, the demo users, bearer tokens from the organisation's identity provider, and
 * RFC 7807 answers for refused requests. Every endpoint's rule is in
 * {@link org.greffe.app.security.SecurityConfiguration}.
 */
package org.greffe.app.security;
