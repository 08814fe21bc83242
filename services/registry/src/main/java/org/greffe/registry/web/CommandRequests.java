package org.greffe.registry.web;

import org.greffe.registry.model.Wording;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import org.greffe.platform.eventlog.LogPositions;
import org.greffe.registry.application.CaseCommands;
import org.greffe.registry.application.ClientReferences;
import org.greffe.registry.application.CommandResult;
import org.greffe.registry.application.Patterns;
import org.greffe.registry.application.RequestContext;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.InvalidCommand;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Turns an HTTP request into a command execution: request context from the headers and a fingerprint of the request
 * for idempotency. The {@code Idempotency-Key} and {@code X-Correlation-Id} the client sent are stored in the form
 * {@link ClientReferences} gives them; the answer ({@link CommandAnswer}) echoes the correlation id as sent.
 */
@Component
class CommandRequests {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    static final String CORRELATION_ID = "X-Correlation-Id";
    static final String REPLAYED = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile(Patterns.KEY);
    private static final Pattern CORRELATION = Pattern.compile(Patterns.ID);
    private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,18})\"?");

    private final CaseCommands commands;
    private final ClientReferences references;
    private final ObjectMapper json;
    private final LogPositions positions;

    CommandRequests(CaseCommands commands, ClientReferences references, ObjectMapper json, LogPositions positions) {
        this.commands = commands;
        this.references = references;
        this.json = json;
        this.positions = positions;
    }

    /** Executes the command the request asks for, under the request's idempotency key and correlation id. */
    CommandAnswer execute(HttpServletRequest http, Object body, CaseCommand command) {
        String correlationId = correlationId(http);
        String key = idempotencyKey(http);
        RequestContext context = references.context(user(http), correlationId, key, "api");
        // Only a key's record compares fingerprints: without one, serialising the body again would be wasted.
        String fingerprint = key == null ? null : fingerprint(http, body);
        CommandResult result = commands.execute(command, context, fingerprint);
        // Read once the command committed: the position a client then waits for in the caseload (atLeast=).
        return new CommandAnswer(result, correlationId,
                positions.of(result.caseId().value(), result.version()).orElseThrow(() -> new IllegalStateException(
                        "the event of version " + result.version() + " of case " + result.caseId().value()
                                + " is not stored, though its command was accepted")));
    }

    /** The version from {@code If-Match}, or null when the clerk acts on whatever is latest. */
    static Long expectedVersion(HttpServletRequest http) {
        String ifMatch = http.getHeader(HttpHeaders.IF_MATCH);
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        var matcher = VERSION.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidCommand(HttpHeaders.IF_MATCH, "must be a case version as sent in ETag, e.g. \"3\"",
                    Wording.of("header.if-match"));
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The authenticated user's name as the identity provider gives it; stored through {@link ClientReferences}. */
    static String user(HttpServletRequest http) {
        return http.getUserPrincipal() == null ? "anonymous" : http.getUserPrincipal().getName();
    }

    private static String idempotencyKey(HttpServletRequest http) {
        String key = http.getHeader(IDEMPOTENCY_KEY);
        if (key != null && !KEY.matcher(key).matches()) {
            throw new InvalidCommand(IDEMPOTENCY_KEY, "must be 1 to 255 visible ASCII characters",
                    Wording.of("header.idempotency-key"));
        }
        return key;
    }

    /** The client's correlation id, echoed as sent; a new one when it sent none. */
    private static String correlationId(HttpServletRequest http) {
        String correlationId = http.getHeader(CORRELATION_ID);
        if (correlationId == null) {
            return UUID.randomUUID().toString();
        }
        if (!CORRELATION.matcher(correlationId).matches()) {
            throw new InvalidCommand(CORRELATION_ID, Patterns.ID_MESSAGE, Wording.of("pattern.id"));
        }
        return correlationId;
    }

    /** Same method, path and body (as parsed, so whitespace does not matter) give the same fingerprint. */
    private String fingerprint(HttpServletRequest http, Object body) {
        try {
            String canonical = http.getMethod() + " " + http.getRequestURI() + "\n" + json.writeValueAsString(body);
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint the request", e);
        }
    }
}
