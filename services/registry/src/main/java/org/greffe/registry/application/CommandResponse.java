package org.greffe.registry.application;

import java.util.Map;

/**
 * What the API answered to an accepted command; stored with its idempotency key and replayed to retries.
 *
 * @param status   HTTP status
 * @param location {@code Location} header, or {@code null}
 * @param version  the case's version after the command, sent as {@code ETag}
 * @param body     JSON body
 */
public record CommandResponse(int status, String location, long version, Map<String, Object> body) {
}
