package org.greffe.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongFunction;
import java.util.function.ToDoubleFunction;

/**
 * Measures Greffe against raw PostgreSQL on the same server in the same run, prints a table and writes
 * {@code bench-results.json}. Usage:
 * <pre>
 * java -jar bench/target/greffe-bench.jar [--size=smoke|full] [--jdbc-url=jdbc:postgresql://host:port/db]
 *      [--jdbc-user=postgres] [--greffe-jar=services/app/target/greffe.jar] [--out=bench-results.json]
 *      [--log-sizes=100000,1000000] [--import-events=100000] [--large-import-events=1000000]
 * </pre>
 * Without {@code --jdbc-url} the bench starts an embedded PostgreSQL. Every stage gets a database of its own.
 */
public final class Bench {

    /** The scenarios {@code --scenarios} chooses from, all by default. */
    private static final List<String> SCENARIOS = List.of("commands", "forecast", "logs", "gaps", "proofs", "soak");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final String REPORT_TRIBUNAL = "bamako-commune-iii";
    /** The tribunals the soak reads at a fixed size: filed before its load, never written to during it. */
    private static final List<String> SOAK_HELD = List.of("gao", "tombouctou");
    /**
     * Numbers the docket-number prefixes of a run's filings, so that no two batches of filings share one: the warm-up
     * alone sends hundreds of batches, among which prefixes drawn from the clock collided.
     */
    private static final AtomicInteger PREFIXES = new AtomicInteger(100_000);
    /** Concurrent clients of the command path's second measurement and of the write load under the reads. */
    private static final int WRITERS = 16;
    /** The day the forecast scenario forecasts from: after the synthetic filings end, in March 2020. */
    private static final LocalDate FORECAST_DAY = LocalDate.of(2020, 6, 30);

    private final Sizes sizes;
    private final Database database;
    private final Tokens tokens;
    private final Path jar;
    private final Path work;
    private final List<String> jvmOptions;
    private boolean keepDatabases;
    private final List<Result> results = new ArrayList<>();
    private final List<Soak> soakWindows = new ArrayList<>();
    /** An empty database whose schema a Greffe of this run created: the seeded databases are copies of it. */
    private String schemaTemplate;
    private final Map<Long, Double> rebuildRates = new HashMap<>();
    private final String clerk;
    private final String advocate;
    private final String auditor;

    private Bench(Sizes sizes, Database database, Tokens tokens, Path jar, Path work, List<String> jvmOptions) {
        this.jvmOptions = jvmOptions;
        this.sizes = sizes;
        this.database = database;
        this.tokens = tokens;
        this.jar = jar;
        this.work = work;
        this.clerk = tokens.bearer("bench-clerk", "CLERK");
        this.advocate = tokens.bearer("bench-advocate", "ADVOCATE");
        this.auditor = tokens.bearer("bench-auditor", "AUDITOR");
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (IllegalArgumentException wrong) {
            // A wrong option or a missing jar: one sentence, not a stack trace.
            log("bench: " + wrong.getMessage());
            log("usage: java -jar bench/target/greffe-bench.jar [--size=smoke|full] [--scenarios="
                    + String.join(",", SCENARIOS) + "] [--jdbc-url=...] [--out=FILE] (see docs/benchmarks.md)");
            System.exit(2);
        }
    }

