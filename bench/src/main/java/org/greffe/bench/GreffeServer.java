package org.greffe.bench;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Greffe jar as a separate process on a database of its own, with the heap capped at 512 MB, the hash-chain
 * sealer paused (it would compete for the two cores with what is measured) and the bench's tokens trusted; started
 * once it answers and has built its projection, when it found it far behind the log.
 */
final class GreffeServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A collection's heap before and after in G1's log: {@code ... Pause Young (Normal) (...) 120M->40M(512M) ...}. */
    private static final Pattern COLLECTION = Pattern.compile(" (\\d+)M->(\\d+)M\\(\\d+M\\)");
    /** A full collection asked for by jcmd: {@code ... Pause Full (Diagnostic Command) 120M->60M(512M) ...}. */
    private static final Pattern FULL_COLLECTION =
            Pattern.compile("Pause Full \\(Diagnostic Command\\) \\d+M->(\\d+)M");

    private final Process process;
    private final int port;
    private final HttpClient http;
    private final Path gcLog;

    private GreffeServer(Process process, int port, Path gcLog) {
        this.process = process;
        this.port = port;
        this.gcLog = gcLog;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                              .executor(Executors.newFixedThreadPool(32, runnable -> {
                                  Thread thread = new Thread(runnable, "bench-http");
                                  thread.setDaemon(true);
                                  return thread;
                              })).build();
    }

    static GreffeServer start(Path jar, Database database, String jdbcUrl, Tokens tokens, Path log,
                              List<String> jvmOptions, String... extra) throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        // The heap is read from the collector's log, which costs Greffe nothing: a scrape of its metrics would compute
        // every gauge, the caseload figures among them, and the measurement would slow down what it measures.
        Path gcLog = log.resolveSibling(log.getFileName() + ".gc");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-Xlog:gc:file=" + gcLog));
        command.addAll(jvmOptions);
        command.addAll(List.of("-Daxoniq.update-checker.disabled=true", "-jar", jar.toString(),
                "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=" + Database.APP, "--greffe.database.owner.username=" + Database.OWNER,
                "--greffe.demo=false",
                // The sealer is paused, so events wait: that is no incident of sealing lag for health to report here.
                "--greffe.audit.seal-delay-ms=3600000", "--greffe.audit.max-sealing-lag=3650d",
                "--logging.level.root=WARN",
                "--logging.level.org.greffe=INFO"));
        command.addAll(tokens.trustArguments());
        command.addAll(List.of(extra));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                                                     .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                                                     .start();
        GreffeServer server = new GreffeServer(process, port, gcLog);
        server.awaitHealthy(log);
        server.awaitStartUpBuild(tokens.bearer("bench-auditor", "AUDITOR"), log);
        return server;
    }

    /**
     * A Greffe that starts on a log its caseload projection is far behind builds the projection in bulk before
     * anything else (greffe.caseload.bulk-catch-up-threshold): the scenarios measure the Greffe that follows, and a
     * rebuild asked for meanwhile would be refused. Its own timing is in {@code GET /api/audit/rebuild}.
     */
    private void awaitStartUpBuild(String auditor, Path log) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
        while (System.nanoTime() < deadline) {
            HttpResponse<String> status = get("/api/audit/rebuild", auditor);
            if (status.statusCode() != 200) {
                throw new IllegalStateException("GET /api/audit/rebuild answered " + status.statusCode() + ": "
                        + status.body() + "; see " + log);
            }
            if (!JSON.readTree(status.body()).path("state").asText().equals("RUNNING")) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("Greffe's build of its projection at start-up took over 30 minutes; see "
                + log);
    }

    private void awaitHealthy(Path log) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Greffe exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (send(HttpRequest.newBuilder(uri("/actuator/health")).GET(), null).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("Greffe did not become healthy within 300 s; see " + log);
    }

    /** Where the collector's log is now: {@link #peakHeapMiB} reads what it logs from here on. */
    long gcLogMark() throws IOException {
        return Files.exists(gcLog) ? Files.size(gcLog) : 0;
    }

    /**
     * The most heap, in MiB, that any collection logged since the mark found in use when it started: the heap's
     * peaks, since the heap only grows between collections. 0 when no collection ran.
     */
    long peakHeapMiB(long mark) throws IOException {
        return mostLogged(mark, 1);
    }

    /** The most heap, in MiB, that any collection logged since the mark left in use: 0 when no collection ran. */
    long heapAfterGcMiB(long mark) throws IOException {
        return mostLogged(mark, 2);
    }

    /**
     * The heap, in MiB, that live objects hold now: what a full collection, asked for here ({@code jcmd GC.run}),
     * leaves. A young collection leaves the old generation's garbage in place until G1's next marking cycle, which on
     * a heap far from full may be minutes away, so the heap after collections rises steadily with no leak at all;
     * only a full collection says what is kept. It pauses Greffe once (tens of milliseconds at this heap's size).
     */
    long liveHeapMiB() throws IOException, InterruptedException {
        long mark = gcLogMark();
        jcmd("GC.run");
        // The collector's log is written by the collecting thread: give it a moment to reach the file.
        for (int attempt = 0; attempt < 50; attempt++) {
            Matcher full = FULL_COLLECTION.matcher(new String(Files.readAllBytes(gcLog), StandardCharsets.UTF_8)
                    .substring((int) Math.min(mark, Files.size(gcLog))));
            if (full.find()) {
                return Long.parseLong(full.group(1));
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("the full collection asked of Greffe (pid " + process.pid()
                + ") left no line in " + gcLog);
    }

    /** Writes the classes that hold the most live heap to the file ({@code jcmd GC.class_histogram}). */
    void classHistogram(Path file) throws IOException, InterruptedException {
        Files.writeString(file, jcmd("GC.class_histogram"));
    }

    private String jcmd(String command) throws IOException, InterruptedException {
        Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(process.pid()), command).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!jcmd.waitFor(5, TimeUnit.MINUTES) || jcmd.exitValue() != 0) {
            throw new IllegalStateException("jcmd " + command + " on Greffe (pid " + process.pid() + ") failed: "
                    + output);
        }
        return output;
    }

    /** The largest of the collections' heap figures since the mark: before (group 1) or after (group 2) each. */
    private long mostLogged(long mark, int group) throws IOException {
        byte[] all = Files.readAllBytes(gcLog);
        String since = new String(all, (int) Math.min(mark, all.length), (int) (all.length - Math.min(mark,
                all.length)), StandardCharsets.UTF_8);
        long most = 0;
        Matcher collection = COLLECTION.matcher(since);
        while (collection.find()) {
            most = Math.max(most, Long.parseLong(collection.group(group)));
        }
        return most;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    HttpResponse<String> get(String path, String bearer) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).GET(), bearer);
    }

    HttpResponse<String> post(String path, String contentType, String body, String bearer)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                               .POST(HttpRequest.BodyPublishers.ofString(body)), bearer);
    }

    HttpResponse<String> send(HttpRequest.Builder request, String bearer) throws IOException, InterruptedException {
        if (bearer != null) {
            request.header("Authorization", bearer);
        }
        return http.send(request.timeout(Duration.ofMinutes(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
