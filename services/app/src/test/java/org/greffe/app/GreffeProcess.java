package org.greffe.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Greffe as a separate operating-system process, on the test class path, so that a test can kill it the hard way
 * (SIGKILL) and start it again on the same data directory.
 */
final class GreffeProcess implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final Process process;
    private final int port;

    private GreffeProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /**
     * Starts Greffe on the data directory, with the keys of the directory beside it ({@code <dataDir>-keys}) unless
     * an argument names {@code --greffe.keys.dir}.
     */
    static GreffeProcess start(Path dataDir, Path log, String... arguments) throws IOException, InterruptedException {
        int port = freePort();
        GreffeProcess greffe = new GreffeProcess(launch(port, dataDir, log, arguments), port);
        greffe.awaitHealthy(log);
        return greffe;
    }

    /** Starts Greffe as {@link #start} does and waits for it to exit on its own, e.g. because it refused to start. */
    static int runUntilExit(Path dataDir, Path log, String... arguments) throws IOException, InterruptedException {
        Process process = launch(freePort(), dataDir, log, arguments);
        if (!process.waitFor(180, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
            throw new IllegalStateException("Greffe was still running after 180 s; see " + log);
        }
        return process.exitValue();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static Process launch(int port, Path dataDir, Path log, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 alone: a test's Greffe lives for a minute, and starts a fifth faster without C2's compiles
                "-Xmx512m", "-XX:TieredStopAtLevel=1", "-Daxoniq.update-checker.disabled=true",
                "-cp", System.getProperty("java.class.path"), GreffeApplication.class.getName(),
                "--server.port=" + port, "--greffe.data-dir=" + dataDir, "--greffe.demo=false"));
        command.addAll(TestTokens.trustArguments());
        if (java.util.Arrays.stream(arguments).noneMatch(argument -> argument.startsWith("--greffe.keys.dir="))) {
            // The keys belong with the database: a restart on the same data directory finds the same keys.
            command.add("--greffe.keys.dir=" + dataDir.resolveSibling(dataDir.getFileName() + "-keys"));
        }
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true)
                                          .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                          .start();
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Greffe exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (send("GET", "/actuator/health", null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Greffe did not become healthy within 180 s; see " + log);
    }

    HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                                 .header("Authorization", TestTokens.defaultBearer())
                                                 .timeout(Duration.ofSeconds(30));
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                   .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Sends a CSV docket to the import, as a clerk would, and answers the response as it came. */
    HttpResponse<String> postCsv(String path, String csv) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                                    .header("Authorization", TestTokens.defaultBearer())
                                    .header("Content-Type", "text/csv")
                                    .timeout(Duration.ofMinutes(5))
                                    .POST(HttpRequest.BodyPublishers.ofString(csv)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    JsonNode post(String path, String body) throws IOException, InterruptedException {
        HttpResponse<String> response = send("POST", path, body);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    JsonNode get(String path) throws IOException, InterruptedException {
        return JSON.readTree(send("GET", path, null).body());
    }

    /** {position, head} of the caseload projection, also while it replays (503, no figures yet). */
    long[] projection() throws IOException, InterruptedException {
        HttpResponse<String> response = send("GET", "/api/caseload", null);
        if (response.statusCode() != 200 && response.statusCode() != 503) {
            throw new IllegalStateException("GET /api/caseload answered " + response.statusCode() + ": "
                    + response.body());
        }
        return new long[]{Long.parseLong(response.headers().firstValue("Greffe-Log-Position").orElseThrow()),
                Long.parseLong(response.headers().firstValue("Greffe-Log-Head").orElseThrow())};
    }

    /**
     * Waits until the caseload answers figures (200, no longer replaying) at the head of the log: a replay that has
     * read up to the head still answers 503 until it ends.
     */
    void awaitCaughtUp() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = send("GET", "/api/caseload", null);
            long position = Long.parseLong(response.headers().firstValue("Greffe-Log-Position").orElse("-1"));
            long head = Long.parseLong(response.headers().firstValue("Greffe-Log-Head").orElse("0"));
            if (response.statusCode() == 200 && position >= head) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the projection did not catch up within 120 s");
    }

    /** The operating system's id of the process, which Axon writes in the owner of the token rows it claims. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