    private static void run(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("options are --name=value, not " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        Sizes sizes = Sizes.of(options.getOrDefault("size", "full"));
        if (options.containsKey("log-sizes")) {
            sizes = sizes.withLogSizes(options.get("log-sizes"));
        }
        if (options.containsKey("import-events") || options.containsKey("large-import-events")) {
            sizes = sizes.withImportEvents(Integer.parseInt(options.getOrDefault("import-events",
                    String.valueOf(sizes.importEvents()))), Integer.parseInt(options.getOrDefault(
                    "large-import-events", String.valueOf(sizes.largeImportEvents()))));
        }
        if (options.containsKey("soak-seconds")) {
            sizes = sizes.withSoakSeconds(Double.parseDouble(options.get("soak-seconds")));
        }
        if (options.containsKey("warmup-seconds")) {
            sizes = sizes.withWarmupSeconds(Double.parseDouble(options.get("warmup-seconds")));
        }
        Path jar = Path.of(options.getOrDefault("greffe-jar", "services/app/target/greffe.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException(jar + " does not exist: build it first (./mvnw -q -DskipTests install)"
                    + " or name it with --greffe-jar");
        }
        Set<String> scenarios = Set.of(options.getOrDefault("scenarios", String.join(",", SCENARIOS)).split(","));
        if (!SCENARIOS.containsAll(scenarios) && !(scenarios.equals(Set.of("upgrade")))) {
            throw new IllegalArgumentException("--scenarios takes a comma-separated list of " + SCENARIOS
                    + ", or upgrade alone (with --previous-jar)");
        }
        Path previousJar = options.containsKey("previous-jar") ? Path.of(options.get("previous-jar")) : null;
        if (scenarios.contains("upgrade") && (previousJar == null || !Files.isRegularFile(previousJar))) {
            throw new IllegalArgumentException("the upgrade scenario runs the jar of the previous release next to "
                    + "this one: build it from its commit and name it with --previous-jar");
        }
        if (scenarios.contains("gaps") && !scenarios.contains("logs")) {
            throw new IllegalArgumentException("the gaps scenario compares with the rebuild of the logs scenario: "
                    + "run both");
        }
        Path out = Path.of(options.getOrDefault("out", "bench-results.json"));
        Path work = Files.createTempDirectory("greffe-bench");
        List<Result> results;
        List<Soak> soak;
        try (Database database = Database.open(options.get("jdbc-url"), options.getOrDefault("jdbc-user",
                "postgres"), work.resolve("postgres"))) {
            log("Greffe bench, size " + sizes.name() + ", on " + database.describe() + "; logs in " + work);
            // JVM options of every Greffe started, e.g. a flight recording per server:
            // --greffe-jvm=-XX:StartFlightRecording=filename=/tmp/{name}.jfr,settings=profile
            List<String> jvm = options.containsKey("greffe-jvm") ? List.of(options.get("greffe-jvm").split(" "))
                    : List.of();
            Bench bench = new Bench(sizes, database, new Tokens(work), jar, work, jvm);
            // Keeps each scenario's database for a closer look (profiling, EXPLAIN); drop them by hand afterwards.
            bench.keepDatabases = Boolean.parseBoolean(options.getOrDefault("keep-databases", "false"));
            results = scenarios.contains("upgrade") ? bench.upgrade(previousJar) : bench.run(scenarios);
            soak = bench.soakWindows;
        }
        Map<String, Object> written = new LinkedHashMap<>(Map.of("size", sizes.name(), "ranAt",
                Instant.now().toString(), "cores", Runtime.getRuntime().availableProcessors(), "results", results));
        if (!soak.isEmpty()) {
            written.put("soak", soak);
        }
        Files.writeString(out, JSON.writeValueAsString(written));
        System.out.println(table(results));
        log("Wrote " + out.toAbsolutePath());
    }

    List<Result> run(Set<String> scenarios) throws Exception {
        if (scenarios.contains("commands")) {
            commandsImportAndReads();
        }
        if (scenarios.contains("forecast")) {
            forecast();
        }
        if (scenarios.contains("logs")) {
            for (long size : sizes.logSizes()) {
                rebuildAndBitemporal(size);
            }
        }
        if (scenarios.contains("gaps")) {
            rebuildAfterConcurrentAppends(sizes.referenceSize());
        }
        if (scenarios.contains("proofs")) {
            proofs(sizes.referenceSize());
        }
        if (scenarios.contains("soak")) {
            soak();
        }
        if (schemaTemplate != null) {
            database.drop(schemaTemplate);
        }
        return results;
    }

    /**
     * Command path at 1 and 16 clients, bulk import, read latency, and reads while 16 clients write: one database, one
     * Greffe.
     */
    private void commandsImportAndReads() throws Exception {
        String url = database.freshDatabase("commands");
        try (GreffeServer greffe = start(url, "commands")) {
            RawBaselines raw = new RawBaselines(database, url);
            // On two cores the JIT's compiler threads take about as much CPU as the requests for the first tens of
            // thousands of commands: measure the command path, not its compilation.
            commandsFor(greffe, WRITERS, sizes.warmupSeconds());
            Map<Integer, Load> commandPath = new HashMap<>();
            for (int clients : new int[]{1, WRITERS}) {
                int calls = clients == 1 ? sizes.singleClientCalls() : sizes.perClientCalls();
                commands(greffe, clients, Math.max(1, calls / 10)); // warm-up at this concurrency
                Load greffeLoad = commands(greffe, clients, calls);
                Load rawLoad = raw.singleRowCommits(clients, calls);
                commandPath.put(clients, greffeLoad);
                String of = clients + " client" + (clients == 1 ? "" : "s");
                String baseline = "raw JDBC single-row insert+commit, " + clients + " connection"
                        + (clients == 1 ? "" : "s");
                results.add(Result.ratioAtLeast("command path, " + of, round(greffeLoad.throughput()), "commands/s",
                        baseline, round(rawLoad.throughput()), clients == 1 ? 0.15 : 0.25));
                log(last());
                results.add(Result.reported("command path p50, " + of, round(greffeLoad.p50Millis()), "ms",
                        baseline + ", p50", round(rawLoad.p50Millis())));
                log(last());
                results.add(Result.reported("command path p99, " + of, round(greffeLoad.p99Millis()), "ms",
                        baseline + ", p99", round(rawLoad.p99Millis())));
                log(last());
            }

            double importRate = bulkImport(greffe, sizes.importEvents()).rate();
            double batchRate = raw.batchedInsert(sizes.importEvents());
            results.add(Result.ratioAtLeast("bulk import, " + sizes.importEvents() + " events", round(importRate),
                    "events/s", "raw JDBC batched insert (1,000 rows a batch) of as many rows", round(batchRate), 0.4));
            log(last());
            if (sizes.largeImportEvents() > 0) {
                // The growth of the import: a court's historic docket of a million events, on the same database.
                Import large = bulkImport(greffe, sizes.largeImportEvents());
                double largeBatchRate = raw.batchedInsert(sizes.largeImportEvents());
                results.add(Result.reported("bulk import, " + sizes.largeImportEvents() + " events",
                        round(large.rate()), "events/s", "raw JDBC batched insert (1,000 rows a batch) of as many rows",
                        round(largeBatchRate)));
                log(last());
                results.add(Result.reported("peak heap used during the import of " + sizes.largeImportEvents()
                        + " events", large.peakHeapMiB(), "MiB", "Greffe's -Xmx", 512));
                log(last());
            }

            awaitCaughtUp(greffe);
            String path = "/api/caseload/" + REPORT_TRIBUNAL;
            Load.run(sizes.readThreads(), 2, () -> greffe.get(path, advocate).statusCode()); // warm-up
            Load caseload = Load.run(sizes.readThreads(), sizes.readSeconds(),
                    () -> greffe.get(path, advocate).statusCode());
            Load health = Load.run(sizes.readThreads(), sizes.readSeconds(),
                    () -> greffe.get("/actuator/health", null).statusCode());
            String against = "/actuator/health, same load (" + sizes.readThreads() + " clients)";
            results.add(Result.ratioAtLeast("caseload read throughput", round(caseload.throughput()), "requests/s",
                    against, round(health.throughput()), 0.5));
            results.add(Result.reported("caseload read p50", round(caseload.p50Millis()), "ms", against,
                    round(health.p50Millis())));
            results.add(Result.reported("caseload read p99", round(caseload.p99Millis()), "ms", against,
                    round(health.p99Millis())));
            log(last());

            readsUnderWriteLoad(greffe, path, caseload, commandPath.get(WRITERS));
        }
        dropUnlessKept(url);
    }

    /**
     * The caseload reads again, while {@value #WRITERS} clients file cases as fast as they can; each figure next to
     * the same one measured alone in this run: the reads' throughput and latency, and the writers' rate.
     */
    private void readsUnderWriteLoad(GreffeServer greffe, String path, Load readsAlone, Load writesAlone)
            throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicLong written = new AtomicLong();
        String prefix = "RW" + PREFIXES.incrementAndGet();
        AtomicInteger dockets = new AtomicInteger();
        List<Future<?>> done = new ArrayList<>();
        Load reads;
        double seconds;
        long writes;
        try {
            for (int c = 0; c < WRITERS; c++) {
                done.add(writers.submit(() -> {
                    while (writing.get()) {
                        require(greffe.post("/api/cases", "application/json",
                                filing(prefix, dockets.incrementAndGet()), clerk), 201);
                        written.incrementAndGet();
                    }
                    return null;
                }));
            }
            Thread.sleep(1_000); // the writers reach their pace
            long from = written.get();
            long start = System.nanoTime();
            reads = Load.run(sizes.readThreads(), sizes.readSeconds(), () -> greffe.get(path, advocate).statusCode());
            seconds = (System.nanoTime() - start) / 1e9;
            writes = written.get() - from;
        } finally {
            writing.set(false);
            writers.shutdown();
        }
        for (Future<?> writer : done) {
            writer.get();
        }
        String of = ", " + WRITERS + " clients writing";
        String alone = "the same without writes (" + sizes.readThreads() + " clients reading)";
        results.add(Result.reported("caseload read throughput" + of, round(reads.throughput()), "requests/s", alone,
                round(readsAlone.throughput())));
        results.add(Result.reported("caseload read p50" + of, round(reads.p50Millis()), "ms", alone,
                round(readsAlone.p50Millis())));
        results.add(Result.reported("caseload read p99" + of, round(reads.p99Millis()), "ms", alone,
                round(readsAlone.p99Millis())));
        log(last());
        results.add(Result.reported("command path, " + WRITERS + " clients, " + sizes.readThreads() + " reading",
                round(writes / seconds), "commands/s", "the same without reads (" + WRITERS + " clients filing cases)",
                round(writesAlone.throughput())));
        log(last());
    }

