package org.greffe.registry.web;

import org.greffe.platform.eventlog.LogPositions;
import org.greffe.registry.application.CommandResult;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import java.net.URI;

/**
 * An executed command as HTTP: its status, the case's new version as {@code ETag}, the log position of its event as
 * {@code Greffe-Log-Position} (what a read passes back as {@code atLeast} to see it), the {@code Location} of what it
 * created, the correlation id as the client sent it, and {@code Idempotent-Replayed} on a retry.
 *
 * @param result        what the command did
 * @param correlationId the request's correlation id, as sent or made up for it
 * @param position      the global index of the event that made the case's new version
 */
record CommandAnswer(CommandResult result, String correlationId, long position) {

    /** 201 for a command that created the resource at {@code location}. */
    <T> ResponseEntity<T> created(String location, T body) {
        return answer(HttpStatus.CREATED, URI.create(location), body);
    }

    /** 200 with the case's new version, for every command that creates nothing. */
    ResponseEntity<CaseVersionView> recorded() {
        return answer(HttpStatus.OK, null, new CaseVersionView(result));
    }

    private <T> ResponseEntity<T> answer(HttpStatus status, URI location, T body) {
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .eTag("\"" + result.version() + "\"")
                .header(CommandRequests.CORRELATION_ID, correlationId)
                .header(LogPositions.POSITION, String.valueOf(position));
        if (location != null) {
            builder.location(location);
        }
        if (result.replayed()) {
            builder.header(CommandRequests.REPLAYED, "true");
        }
        return builder.body(body);
    }
}
