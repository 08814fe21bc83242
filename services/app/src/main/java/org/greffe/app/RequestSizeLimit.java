package org.greffe.app;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Refuses oversized request bodies before anything parses them: a command is a few hundred bytes, so a body beyond
 * {@code greffe.http.max-json-bytes} (64 KiB by default) is an error or an attack. The limit holds whatever the
 * transfer encoding. A body that announces its length is refused on that length, unread (Tomcat never hands over
 * more than the length announced). A body sent in chunks has no length until it is read, so it is read here, up to
 * one byte past the limit, and handed on from memory ({@link BufferedBody}) if it fits: every endpoint, whichever
 * service it belongs to and whatever reads its body, then sees at most the limit, and the refusal is this one 413.
 * Every body is bounded so, JSON or not, except a docket file ({@code text/csv}), which the import bounds with its
 * own, larger limits.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    /** Far above any command, and low enough that one buffered body per request thread costs nothing. */
    private static final int CEILING = 16 * 1024 * 1024;

    private final int maxBodyBytes;

    RequestSizeLimit(@Value("${greffe.http.max-json-bytes:65536}") int maxBodyBytes) {
        if (maxBodyBytes < 1 || maxBodyBytes > CEILING) {
            throw new IllegalArgumentException("greffe.http.max-json-bytes must be from 1 to " + CEILING);
        }
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (docketFile(request)) {
            chain.doFilter(request, response);
            return;
        }
        long length = request.getContentLengthLong();
        if (length > maxBodyBytes) {
            refuse(request, response);
            return;
        }
        if (length < 0 && mayHaveBody(request)) {
            byte[] body = request.getInputStream().readNBytes(maxBodyBytes + 1);
            if (body.length > maxBodyBytes) {
                refuse(request, response);
                return;
            }
            chain.doFilter(new BufferedBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean docketFile(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.strip().toLowerCase(Locale.ROOT).startsWith("text/csv");
    }

    /** GET, HEAD, OPTIONS, DELETE and TRACE bodies are never read by Greffe; Tomcat discards them. */
    private static boolean mayHaveBody(HttpServletRequest request) {
        String method = request.getMethod();
        return "POST".equals(method) || "PUT".equals(method) || "PATCH".equals(method);
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"type\":\"urn:greffe:problem:too-large\",\"title\":\"Request too large\","
                + "\"status\":413,\"detail\":\"the body is larger than " + maxBodyBytes + " bytes, far more than "
                + "any command needs; send the command alone (a docket file goes to POST /api/dockets as "
                + "text/csv)\",\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._:-]", "?")
                + "\"}");
    }
}
