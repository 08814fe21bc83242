package org.greffe.audit.application;

import java.time.Instant;

/**
 * One recorded access to case-level data or one audit operation.
 *
 * @param id         position in the access log, increasing
 * @param at         when the request arrived
 * @param user       who made it (the signed-in user's name)
 * @param roles      the user's roles then, comma-separated
 * @param method     HTTP method
 * @param path       path and query string as requested
 * @param operation  what was read or done, e.g. {@code case-history}, {@code export}, {@code verify}
 * @param caseId     the case read, when the request names one
 * @param tribunalId the tribunal read, when the request names one
 * @param client     where from: the remote address, and {@code X-Forwarded-For} as sent
 * @param status     HTTP status of the answer, {@code null} while it was being served or if it never completed
 */
public record AccessEntry(long id, Instant at, String user, String roles, String method, String path,
                          String operation, String caseId, String tribunalId, String client, Integer status) {
}
