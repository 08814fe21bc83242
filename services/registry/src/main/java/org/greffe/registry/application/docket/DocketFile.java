package org.greffe.registry.application.docket;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.greffe.registry.model.Wording;
import org.greffe.registry.application.DocketTooLarge;
import org.greffe.registry.application.InvalidDocket;

import java.io.BufferedReader;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A docket file copied to a temporary file, so that it can be read twice: once to check its size, encoding, CSV
 * syntax and header and to count its rows, before a single row is applied; then row by row. Closing it deletes the
 * copy.
 */
final class DocketFile implements AutoCloseable {

    /** The key columns every row fills. */
    static final List<String> KEY_COLUMNS = List.of("docketNumber", "tribunalId", "event", "date");

    /** The columns an event fills or leaves empty, depending on the event (see {@link DocketEvent}). */
    static final List<String> EVENT_COLUMNS = List.of("incidentOn", "offence", "women", "girls", "men", "boys",
            "accused", "accusedGroup", "hearing", "hearingKind", "reason", "verdict", "toTribunalId");

    /** Every column, in the documented order; the header names each exactly once, in any order. */
    static final List<String> COLUMNS = concat(KEY_COLUMNS, EVENT_COLUMNS);

    private static final CSVFormat COMMAS = CSVFormat.RFC4180.builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .setIgnoreEmptyLines(true)
            .setIgnoreSurroundingSpaces(true)
            .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
            .get();

    /** What a spreadsheet set to French (or other European) conventions saves as "CSV": the same, with semicolons. */
    private static final CSVFormat SEMICOLONS = COMMAS.builder().setDelimiter(';').get();

    private final Path path;
    private final CSVFormat format;
    private final int rows;

    private DocketFile(Path path, CSVFormat format, int rows) {
        this.path = path;
        this.format = format;
        this.rows = rows;
    }

    /**
     * Copies the text to a temporary file and checks it.
     *
     * @throws DocketTooLarge when it has more than {@code maxBytes} bytes as UTF-8 or more than {@code maxRows} rows
     * @throws InvalidDocket  when it is not UTF-8, not CSV, or its header is not the docket header
     */
    static DocketFile spool(Reader csv, long maxBytes, int maxRows) throws IOException {
        Path path = Files.createTempFile("greffe-docket-", ".csv");
        try {
            copy(csv, path, maxBytes);
            CSVFormat format = format(path);
            return new DocketFile(path, format, count(path, format, maxRows));
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(path);
            throw e;
        }
    }

    /** Data rows: records that are not the header, a comment, an empty line or a line of empty values. */
    int rows() {
        return rows;
    }

