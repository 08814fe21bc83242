package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A request body over 64 KiB ({@code greffe.http.max-json-bytes}) is refused with 413 before anything parses it,
 * whether it announces its length, is sent in chunks (no length until read), or announces a length and is chunked
 * all the same; and whatever its content type, JSON or not. A chunked body within the limit is read as usual.
 */
class BodySizeIntegrationTest extends IntegrationTest {

    private static final int LIMIT = 64 * 1024;

    @Test
    void aJsonBodyOverTheLimitIs413WithItsLengthAnnounced() {
        tooLarge(() -> post("/api/cases", oversizedFiling()));
    }

    @Test
    void aChunkedJsonBodyOverTheLimitIs413() {
        tooLarge(() -> chunked("/api/cases", "application/json", oversizedFiling()));
        String caseId = fileCase("2019-03-14");
        tooLarge(() -> chunked("/api/cases/" + caseId + "/withdrawal", "application/json",
                "{\"on\":\"2019-05-01\"" + " ".repeat(LIMIT) + "}"));
    }

    @Test
    void aChunkedBodyThatAlsoAnnouncesASmallLengthIs413() {
        // HTTP/1.1 reads the chunks and ignores the length; so must the limit.
        tooLarge(() -> raw("/api/cases", "Content-Length: 10\r\nTransfer-Encoding: chunked\r\n", oversizedFiling()));
    }

    @Test
    void aBodyOfAnotherOrNoContentTypeIsBoundedToo() {
        tooLarge(() -> chunked("/api/cases", "application/merge-patch+json", oversizedFiling()));
        tooLarge(() -> chunked("/api/cases", null, oversizedFiling()));
        tooLarge(() -> send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/cases"))
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(oversizedFiling()))));
    }

    @Test
    void aChunkedBodyWithinTheLimitIsReadAsUsual() {
        long before = eventCount();
        Response response = chunked("/api/cases", "application/json",
                fileCaseJson(newDocket(), "gao", "2019-04-01") + " ".repeat(LIMIT - 1000));
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        assertThat(eventCount()).isEqualTo(before + 1);
    }

    /** A filing padded with spaces: valid JSON, just too long. */
    private static String oversizedFiling() {
        return fileCaseJson(newDocket(), "gao", "2019-04-01").replace("{", "{" + " ".repeat(LIMIT + 1));
    }

    private void tooLarge(Supplier<Response> request) {
        long before = eventCount();
        Response response = request.get();
        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.get("type").asText()).isEqualTo("urn:greffe:problem:too-large");
        assertThat(problem.get("status").asInt()).isEqualTo(413);
        assertThat(problem.get("detail").asText()).startsWith("the body is larger than 65536 bytes");
        assertThat(eventCount()).as("events appended by a refused request").isEqualTo(before);
    }

    /** Java's client sends a body of unknown length in chunks. */
    private Response chunked(String path, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .version(HttpClient.Version.HTTP_1_1)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes)));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request);
    }

    /** Headers as given, then the body in 4 KiB chunks; reads the answer until the server closes. */
    private Response raw(String path, String headers, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: " + TestTokens.defaultBearer()
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\n" + headers + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            for (int at = 0; at < bytes.length; at += 4096) {
                int length = Math.min(4096, bytes.length - at);
                out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(bytes, at, length);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return parsed(socket.getInputStream().readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Response parsed(byte[] answer) {
        String text = new String(answer, StandardCharsets.UTF_8);
        int end = text.indexOf("\r\n\r\n");
        String[] head = text.substring(0, end).split("\r\n");
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            headers.put(head[i].substring(0, colon).strip(), List.of(head[i].substring(colon + 1).strip()));
        }
        String body = text.substring(end + 4);
        if ("chunked".equalsIgnoreCase(String.valueOf(headers.getOrDefault("Transfer-Encoding",
                List.of("")).get(0)))) {
            body = dechunked(body);
        }
        return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, body);
    }

    private static String dechunked(String chunked) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int length = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (length == 0) {
                return body.toString(StandardCharsets.UTF_8);
            }
            body.writeBytes(chunked.substring(lineEnd + 2, lineEnd + 2 + length).getBytes(StandardCharsets.UTF_8));
            at = lineEnd + 2 + length + 2;
        }
    }
}
