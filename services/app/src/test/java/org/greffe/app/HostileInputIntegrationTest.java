package org.greffe.app;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Thousands of malformed and hostile requests, generated from a fixed seed, to every write endpoint and to the
 * read endpoints' parameters: every answer is a 4xx problem+json, never a 5xx, and the event store is unchanged.
 */
class HostileInputIntegrationTest extends IntegrationTest {

    private static final String[] HOSTILE_TEXT = {
            "", " ", "x".repeat(70_000), "\\u0000\\u0007\\u001b[31m", "\\u202Egnp.exe", "\\u200B\\u200B", "😀",
            "\\ud800", "'; DROP TABLE domain_event_entry; --", "<script>alert(1)</script>", "../../etc/passwd",
            "Aïssata Traoré", "%00", "${jndi:ldap://127.0.0.1/a}", "\\n\\r\\t"};
    private static final String[] HOSTILE_DATES = {
            "0000-01-01", "+99999-01-01", "2019-02-30", "2019-13-01", "1959-12-31", "2999-01-01", "yesterday",
            "2019-1-1", "2019-01-01T00:00:00Z", "-2019-01-01"};
    private static final String[] HOSTILE_VALUES = {
            "-1", "2147483648", "1e308", "1.5", "true", "null", "[]", "{}", "99999999999999999999999"};
    private static final String[] HOSTILE_BODIES = {
            "", "null", "[]", "\"text\"", "{", "}", "{\"a\":}", "[".repeat(5000) + "]".repeat(5000),
            "{\"a\":".repeat(3000) + "1" + "}".repeat(3000), "\u0000", "NaN", "{\"on\":NaN}"};