    /** Hands over the data rows in file order. */
    void forEachRow(Consumer<Row> action) {
        try (CSVParser parser = format.parse(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
            for (CSVRecord record : parser) {
                if (!blank(record)) {
                    action.accept(new Row(startLine(parser, record), record.toMap(), record.size()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled docket file " + path, e);
        }
    }

    @Override
    public void close() throws IOException {
        Files.deleteIfExists(path);
    }

    private static void copy(Reader csv, Path path, long maxBytes) throws IOException {
        try (Writer out = new OutputStreamWriter(new Limited(Files.newOutputStream(path), maxBytes),
                StandardCharsets.UTF_8)) {
            char[] buffer = new char[8192];
            boolean start = true;
            for (int read = csv.read(buffer); read != -1; read = csv.read(buffer)) {
                // Spreadsheets save UTF-8 with a byte-order mark, which would otherwise glue itself to the first name.
                int from = start && read > 0 && buffer[0] == '\uFEFF' ? 1 : 0;
                start = false;
                out.write(buffer, from, read - from);
            }
        } catch (CharacterCodingException e) {
            throw new InvalidDocket("the file is not UTF-8 text (" + e.getMessage() + "); save it as CSV UTF-8",
                    Wording.of("docket.not-utf8"));
        }
    }

    /**
     * Commas, or semicolons when the header line (the first that is neither empty nor a comment) has semicolons and no
     * comma: column names hold neither, so the header tells which the file uses.
     */
    private static CSVFormat format(Path path) throws IOException {
        try (BufferedReader lines = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    return line.contains(";") && !line.contains(",") ? SEMICOLONS : COMMAS;
                }
            }
            return COMMAS;
        } catch (CharacterCodingException e) {
            throw new InvalidDocket("the file is not UTF-8 text (" + e.getMessage() + "); save it as CSV UTF-8",
                    Wording.of("docket.not-utf8"));
        }
    }

    private static int count(Path path, CSVFormat format, int maxRows) throws IOException {
        try (CSVParser parser = format.parse(Files.newBufferedReader(path, StandardCharsets.UTF_8))) {
            checkHeader(parser.getHeaderNames());
            int rows = 0;
            for (CSVRecord record : parser) {
                if (!blank(record) && ++rows > maxRows) {
                    throw new DocketTooLarge("the file has more than " + maxRows + " rows; split it into smaller "
                            + "files (importing them in order gives the same result)",
                            Wording.of("docket.too-many-rows", maxRows));
                }
            }
            return rows;
        } catch (CSVException e) {
            throw notCsv(e);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException csv) {
                throw notCsv(csv);
            }
            throw e;
        } catch (IllegalArgumentException e) {
            // commons-csv's complaint about the header itself: a duplicate or an empty column name.
            throw new InvalidDocket("the header row is not valid: " + e.getMessage() + "; " + expectedHeader(),
                    Wording.of("docket.header-invalid", String.join(",", COLUMNS)));
        }
    }

    private static void checkHeader(List<String> header) {
        if (header.isEmpty()) {
            throw new InvalidDocket("the file is empty; " + expectedHeader(),
                    Wording.of("docket.empty", String.join(",", COLUMNS)));
        }
        List<String> missing = COLUMNS.stream().filter(column -> !header.contains(column)).toList();
        List<String> unknown = header.stream().filter(column -> !COLUMNS.contains(column)).toList();
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            List<String> problems = new ArrayList<>();
            if (!missing.isEmpty()) {
                problems.add("the header lacks the columns " + missing);
            }
            if (!unknown.isEmpty()) {
                problems.add("it names unknown columns " + unknown);
            }
            throw new InvalidDocket(String.join(" and ", problems) + "; " + expectedHeader(),
                    Wording.of("docket.header-columns", missing, unknown, String.join(",", COLUMNS)));
        }
    }

    private static String expectedHeader() {
        return "the first line of a docket file names its columns, in any order, separated by commas (or by "
                + "semicolons throughout): " + String.join(",", COLUMNS);
    }

    private static InvalidDocket notCsv(CSVException e) {
        return new InvalidDocket("the file is not valid CSV: " + e.getMessage(),
                Wording.of("docket.not-csv", e.getMessage()));
    }

    private static boolean blank(CSVRecord record) {
        return record.stream().allMatch(String::isBlank);
    }

    /**
     * The physical line the record starts on. The parser counts line breaks up to the end of the record, which
     * lies further down when a quoted value spans lines.
     */
    private static long startLine(CSVParser parser, CSVRecord record) {
        long breaks = record.stream().mapToLong(DocketFile::lineBreaks).sum();
        return parser.getCurrentLineNumber() - breaks;
    }

    private static long lineBreaks(String value) {
        long breaks = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\n' || c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n')) {
                breaks++;
            }
        }
        return breaks;
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return List.copyOf(all);
    }

    /**
     * One data row as read.
     *
     * @param line   physical line it starts on
     * @param values value of each column the row reaches, by column name
     * @param size   how many values the row has; a well-formed row has one per column
     */
    record Row(long line, Map<String, String> values, int size) {
    }

    /** Counts the bytes written and refuses to go past the limit. */
    private static final class Limited extends FilterOutputStream {

        private final long maxBytes;
        private long written;

        Limited(OutputStream out, long maxBytes) {
            super(out);
            this.maxBytes = maxBytes;
        }

        @Override
        public void write(int b) throws IOException {
            count(1);
            out.write(b);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            count(length);
            out.write(bytes, offset, length);
        }

        private void count(int bytes) {
            written += bytes;
            if (written > maxBytes) {
                throw new DocketTooLarge("the file is larger than " + maxBytes + " bytes; split it into smaller "
                        + "files (importing them in order gives the same result)",
                        Wording.of("docket.too-many-bytes", maxBytes));
            }
        }
    }
}
