/**
 * Who may do what: the three roles, the demo users (never next to an identity provider or real data), bearer tokens
 * from the organisation's identity provider bound to this Greffe by issuer and audience, and RFC 7807 answers for
 * refused requests. Every endpoint's rule is in {@link org.greffe.app.security.SecurityConfiguration}.
 */
package org.greffe.app.security;
