package org.greffe.audit.web;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.greffe.audit.application.AccessEntry;
import org.greffe.audit.application.AccessLog;
import org.greffe.platform.access.RecordedAccess;
import org.greffe.platform.database.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.AsyncHandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes every call of a {@link RecordedAccess} endpoint to the access log before the endpoint runs: user, roles,
 * time, what was asked for and from where. If the entry cannot be written, the call is refused with 503, so no read
 * of case-level data ever goes unrecorded. The answer's status is added once it is complete (for a streamed export,
 * after the last byte).
 */
class AccessRecorder implements AsyncHandlerInterceptor {

    private static final Logger log = LoggerFactory.getLogger(AccessRecorder.class);
    private static final String ENTRY = AccessRecorder.class.getName() + ".entry";
    private static final List<String> ROLES = List.of("CLERK", "ADVOCATE", "AUDITOR");

    private final AccessLog accessLog;
    private final Clock clock;

    AccessRecorder(AccessLog accessLog, Clock clock) {
        this.accessLog = accessLog;
        this.clock = clock;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || !method.hasMethodAnnotation(RecordedAccess.class)
                || request.getDispatcherType() == DispatcherType.ASYNC || request.getAttribute(ENTRY) != null) {
            return true;
        }
        AccessEntry entry = entry(request, method.getMethodAnnotation(RecordedAccess.class).value());
        try {
            request.setAttribute(ENTRY, accessLog.record(entry));
        } catch (RuntimeException e) {
            log.error("Refused {} {} by {}: the access log could not record it", entry.method(), entry.path(),
                    entry.user(), e);
            ErrorResponseException refused = Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "access-not-recorded",
                    "Access could not be recorded", "every read of case-level data and every audit operation is "
                            + "recorded first, and this one could not be; nothing was read. Retry later, or tell the "
                            + "operators").worded("access-not-recorded");
            if (DatabaseOutage.causes(e)) {
                refused.getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseOutage.RETRY_AFTER_SECONDS));
            }
            throw refused;
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
                                Exception failure) {
        if (request.getAttribute(ENTRY) instanceof Long id) {
            try {
                accessLog.complete(id, failure != null && response.getStatus() < 400 ? 500 : response.getStatus());
            } catch (RuntimeException e) {
                log.error("The access log entry {} was recorded, but not its outcome", id, e);
            }
        }
    }

    private AccessEntry entry(HttpServletRequest request, String operation) {
        String user = request.getUserPrincipal() == null ? "anonymous" : request.getUserPrincipal().getName();
        List<String> roles = new ArrayList<>();
        ROLES.stream().filter(request::isUserInRole).forEach(roles::add);
        String query = request.getQueryString();
        String path = request.getRequestURI() + (query == null ? "" : "?" + query);
        @SuppressWarnings("unchecked")
        Map<String, String> variables = (Map<String, String>) request.getAttribute(
                HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String caseId = variables != null && variables.containsKey("caseId")
                ? variables.get("caseId") : request.getParameter("caseId");
        String tribunalId = variables == null ? null : variables.get("tribunalId");
        String forwarded = request.getHeader("X-Forwarded-For");
        String client = request.getRemoteAddr() + (forwarded == null ? "" : " forwarded-for " + forwarded);
        return new AccessEntry(0, clock.instant(), printable(user), String.join(",", roles), request.getMethod(),
                printable(path), operation, printable(caseId), printable(tribunalId), printable(client), null);
    }

    private static String printable(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
    }
}