    /**
     * A backlogged tribunal's forecast (1,000 paths), next to the exact caseload read of the same tribunal: single
     * client, median of 21 after 5 untimed calls, each call a new question so that no answer comes from Greffe's cache
     * of repeated questions. Three exact forecasts: a new scenario on the same start (what a reader trying
     * scenarios asks: the start is kept), a new start day (the tribunal's case records are kept while the projection
     * stays where it is), and the first forecast after a new case (its records read again), each timed alone.
     */
    private void forecast() throws Exception {
        String url = seededDatabase("forecast", sizes.forecastEvents(), false,
                number -> SyntheticCases.backlogged(number, REPORT_TRIBUNAL));
        try (GreffeServer greffe = start(url, "forecast")) {
            awaitCaughtUp(greffe);
            String tribunal = "/api/caseload/" + REPORT_TRIBUNAL;
            JsonNode stocks = JSON.readTree(require(greffe.get(tribunal + "?to=" + FORECAST_DAY, clerk), 200).body());
            String cases = String.format(Locale.ROOT, "%,d pending cases, 1,000 paths", stocks.get("pending").asInt());
            int[] call = {0};
            double readMillis = medianMillis(() -> require(greffe.get(tribunal + "?to=" + FORECAST_DAY + "&from="
                    + FORECAST_DAY.minusYears(1).minusDays(call[0]++), clerk), 200));
            String baseline = "exact caseload read of the same tribunal, median (ms)";
            double scenarioMillis = medianMillis(() -> require(greffe.get(tribunal + "/forecast?asOf=" + FORECAST_DAY
                    + "&extraDispositions=" + call[0]++, clerk), 200));
            results.add(Result.valueTarget("forecast p50, " + cases + ", new scenario (exact)",
                    round(scenarioMillis), "ms", baseline, round(readMillis), "<= 200 ms", scenarioMillis <= 200));
            log(last());
            double startMillis = medianMillis(() -> require(greffe.get(tribunal + "/forecast?asOf="
                    + FORECAST_DAY.minusDays(call[0]++ % 300), clerk), 200));
            results.add(Result.valueTarget("forecast p50, " + cases + ", new start day (exact)",
                    round(startMillis), "ms", baseline, round(readMillis), "<= 200 ms", startMillis <= 200));
            log(last());
            int[] filed = {0};
            double writtenMillis = medianMillis(() -> {
                String body = ("{\"docketNumber\":\"FCST-2020-%d\",\"tribunalId\":\"%s\","
                        + "\"filedOn\":\"2020-03-02\",\"offence\":\"RAPE\","
                        + "\"victims\":{\"women\":1,\"girls\":0,\"men\":0,\"boys\":0},\"accused\":\"UNIDENTIFIED\"}")
                        .formatted(++filed[0], REPORT_TRIBUNAL);
                require(greffe.post("/api/cases", "application/json", body, clerk), 201);
                awaitCaughtUp(greffe);
                return null;
            }, () -> require(greffe.get(tribunal + "/forecast?asOf=" + FORECAST_DAY, clerk), 200));
            results.add(Result.valueTarget("forecast p50, " + cases + ", first after a new case (exact)",
                    round(writtenMillis), "ms", baseline, round(readMillis), "<= 200 ms", writtenMillis <= 200));
            log(last());
            double publishedMillis = medianMillis(() -> require(greffe.get(tribunal + "/forecast?extraDispositions="
                    + call[0]++, advocate), 200));
            results.add(Result.reported("forecast p50, " + cases + ", new scenario (published)",
                    round(publishedMillis), "ms", baseline, round(readMillis)));
            log(last());
        }
        dropUnlessKept(url);
    }