    @Test
    void everyHostileRequestIsRefusedWithAProblemAndNothingIsRecorded() {
        String caseId = fileCase("2019-03-14");
        String hearing = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .json().get("hearingId").asText();
        Map<String, Map<String, String>> endpoints = endpoints(caseId, hearing);
        long before = eventCount();
        Random random = new Random(20200603);
        List<String> failures = new ArrayList<>();
        int sent = 0;

        for (var endpoint : endpoints.entrySet()) {
            for (int i = 0; i < 200; i++) {
                Map<String, String> fields = new LinkedHashMap<>(endpoint.getValue());
                String field = new ArrayList<>(fields.keySet()).get(random.nextInt(fields.size()));
                switch (random.nextInt(4)) {
                    case 0 -> fields.remove(field); // every field of these bodies is required
                    case 1 -> fields.put("survivor" + random.nextInt(3), "\"Aïssata\"");
                    default -> fields.put(field, hostileValueFor(field, random));
                }
                sent++;
                check(failures, endpoint.getKey(), json(fields), post(endpoint.getKey(), json(fields)));
            }
            for (String body : HOSTILE_BODIES) {
                sent++;
                check(failures, endpoint.getKey(), body, post(endpoint.getKey(), body));
            }
            for (String type : new String[]{"text/plain", "application/xml", "multipart/form-data; boundary=x"}) {
                sent++;
                Response response = send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + endpoint.getKey())).header("Content-Type", type)
                        .POST(HttpRequest.BodyPublishers.ofString(json(endpoint.getValue()))));
                check(failures, endpoint.getKey(), type, response);
            }
        }
        for (String hostile : new String[]{"%00", "..%2F..", "%E2%80%AE", "x".repeat(3000), "%27%3B--",
                "%3Cscript%3E"}) {
            for (String path : new String[]{"/api/caseload/" + hostile, "/api/caseload/kidal?from=" + hostile,
                    "/api/caseload/kidal/timeline?to=" + hostile, "/api/audit/cases/" + hostile + "/history",
                    "/api/audit/caseload/kidal?knownAt=" + hostile, "/api/cases/" + hostile + "/withdrawal"}) {
                sent++;
                Response response = path.startsWith("/api/cases/") ? post(path, "{\"on\":\"2020-01-01\"}") : get(path);
                check(failures, path, "", response);
            }
        }

        // The access log's filters are free text, but PostgreSQL refuses a NUL outright.
        for (String path : new String[]{"/api/audit/access?caseId=%00", "/api/audit/access?user=a%01b"}) {
            sent++;
            check(failures, path, "", get(path));
        }
        // Header values as raw bytes (Java's client would turn them into '?'): UTF-8 and Latin-1 letters, a C1
        // control, a no-break space; the firewall refuses some as the registry reads them, the key's rule the rest.
        for (String header : new String[]{"Idempotency-Key", "X-Correlation-Id"}) {
            for (byte[] hostile : new byte[][]{"\u00dcn\u00efcode?".getBytes(StandardCharsets.UTF_8),
                    "\u00dcn\u00efcode?".getBytes(StandardCharsets.ISO_8859_1), {'k', (byte) 0x85},
                    {'k', (byte) 0xa0, 'y'}}) {
                sent++;
                String answer = rawPost("/api/cases/" + caseId + "/withdrawal", header, hostile,
                        "{\"on\":\"2020-01-01\"}");
                if (!answer.startsWith("HTTP/1.1 4") || !answer.contains("application/problem+json")) {
                    failures.add(header + " " + Arrays.toString(hostile) + " -> " + answer);
                }
            }
        }

        assertThat(failures).as("answers that were not a 4xx problem, out of %d requests", sent).isEmpty();
        assertThat(sent).isGreaterThan(2000);
        assertThat(eventCount()).as("events appended by hostile requests").isEqualTo(before);
    }

    /** A POST written byte for byte, with one header's value as given; the status line and headers answered. */
    private String rawPost(String path, String header, byte[] value, String body) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            byte[] content = body.getBytes(StandardCharsets.UTF_8);
            request.writeBytes(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n"
                    + "Authorization: " + TestTokens.defaultBearer() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + content.length + "\r\n" + header + ": ")
                    .getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(value);
            request.writeBytes("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            request.writeBytes(content);
            socket.getOutputStream().write(request.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            int end = answer.indexOf("\r\n\r\n");
            return end < 0 ? answer : answer.substring(0, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Map<String, String>> endpoints(String caseId, String hearing) {
        String base = "/api/cases/" + caseId;
        Map<String, Map<String, String>> endpoints = new LinkedHashMap<>();
        endpoints.put("/api/cases", fields("docketNumber", "\"H-1\"", "tribunalId", "\"kati\"", "filedOn",
                "\"2019-01-01\"", "offence", "\"RAPE\"", "victims", "{\"women\":1,\"girls\":0,\"men\":0,\"boys\":0}",
                "accused", "\"UNIDENTIFIED\""));
        endpoints.put(base + "/hearings", fields("kind", "\"TRIAL\"", "date", "\"2019-11-01\""));
        endpoints.put(base + "/hearings/" + hearing + "/adjournment",
                fields("on", "\"2019-10-02\"", "reason", "\"SECURITY\""));
        endpoints.put(base + "/hearings/" + hearing + "/held", fields("on", "\"2019-10-02\""));
        endpoints.put(base + "/judgment", fields("on", "\"2019-12-01\"", "verdict", "\"CONVICTION\""));
        endpoints.put(base + "/dismissal", fields("on", "\"2019-12-01\"", "reason", "\"NO_OFFENCE\""));
        endpoints.put(base + "/withdrawal", fields("on", "\"2019-12-01\""));
        endpoints.put(base + "/transfer", fields("on", "\"2019-12-01\"", "toTribunalId", "\"gao\""));
        endpoints.put(base + "/suspension", fields("on", "\"2019-12-01\"", "reason", "\"OTHER\""));
        endpoints.put(base + "/resumption", fields("on", "\"2019-12-01\""));
        endpoints.put(base + "/reopening", fields("on", "\"2019-12-01\"", "reason", "\"REMAND\""));
        return endpoints;
    }

    private static String hostileValueFor(String field, Random random) {
        if (field.equals("filedOn") || field.equals("on") || field.equals("date")) {
            return random.nextBoolean() ? quoted(HOSTILE_DATES[random.nextInt(HOSTILE_DATES.length)])
                    : HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
        }
        if (field.equals("victims")) {
            // a count given as text ("1") must be refused too; as a docket number "1" would be valid
            String count = random.nextInt(4) == 0 ? "\"1\"" : HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
            return "{\"women\":" + count + ",\"girls\":0,\"men\":0,\"boys\":0}";
        }
        return random.nextBoolean() ? quoted(HOSTILE_TEXT[random.nextInt(HOSTILE_TEXT.length)])
                : HOSTILE_VALUES[random.nextInt(HOSTILE_VALUES.length)];
    }

    private static void check(List<String> failures, String path, String body, Response response) {
        boolean problem = response.header("Content-Type") != null
                && response.header("Content-Type").startsWith("application/problem+json");
        if (response.status() < 400 || response.status() >= 500 || !problem) {
            failures.add(response.status() + " " + path + " <- " + abbreviated(body) + " -> " + abbreviated(
                    response.text()));
        }
    }

    private static Map<String, String> fields(String... namesAndValues) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    private static String json(Map<String, String> fields) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name)
                                            .append("\":").append(value));
        return json.append('}').toString();
    }

    private static String quoted(String text) {
        return "\"" + text + "\"";
    }

    private static String abbreviated(String text) {
        return text == null || text.length() <= 160 ? String.valueOf(text) : text.substring(0, 160) + "...";
    }
}
