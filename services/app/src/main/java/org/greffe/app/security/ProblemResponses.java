package org.greffe.app.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Refused requests answered as RFC 7807 problems, like every other error of Greffe: 401 when the caller is not
 * authenticated (with the {@code WWW-Authenticate} challenges this instance accepts), 403 when the caller's roles
 * do not allow the request. The answers name no data, only the rule; a refusal that only the operator can lift (a
 * user claim that is no identifier, demo users locked out of real data) says what the operator must change.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler, RequestRejectedHandler {

    private final ObjectMapper json = new ObjectMapper();
    private final boolean basic;
    private final boolean bearer;

    ProblemResponses(boolean basic, boolean bearer) {
        this.basic = basic;
        this.bearer = bearer;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException refused)
            throws IOException {
        boolean badToken = refused instanceof OAuth2AuthenticationException;
        if (basic) {
            response.addHeader("WWW-Authenticate", "Basic realm=\"Greffe\", charset=\"UTF-8\"");
        }
        if (bearer) {
            response.addHeader("WWW-Authenticate", badToken
                    ? "Bearer error=\"invalid_token\", error_description=\"the token was refused\"" : "Bearer");
        }
        String detail = refused instanceof UnusableUserClaim || refused instanceof DemoUsersRefused
                ? refused.getMessage()
                : badToken
                ? "the bearer token was refused (" + printable(refused.getMessage()) + "); ask for a new one"
                : refused instanceof BadCredentialsException
                ? "wrong user name or password"
                : "sign in first: " + String.join(" or ", accepted());
        write(response, request, 401, "unauthenticated", "Authentication required", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        var authentication = SecurityContextHolder.getContext().getAuthentication();
        List<String> roles = new ArrayList<>();
        if (authentication != null) {
            authentication.getAuthorities().forEach(a -> roles.add(a.getAuthority().replaceFirst("^ROLE_", "")));
        }
        write(response, request, 403, "forbidden", "Not allowed for your role",
                "your roles (" + (roles.isEmpty() ? "none" : String.join(", ", roles)) + ") do not allow "
                        + request.getMethod() + " " + printable(request.getRequestURI())
                        + "; docs/api.md, section Access, lists what each role may do");
    }

    /** Spring Security's firewall refused the URL (encoded slashes, semicolons, "..", and the like). */
    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        write(response, request, 400, "invalid-request", "Invalid request",
                "the URL contains characters or sequences that are not accepted (such as an encoded ';', '/' or "
                        + "'%', or '..')");
    }

    private List<String> accepted() {
        List<String> ways = new ArrayList<>();
        if (basic) {
            ways.add("HTTP Basic with a demo user (clerk, advocate or auditor; the password is the name)");
        }
        if (bearer) {
            ways.add("a bearer token (JWT) from the identity provider");
        }
        return ways;
    }

    private void write(HttpServletResponse response, HttpServletRequest request, int status, String type,
                       String title, String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:greffe:problem:" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", printable(request.getRequestURI()));
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }

    private static String printable(String value) {
        if (value == null) {
            return "";
        }
        String cleaned = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}\"\\\\]", "?");
        return cleaned.length() <= 120 ? cleaned : cleaned.substring(0, 120) + "...";
    }
}