    /**
     * The projection's catch-up on a first start, full rebuild and bitemporal query over a log of {@code size}
     * events; at the reference size, Axon defaults.
     */
    private void rebuildAndBitemporal(long size) throws Exception {
        String url = seededDatabase("log" + size, size, false);
        double rawRate = RawBaselines.sequentialRead(database, url);
        double rawMillis = size / rawRate * 1000;
        boolean reference = size == sizes.referenceSize();
        try (GreffeServer greffe = start(url, "rebuild-" + size,
                "--greffe.caseload.bulk-catch-up-threshold=" + sizes.catchUpThreshold())) {
            String events = String.format(Locale.ROOT, "%,d", size);
            // A first start on a log the projection has not read (seeded behind Greffe's back; its tokens at the
            // start). From greffe.caseload.bulk-catch-up-threshold unread events on, Greffe builds the projection in
            // bulk at start-up, timed by that build's own status; below it, the live processor folds the log event
            // by event, timed from Greffe answering until the projection reaches the head (it started a little
            // before: a bound).
            long answered = System.nanoTime();
            awaitCaughtUp(greffe);
            double catchUp = size * 1e9 / (System.nanoTime() - answered);
            JsonNode startUp = JSON.readTree(require(greffe.get("/api/audit/rebuild", auditor), 200).body());
            if (startUp.path("origin").asText().equals("start-up")) {
                if (!startUp.get("state").asText().equals("DONE")) {
                    throw new IllegalStateException("the build at start-up did not end well: " + startUp);
                }
                Duration took = Duration.between(Instant.parse(startUp.get("startedAt").asText()),
                        Instant.parse(startUp.get("finishedAt").asText()));
                catchUp = startUp.get("eventsRead").asLong() * 1e9 / Math.max(1, took.toNanos());
                log("Caught up by a bulk build at start-up: " + startUp.get("eventsRead").asLong() + " events in "
                        + took.toMillis() + " ms");
            } else {
                log("Caught up event by event (below the bulk catch-up threshold)");
            }
            String catchUpName = "processor catch-up on a first start, " + events + " events";
            String sequentialRead = "raw JDBC sequential read of domain_event_entry in global order";
            results.add(reference
                    ? Result.ratioAtLeast(catchUpName, round(catchUp), "events/s", sequentialRead, round(rawRate), 0.2)
                    : Result.reported(catchUpName, round(catchUp), "events/s", sequentialRead, round(rawRate)));
            log(last());
            // The first rebuild after start fills the projection anew (the JIT has compiled the bulk code once if
            // the catch-up took it, not otherwise); the second replaces that complete projection, as an auditor's
            // rebuild on a running Greffe does, and is the one the target applies to.
            double first = rebuild(greffe, size).rate();
            results.add(Result.reported("first rebuild after start, " + events + " events", round(first), "events/s",
                    "raw JDBC sequential read of domain_event_entry in global order", round(rawRate)));
            log(last());
            double rate = rebuild(greffe, size).rate();
            rebuildRates.put(size, rate);
            String name = "rebuild, " + String.format(Locale.ROOT, "%,d", size) + " events";
            String baseline = "raw JDBC sequential read of domain_event_entry in global order";
            results.add(reference
                    ? Result.valueTarget(name, round(rate), "events/s", baseline, round(rawRate),
                    ">= 100000 events/s and ratio >= 0.2", rate >= 100_000 && rate / rawRate >= 0.2)
                    : Result.reported(name, round(rate), "events/s", baseline, round(rawRate)));
            log(last());

            String query = "/api/audit/caseload/" + REPORT_TRIBUNAL + "?asOf=2020-06-03";
            greffe.get(query, auditor); // warm-up
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                HttpResponse<String> answer = greffe.get(query, auditor);
                millis.add((System.nanoTime() - start) / 1e6);
                require(answer, 200);
            }
            millis.sort(null);
            double median = millis.get(2);
            String queryName = "bitemporal query, " + String.format(Locale.ROOT, "%,d", size) + " events";
            String queryBaseline = "raw JDBC sequential read of the whole log (ms)";
            results.add(reference
                    ? Result.valueTarget(queryName, round(median), "ms", queryBaseline, round(rawMillis), "<= 1000 ms",
                    median <= 1000)
                    : Result.reported(queryName, round(median), "ms", queryBaseline, round(rawMillis)));
            log(last());
        }
        if (reference) {
            // Axon's way of rebuilding (reset the tokens, replay in order) on Axon's default processor settings.
            try (GreffeServer defaults = start(url, "axon-defaults", "--greffe.audit.rebuild-method=replay",
                    "--greffe.caseload.batch-size=1", "--greffe.caseload.segments=1")) {
                double defaultRate = rebuildRateWithin(defaults, sizes.defaultsSeconds());
                results.add(Result.ratioAtLeast("tuned rebuild against Axon's default processor settings",
                        round(rebuildRates.get(size)), "events/s", "the same rebuild with batch size 1, 1 segment",
                        round(defaultRate), 20));
                log(last());
            }
        }
        dropUnlessKept(url);
    }

    /** A rebuild of a log with gaps in its global index, recorded just now: the rate against a gapless rebuild. */
    private void rebuildAfterConcurrentAppends(long size) throws Exception {
        String url = seededDatabase("gaps" + size, size, true);
        try (GreffeServer greffe = start(url, "gaps-" + size)) {
            rebuild(greffe, size); // as for the gapless log: the measured rebuild is the second
            Rebuild rebuild = rebuild(greffe, size);
            double normal = rebuildRates.get(size);
            results.add(Result.ratioAtLeast("rebuild after concurrent appends (gaps, recent events)",
                    round(rebuild.rate()), "events/s", "the gapless rebuild of as many events", round(normal), 0.7));
            results.add(Result.valueTarget("longest rebuild stall with gaps", rebuild.longestStallSeconds(), "s",
                    "polling interval", 1, "no stall over 5 s", rebuild.longestStallSeconds() <= 5));
            log(last());
        }
        dropUnlessKept(url);
    }

    /**
     * Inclusion and consistency proofs over a Merkle tree of {@code size} sealed events: their size in hashes and
     * bytes against the ceil(log2 n) bound, and their time over HTTP against a primary-key SELECT of one chain row
     * and against an HTTP round trip of {@code /actuator/health}, both measured now on the same server.
     */
    private void proofs(long size) throws Exception {
        String url = seededDatabase("proofs" + size, size, false);
        String events = String.format(Locale.ROOT, "%,d", size);
        try (GreffeServer greffe = start(url, "proofs-" + size)) {
            double rawMillis = size / RawBaselines.sequentialRead(database, url) * 1000;
            long start = System.nanoTime();
            HttpResponse<String> verification = require(greffe.post("/api/audit/verify", "application/json", "",
                    auditor), 200);
            double verifyMillis = (System.nanoTime() - start) / 1e6;
            if (!JSON.readTree(verification.body()).get("ok").asBoolean()) {
                throw new IllegalStateException("the seeded log does not verify: " + verification.body());
            }
            results.add(Result.reported("seal, grow the tree and verify, " + events + " events", round(verifyMillis),
                    "ms", "raw JDBC sequential read of the whole log (ms)", round(rawMillis)));
            log(last());

            String caseId;
            try (Connection connection = database.connect(url);
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT aggregate_identifier FROM audit_chain WHERE global_index >= ? "
                                 + "ORDER BY global_index LIMIT 1")) {
                query.setLong(1, size / 3);
                try (ResultSet rs = query.executeQuery()) {
                    rs.next();
                    caseId = rs.getString(1);
                }
            }
            // The export signs a head that covers every sealed event.
            require(greffe.get("/api/audit/export?caseId=" + caseId, auditor), 200);
            long treeSize = JSON.readTree(require(greffe.get("/api/audit/tree/heads/latest", auditor), 200).body())
                                .get("treeSize").asLong();
            int bound = 64 - Long.numberOfLeadingZeros(treeSize - 1);

            String inclusionPath = "/api/audit/tree/inclusion?caseId=" + caseId + "&treeSize=" + treeSize;
            JsonNode inclusion = JSON.readTree(require(greffe.get(inclusionPath, auditor), 200).body());
            int proven = inclusion.get("events").size();
            int longest = 0;
            for (JsonNode event : inclusion.get("events")) {
                longest = Math.max(longest, event.get("auditPath").size());
            }
            long from = Math.max(1, treeSize * 2 / 3 + 1);
            String consistencyPath = "/api/audit/tree/consistency?from=" + from + "&to=" + treeSize;
            int consistencyHashes = JSON.readTree(require(greffe.get(consistencyPath, auditor), 200).body())
                                        .get("proof").size();

            double inclusionMillis = medianMillis(() -> require(greffe.get(inclusionPath, auditor), 200));
            double consistencyMillis = medianMillis(() -> require(greffe.get(consistencyPath, auditor), 200));
            double healthMillis = medianMillis(() -> require(greffe.get("/actuator/health", null), 200));
            double selectMillis = RawBaselines.primaryKeySelectMillis(database, url, size / 3);

            String bounded = "<= ceil(log2 n) = " + bound + " hashes";
            log("Proving case " + caseId + " (" + proven + " events) in the tree of " + treeSize + ", and " + from
                    + " to " + treeSize);
            results.add(Result.valueTarget("inclusion proof size, " + events + " events", longest, "hashes",
                    "ceil(log2 n)", bound, bounded, longest <= bound));
            results.add(Result.reported("inclusion proof bytes per event, " + events + " events", longest * 32.0,
                    "bytes", "ceil(log2 n) hashes of 32 bytes", bound * 32.0));
            results.add(Result.valueTarget("consistency proof size, " + events + " events", consistencyHashes,
                    "hashes", "ceil(log2 n) + 1", bound + 1, "<= ceil(log2 n) + 1 hashes",
                    consistencyHashes <= bound + 1));
            results.add(Result.reported("inclusion proof of one case over HTTP, " + events + " events",
                    round(inclusionMillis), "ms", "raw JDBC primary-key SELECT of one audit_chain row",
                    round(selectMillis)));
            results.add(Result.reported("inclusion proof of one case over HTTP against an HTTP round trip, "
                    + events + " events", round(inclusionMillis), "ms", "GET /actuator/health, median",
                    round(healthMillis)));
            results.add(Result.reported("consistency proof over HTTP, " + events + " events",
                    round(consistencyMillis), "ms", "raw JDBC primary-key SELECT of one audit_chain row",
                    round(selectMillis)));
            log(last());
        }
        dropUnlessKept(url);
    }

    /** The median of 21 timed calls, after 5 untimed ones. */
    private static double medianMillis(Callable<?> call) throws Exception {
        return medianMillis(() -> null, call);
    }

    /** As above, {@code before} run untimed before each call. */
    private static double medianMillis(Callable<?> before, Callable<?> call) throws Exception {
        for (int i = 0; i < 5; i++) {
            before.call();
            call.call();
        }
        List<Double> millis = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            before.call();
            long start = System.nanoTime();
            call.call();
            millis.add((System.nanoTime() - start) / 1e6);
        }
        millis.sort(null);
        return millis.get(10);
    }

    private String seededDatabase(String purpose, long size, boolean gaps) throws Exception {
        return seededDatabase(purpose, size, gaps, SyntheticCases::events);
    }

    private String seededDatabase(String purpose, long size, boolean gaps,
                                  LongFunction<List<SyntheticCases.Event>> cases) throws Exception {
        if (schemaTemplate == null) {
            schemaTemplate = database.freshDatabase("schema");
            try (GreffeServer schema = start(schemaTemplate, "schema")) {
                log("Schema created by Greffe, a template for the seeded databases");
            }
        }
        // A copy of the schema Greffe made, rather than a Greffe started on each database to make it.
        String url = database.copyOf(schemaTemplate, purpose);
        long start = System.nanoTime();
        try (Connection connection = database.connect(url)) {
            LogSeeder.seed(connection, size, gaps, keys().resolve("append-mac.key"), written -> {
                if (written % 250_000 == 0) {
                    log("  seeded " + written + " events");
                }
            }, cases);
        }
        log("Seeded " + size + " events" + (gaps ? " with gaps" : "") + " in "
                + Math.round((System.nanoTime() - start) / 1e9) + " s");
        return url;
    }

    private void dropUnlessKept(String url) throws Exception {
        if (keepDatabases) {
            log("Kept the database " + url);
        } else {
            database.drop(url);
        }
    }

    /**
     * A rolling upgrade, tried once per release: the previous release's Greffe takes writes on a database at its
     * schema; this release's Greffe starts on the same database (migrating it) while the old one goes on, and a second
     * old one starts on the newer schema (a pod restarting mid-rollout); clerks file through all three for
     * {@code readSeconds} × 5; then the old ones stop and the new one carries on. Nothing may be refused on any, and at
     * the end every acknowledged filing is stored once, the new instance's figures reach the head and equal the
     * auditors' replay, and the log verifies.
     */
    List<Result> upgrade(Path previousJar) throws Exception {
        String url = database.freshDatabase("upgrade");
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        Map<String, Boolean> acknowledged = new java.util.concurrent.ConcurrentHashMap<>();
        String prefix = "UPG" + PREFIXES.incrementAndGet();
        AtomicInteger dockets = new AtomicInteger();
        GreffeServer old = GreffeServer.start(previousJar, database, url, tokens, work.resolve("greffe-previous.log"),
                jvmOptions, "--greffe.keys.dir=" + keys());
        GreffeServer current = null;
        GreffeServer oldAgain = null;
        try {
            fileThrough(List.of(old), prefix, dockets, 5, sent, refused, acknowledged);
            log("Previous release: " + acknowledged.size() + " filings; starting this release on its database");
            current = start(url, "upgrade");
            // An instance of the previous release that restarts mid-rollout finds a schema newer than its own.
            oldAgain = GreffeServer.start(previousJar, database, url, tokens,
                    work.resolve("greffe-previous-again.log"), jvmOptions, "--greffe.keys.dir=" + keys());
            double both = Math.max(5, sizes.readSeconds() * 5);
            fileThrough(List.of(old, current, oldAgain), prefix, dockets, both, sent, refused, acknowledged);
            log("Both releases: " + acknowledged.size() + " filings; stopping the previous release");
            old.close();
            oldAgain.close();
            fileThrough(List.of(current), prefix, dockets, 5, sent, refused, acknowledged);

            long head;
            try (Connection connection = database.connect(url);
                 PreparedStatement count = connection.prepareStatement("SELECT count(*), max(global_index), "
                         + "count(DISTINCT aggregate_identifier) FROM domain_event_entry");
                 ResultSet row = count.executeQuery()) {
                row.next();
                head = row.getLong(2);
                if (row.getLong(3) != acknowledged.size()) {
                    throw new IllegalStateException(acknowledged.size() + " filings acknowledged, "
                            + row.getLong(3) + " cases stored");
                }
            }
            JsonNode live = JSON.readTree(require(current.get("/api/caseload/" + REPORT_TRIBUNAL
                    + "?from=2019-01-01&to=2020-06-30&atLeast=" + head, clerk), 200).body());
            JsonNode replayed = JSON.readTree(require(current.get("/api/audit/caseload/" + REPORT_TRIBUNAL
                    + "?from=2019-01-01&asOf=2020-06-30", auditor), 200).body());
            ((com.fasterxml.jackson.databind.node.ObjectNode) replayed).remove(List.of("asOf", "knownAt", "position",
                    "eventsRead"));
            boolean same = live.equals(replayed);
            JsonNode verified = JSON.readTree(require(current.post("/api/audit/verify", "application/json", "",
                    auditor), 200).body());
            results.add(Result.valueTarget("rolling upgrade: requests refused while the releases ran side by side",
                    refused.get(), "requests", "requests sent", sent.get(), "none", refused.get() == 0));
            log(last());
            results.add(Result.valueTarget("rolling upgrade: filings stored once, figures equal to the replay, "
                    + "log verified", same && verified.get("ok").asBoolean() ? 1 : 0, "checks passed", "checks", 1,
                    "all", same && verified.get("ok").asBoolean()));
            log(last() + (same ? "" : "; live " + live + " replayed " + replayed) + "; verify " + verified);
        } finally {
            old.close();
            if (oldAgain != null) {
                oldAgain.close();
            }
            if (current != null) {
                current.close();
            }
        }
        dropUnlessKept(url);
        return results;
    }

    /** Four clerks file cases through the instances in turn for {@code seconds}; a refusal is counted, not thrown. */
    private void fileThrough(List<GreffeServer> instances, String prefix, AtomicInteger dockets, double seconds,
                             AtomicInteger sent, AtomicInteger refused, Map<String, Boolean> acknowledged)
            throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                GreffeServer through = instances.get(c % instances.size());
                done.add(clerks.submit(() -> {
                    while (System.nanoTime() < end) {
                        int n = dockets.incrementAndGet();
                        sent.incrementAndGet();
                        HttpResponse<String> filed = through.post("/api/cases", "application/json",
                                filing(prefix, n, REPORT_TRIBUNAL), clerk);
                        if (filed.statusCode() != 201) {
                            refused.incrementAndGet();
                            log("Refused: " + filed.statusCode() + " " + filed.body());
                            continue;
                        }
                        acknowledged.put(JSON.readTree(filed.body()).get("caseId").asText(), true);
                        Thread.sleep(20);
                    }
                    return null;
                }));
            }
            for (Future<?> clerk : done) {
                clerk.get();
            }
        } finally {
            clerks.shutdown();
        }
    }

    /**
     * Two instances on one database under a steady mixed load for {@code soakSeconds}: four clerks file cases (every
     * third with a trial hearing) at about 20 commands a second each, two readers read a tribunal's exact figures
     * about 10 times a second each, half through each instance. The readers read two tribunals filed with a fixed
     * number of cases before the load starts and never written to during it: an exact read folds every record of its
     * tribunal, so reads of tribunals that grow would measure the growth of their caseload, not of the service over
     * time. A third reader, once a second, reads the tribunals that do grow, for that cost, reported without a target.
     * Every window (a thirtieth of the run, at least 5 s): the latencies, the most heap an instance kept after a
     * collection, the heap its live objects hold (a full collection asked for at the window's end; the first and last
     * windows' class histograms are kept beside the instances' logs), the connections open. The results compare the
     * last third of the windows with the first (the first window left out: the JIT's); near 1 is no growth. Any answer
     * other than 2xx ends the run.
     */
    private void soak() throws Exception {
        String url = database.freshDatabase("soak");
        try (GreffeServer first = start(url, "soak-1"); GreffeServer second = start(url, "soak-2")) {
            List<GreffeServer> servers = List.of(first, second);
            double windowSeconds = Math.max(5, sizes.soakSeconds() / 30);
            int windows = (int) Math.max(3, Math.round(sizes.soakSeconds() / windowSeconds));
            AtomicReference<Queue<Long>> writes = new AtomicReference<>(new ConcurrentLinkedQueue<>());
            AtomicReference<Queue<Long>> reads = new AtomicReference<>(new ConcurrentLinkedQueue<>());
            AtomicBoolean running = new AtomicBoolean(true);
            AtomicInteger dockets = new AtomicInteger();
            String prefix = "SOAK" + PREFIXES.incrementAndGet();
            List<String> growing = SyntheticCases.TRIBUNALS.stream().filter(t -> !SOAK_HELD.contains(t)).toList();
            int held = (int) Math.min(2_000, Math.max(50, sizes.soakSeconds() * 2));
            long seeded = seedSoak(servers, prefix, dockets, held);
            log("Soak: " + held + " cases filed at each of " + SOAK_HELD + ", folded up to position " + seeded);
            AtomicReference<Queue<Long>> growingReads = new AtomicReference<>(new ConcurrentLinkedQueue<>());
            ExecutorService load = Executors.newFixedThreadPool(7);
            List<Future<?>> loads = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                GreffeServer through = servers.get(c % 2);
                loads.add(load.submit(() -> {
                    while (running.get()) {
                        int n = dockets.incrementAndGet();
                        long sent = System.nanoTime();
                        String caseId = JSON.readTree(require(through.post("/api/cases", "application/json",
                                filing(prefix, n, growing.get(n % growing.size())), clerk), 201).body())
                                            .get("caseId").asText();
                        writes.get().add(System.nanoTime() - sent);
                        if (n % 3 == 0) {
                            sent = System.nanoTime();
                            require(through.post("/api/cases/" + caseId + "/hearings", "application/json",
                                    "{\"kind\":\"TRIAL\",\"date\":\"2020-06-01\"}", clerk), 201);
                            writes.get().add(System.nanoTime() - sent);
                        }
                        Thread.sleep(40);
                    }
                    return null;
                }));
            }
            for (int r = 0; r < 2; r++) {
                GreffeServer through = servers.get(r % 2);
                loads.add(load.submit(() -> {
                    for (int n = 0; running.get(); n++) {
                        long sent = System.nanoTime();
                        require(through.get("/api/caseload/" + SOAK_HELD.get(n % SOAK_HELD.size()), clerk), 200);
                        reads.get().add(System.nanoTime() - sent);
                        Thread.sleep(90);
                    }
                    return null;
                }));
            }
            loads.add(load.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    long sent = System.nanoTime();
                    require(servers.get(n % 2).get("/api/caseload/" + growing.get(n % growing.size()), clerk), 200);
                    growingReads.get().add(System.nanoTime() - sent);
                    Thread.sleep(1_000);
                }
                return null;
            }));
            // A window without a collection keeps the heap the last one left: from Greffe's start on, to begin with.
            long heap = Soak.heapAfterGc(servers, new long[]{0, 0});
            try {
                for (int w = 1; w <= windows; w++) {
                    long[] marks = {first.gcLogMark(), second.gcLogMark()};
                    long end = System.nanoTime() + (long) (windowSeconds * 1e9);
                    while (System.nanoTime() < end) {
                        for (Future<?> task : loads) {
                            if (task.isDone()) {
                                task.get(); // a failed request ends the soak with its answer
                            }
                        }
                        Thread.sleep(200);
                    }
                    List<Long> written = new ArrayList<>(writes.getAndSet(new ConcurrentLinkedQueue<>()));
                    List<Long> read = new ArrayList<>(reads.getAndSet(new ConcurrentLinkedQueue<>()));
                    double[] w50w99 = Soak.percentiles(written);
                    double[] r50r99 = Soak.percentiles(read);
                    List<Long> readGrowing = new ArrayList<>(growingReads.getAndSet(new ConcurrentLinkedQueue<>()));
                    double[] g50g99 = Soak.percentiles(readGrowing);
                    long collected = Soak.heapAfterGc(servers, marks);
                    heap = collected > 0 ? collected : heap;
                    long live = Soak.liveHeap(servers);
                    if (w == 1 || w == windows) {
                        for (int s = 0; s < servers.size(); s++) {
                            servers.get(s).classHistogram(work.resolve("soak-" + (s + 1) + "-classes-window-" + w
                                    + ".txt"));
                        }
                    }
                    Soak window = new Soak(w, written.size(), round(w50w99[0]), round(w50w99[1]), read.size(),
                            round(r50r99[0]), round(r50r99[1]), readGrowing.size(), round(g50g99[1]), heap, live,
                            Soak.connections(database, url));
                    soakWindows.add(window);
                    log("Soak " + window.line());
                }
            } finally {
                running.set(false);
                load.shutdown();
                load.awaitTermination(60, TimeUnit.SECONDS);
            }
            for (Future<?> done : loads) {
                done.get();
            }
            String length = sizes.soakSeconds() < 120 ? String.format(Locale.ROOT, "%.0f s", sizes.soakSeconds())
                    : String.format(Locale.ROOT, "%.0f min", sizes.soakSeconds() / 60);
            String of = ", soak of " + length + " on 2 instances, last third of the run";
            String baseline = "the same in the first third";
            soakResult("command p50" + of, "ms", baseline, Soak::writeP50, 1.5);
            soakResult("command p99" + of, "ms", baseline, Soak::writeP99, 2.0);
            soakResult("caseload read p99, tribunals of a fixed size" + of, "ms", baseline, Soak::readP99, 2.0);
            soakResult("caseload read p99, tribunals that grow" + of, "ms", baseline, Soak::growingReadP99, 0);
            soakResult("live heap (after a full collection)" + of, "MiB", baseline, soak -> soak.liveHeapMiB(), 1.5);
            soakResult("database connections" + of, "connections", baseline, soak -> soak.connections(), 1.0);
        }
        dropUnlessKept(url);
    }

    /** The median of a soak figure over the last third of the windows, against the first third's: the growth. */
    private void soakResult(String name, String unit, String baseline, ToDoubleFunction<Soak> figure,
                            double most) {
        List<Soak> steady = soakWindows.size() > 3 ? soakWindows.subList(1, soakWindows.size()) : soakWindows;
        int third = Math.max(1, steady.size() / 3);
        double first = median(steady.subList(0, third), figure);
        double last = median(steady.subList(steady.size() - third, steady.size()), figure);
        if (most <= 0) {
            results.add(Result.reported(name, round(last), unit, baseline, round(first)));
            log(last());
            return;
        }
        results.add(Result.valueTarget(name, round(last), unit, baseline, round(first), "ratio <= " + most,
                first == 0 ? last == 0 : last / first <= most));
        log(last());
    }

    /**
     * Files {@code each} cases at each tribunal the soak reads at a fixed size, through both instances, and waits until
     * both answer with figures that fold them all.
     *
     * @return the log position of the last filing
     */
    private long seedSoak(List<GreffeServer> servers, String prefix, AtomicInteger dockets, int each)
            throws Exception {
        AtomicLong last = new AtomicLong();
        ExecutorService clerks = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> filed = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                GreffeServer through = servers.get(c % 2);
                int first = c;
                filed.add(clerks.submit(() -> {
                    for (int i = first; i < each * SOAK_HELD.size(); i += 4) {
                        HttpResponse<String> answer = require(through.post("/api/cases", "application/json",
                                filing(prefix, dockets.incrementAndGet(), SOAK_HELD.get(i % SOAK_HELD.size())),
                                clerk), 201);
                        last.accumulateAndGet(Long.parseLong(answer.headers().firstValue("Greffe-Log-Position")
                                                                   .orElseThrow()), Math::max);
                    }
                    return null;
                }));
            }
            for (Future<?> clerkDone : filed) {
                clerkDone.get();
            }
        } finally {
            clerks.shutdown();
        }
        for (GreffeServer server : servers) {
            for (String tribunal : SOAK_HELD) {
                JsonNode figures = JSON.readTree(require(server.get("/api/caseload/" + tribunal + "?atLeast="
                        + last.get(), clerk), 200).body());
                if (figures.get("pending").asInt() != each) {
                    throw new IllegalStateException(tribunal + " has " + figures.get("pending") + " pending cases, "
                            + "not the " + each + " filed");
                }
            }
        }
        return last.get();
    }

    private static double median(List<Soak> windows, ToDoubleFunction<Soak> figure) {
        double[] values = windows.stream().mapToDouble(figure).sorted().toArray();
        return values.length == 0 ? 0 : values[(values.length - 1) / 2];
    }

    private GreffeServer start(String url, String name, String... extra) throws Exception {
        List<String> jvm = jvmOptions.stream().map(option -> option.replace("{name}", name)).toList();
        List<String> arguments = new ArrayList<>(List.of("--greffe.keys.dir=" + keys()));
        arguments.addAll(List.of(extra));
        return GreffeServer.start(jar, database, url, tokens, work.resolve("greffe-" + name + ".log"), jvm,
                arguments.toArray(String[]::new));
    }

    /**
     * The keys of every Greffe this run starts: the first start creates the append authentication key, and the
     * seeder authenticates its events with it.
     */
    private Path keys() {
        return work.resolve("keys");
    }

    /**
     * {@code clients} threads each file {@code calls} new cases, one event each: commands per second, and the latency
     * of each call.
     */
    private Load commands(GreffeServer greffe, int clients, int calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        AtomicInteger dockets = new AtomicInteger();
        String prefix = "CMD" + PREFIXES.incrementAndGet();
        try {
            long start = System.nanoTime();
            List<Future<long[]>> done = new ArrayList<>();
            for (int c = 0; c < clients; c++) {
                done.add(pool.submit(() -> {
                    long[] latencies = new long[calls];
                    for (int i = 0; i < calls; i++) {
                        String body = filing(prefix, dockets.incrementAndGet());
                        long sent = System.nanoTime();
                        require(greffe.post("/api/cases", "application/json", body, clerk), 201);
                        latencies[i] = System.nanoTime() - sent;
                    }
                    return latencies;
                }));
            }
            List<long[]> latencies = new ArrayList<>();
            for (Future<long[]> future : done) {
                latencies.add(future.get());
            }
            return Load.of(latencies, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }

    /** {@code clients} threads file new cases for {@code seconds}, untimed. */
    private void commandsFor(GreffeServer greffe, int clients, double seconds) throws Exception {
        long end = System.nanoTime() + (long) (seconds * 1e9);
        while (System.nanoTime() < end) {
            commands(greffe, clients, 10);
        }
    }

    /** The body of {@code POST /api/cases} filing the {@code n}th case of a run, a docket number of its own. */
    private static String filing(String prefix, int n) {
        return filing(prefix, n, SyntheticCases.tribunal(n));
    }

    private static String filing(String prefix, int n, String tribunal) {
        return ("{\"docketNumber\":\"%s-2019-%d\",\"tribunalId\":\"%s\",\"filedOn\":\"2019-03-14\","
                + "\"offence\":\"RAPE\",\"victims\":{\"women\":1,\"girls\":0,\"men\":0,\"boys\":0},"
                + "\"accused\":\"UNIDENTIFIED\"}").formatted(prefix, n, tribunal);
    }

    /**
     * One import's outcome.
     *
     * @param rate          events per second, from the start of the upload to the job's end
     * @param peakHeapMiB the most heap Greffe (run with -Xmx512m) used while it imported, from its collector's log
     */
    private record Import(double rate, long peakHeapMiB) {
    }

    /**
     * One docket file of {@code events} rows posted to the import: from the start of the upload to the job's end, as
     * a clerk waits for it, polling the job every 50 ms.
     */
    private Import bulkImport(GreffeServer greffe, int events) throws Exception {
        StringBuilder csv = new StringBuilder(SyntheticCases.docketHeader());
        String prefix = "IMP" + PREFIXES.incrementAndGet();
        for (int n = 0; n < events / SyntheticCases.DOCKET_EVENTS_PER_CASE; n++) {
            csv.append(SyntheticCases.docketRows(prefix, n));
        }
        long gcMark = greffe.gcLogMark();
        long start = System.nanoTime();
        HttpResponse<String> answer = require(greffe.post("/api/dockets", "text/csv", csv.toString(), clerk), 202);
        String job = answer.headers().firstValue("Location").orElseThrow();
        JsonNode report = JSON.readTree(answer.body());
        long lastLog = System.nanoTime();
        while (report.get("state").asText().equals("RUNNING")) {
            Thread.sleep(50);
            report = JSON.readTree(require(greffe.get(job, clerk), 200).body());
            if (System.nanoTime() - lastLog > 10e9) {
                log(String.format(Locale.ROOT, "  import: %,d of %,d rows, %.0f rows/s", report.get("done").asInt(),
                        report.get("rows").asInt(), report.get("rowsPerSecond").asDouble()));
                lastLog = System.nanoTime();
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        if (!report.get("state").asText().equals("DONE") || report.get("rejectedTotal").asInt() > 0) {
            throw new IllegalStateException("the import did not record every row: " + report);
        }
        return new Import(report.get("accepted").asLong() / seconds, greffe.peakHeapMiB(gcMark));
    }

    /**
     * One rebuild's outcome.
     *
     * @param rate                events per second over the whole rebuild
     * @param longestStallSeconds the longest time the position did not move
     */
    private record Rebuild(double rate, double longestStallSeconds) {
    }

    private Rebuild rebuild(GreffeServer greffe, long size) throws Exception {
        JsonNode started = JSON.readTree(require(greffe.post("/api/audit/rebuild", "application/json", "", auditor),
                202).body());
        long head = started.get("head").asLong();
        log("Rebuilding " + head + " events");
        long lastPosition = -1;
        long lastMove = System.nanoTime();
        double longestStall = 0;
        while (true) {
            Thread.sleep(250);
            JsonNode status = JSON.readTree(require(greffe.get("/api/audit/rebuild", auditor), 200).body());
            String state = status.get("state").asText();
            long position = status.get("eventsRead").asLong();
            if (position != lastPosition) {
                lastPosition = position;
                lastMove = System.nanoTime();
            } else {
                longestStall = Math.max(longestStall, (System.nanoTime() - lastMove) / 1e9);
            }
            if (state.equals("FAILED")) {
                throw new IllegalStateException("the rebuild failed: " + status);
            }
            if (state.equals("DONE")) {
                Duration took = Duration.between(Instant.parse(status.get("startedAt").asText()),
                        Instant.parse(status.get("finishedAt").asText()));
                return new Rebuild(size * 1e9 / Math.max(1, took.toNanos()), round(longestStall));
            }
        }
    }

    /** Events per second of a rebuild observed for {@code seconds} (too slow to wait for its end). */
    private double rebuildRateWithin(GreffeServer greffe, double seconds) throws Exception {
        require(greffe.post("/api/audit/rebuild", "application/json", "", auditor), 202);
        long start = System.nanoTime();
        Thread.sleep((long) (seconds * 1000));
        JsonNode status = JSON.readTree(require(greffe.get("/api/audit/rebuild", auditor), 200).body());
        return status.get("eventsRead").asLong() * 1e9 / (System.nanoTime() - start);
    }

    private void awaitCaughtUp(GreffeServer greffe) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
        while (System.nanoTime() < deadline) {
            // The exact view names the projection's position; the advocates' view needs its first release too.
            HttpResponse<String> answer = greffe.get("/api/caseload", auditor);
            long position = Long.parseLong(answer.headers().firstValue("Greffe-Log-Position").orElse("-1"));
            long head = Long.parseLong(answer.headers().firstValue("Greffe-Log-Head").orElse("0"));
            if (answer.statusCode() == 200 && position >= head
                    && greffe.get("/api/caseload", advocate).statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the caseload did not catch up within 30 minutes");
    }

    private static HttpResponse<String> require(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.request().uri() + " answered "
                    + answer.statusCode() + ": " + answer.body());
        }
        return answer;
    }

    private String last() {
        Result result = results.get(results.size() - 1);
        return String.format(Locale.ROOT, "%s: %s %s (baseline %s, ratio %.3f)", result.name(),
                number(result.value()), result.unit(), number(result.baselineValue()), result.ratio());
    }

    static String table(List<Result> results) {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-58s %14s %-11s %14s %8s  %s%n",
                "scenario", "Greffe", "unit", "baseline", "ratio", "target"));
        for (Result r : results) {
            table.append(String.format(Locale.ROOT, "%-58s %14s %-11s %14s %8.3f  %s%n", r.name(),
                    number(r.value()), r.unit(), number(r.baselineValue()), r.ratio(), r.target() == null ? "(reported)"
                            : r.target() + (r.met() ? "  met" : "  MISSED")));
        }
        return table.toString();
    }

    private static String number(double value) {
        return String.format(Locale.ROOT, Math.abs(value) < 1 ? "%.3f" : "%.1f", value);
    }

    /** One decimal, or three below 1 (a primary-key look-up takes a few hundredths of a millisecond, not zero). */
    private static double round(double value) {
        return Math.abs(value) < 1 ? Math.round(value * 1000) / 1000.0 : Math.round(value * 10) / 10.0;
    }

    private static void log(String line) {
        System.out.println(Instant.now() + "  " + line);
    }
}
