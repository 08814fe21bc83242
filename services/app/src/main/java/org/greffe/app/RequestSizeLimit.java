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
import java.util.Locale;

/**
 * Refuses oversized JSON bodies before anything reads them: a command is a few hundred bytes, so anything beyond
 * {@code greffe.http.max-json-bytes} (64 KiB by default) is an error or an attack. Docket files have their own,
 * larger limit in the import.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class RequestSizeLimit extends OncePerRequestFilter {

    private final long maxJsonBytes;

    RequestSizeLimit(@Value("${greffe.http.max-json-bytes:65536}") long maxJsonBytes) {
        this.maxJsonBytes = maxJsonBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean json = type != null && type.toLowerCase(Locale.ROOT).contains("json");
        if (json && request.getContentLengthLong() > maxJsonBytes) {
            response.setStatus(413);
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:greffe:problem:too-large\",\"title\":\"Request too large\","
                    + "\"status\":413,\"detail\":\"a JSON body may not exceed " + maxJsonBytes + " bytes\","
                    + "\"instance\":\"" + request.getRequestURI().replaceAll("[^A-Za-z0-9/._:-]", "?") + "\"}");
            return;
        }
        chain.doFilter(request, response);
    }
}
