import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a Greffe audit export without Greffe: only the JDK, one file.
 *
 * <pre>java tools/verifier/GreffeVerifier.java export.ndjson [expectedHeadHex]</pre>
 *
 * The export is NDJSON: one JSON object a line per sealed event, in global order, then a last line
 * {@code {"chain":"log"|"case", ..., "events":N, "chainHead":"hex"}}. For each event line the verifier decodes the
 * base64 {@code payload} and {@code metaData}, rebuilds the canonical bytes (layout below, identical to Greffe's
 * {@code org.greffe.audit.application.ChainHash}), hashes them with SHA-256 and checks that the result is the line's
 * {@code hash} ({@code caseHash} in a case export), that its {@code previousHash} ({@code casePreviousHash}) is the
 * previous line's hash (32 zero bytes on the first line), and that the readable {@code payloadJson} and
 * {@code metaDataJson} say the same as the bytes. Then that the last line names the last hash and the number of
 * events, and, when given, that the head is the expected one (a head obtained from Greffe earlier, or published).
 *
 * <p>Canonical bytes: a byte field is a 4-byte signed big-endian length then the bytes, length -1 and no bytes for
 * null; a text field is its UTF-8 bytes as a byte field; a number is 8 bytes signed big-endian. In order: text
 * "greffe-chain-v1", number globalPosition, text eventIdentifier, text aggregateIdentifier, number sequenceNumber,
 * text type, text payloadType, text payloadRevision, text timestamp, bytes payload, bytes metaData, bytes previous
 * hash (32 bytes).
 *
 * <p>Prints {@code OK <n> events, chain head <hex>} and exits 0, or {@code BROKEN line <n> ...: why} and exits 1
 * (2 for a usage error or an unreadable file).
 */
public final class GreffeVerifier {

    private static final String TAG = "greffe-chain-v1";
    private static final String GENESIS = "0".repeat(64);

    private GreffeVerifier() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: java GreffeVerifier.java export.ndjson [expectedHeadHex]");
            System.exit(2);
        }
        String result;
        try (BufferedReader in = Files.newBufferedReader(Path.of(args[0]), StandardCharsets.UTF_8)) {
            result = verify(in, args.length == 2 ? args[1].toLowerCase() : null);
        }
        System.out.println(result);
        System.exit(result.startsWith("OK") ? 0 : 1);
    }

    static String verify(BufferedReader in, String expectedHead) throws IOException {
        String previous = GENESIS;
        long events = 0;
        int lineNumber = 0;
        String hashField = null;
        String line;
        while ((line = in.readLine()) != null) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> object;
            try {
                Object parsed = new Json(line).document();
                if (!(parsed instanceof Map)) {
                    return "BROKEN line " + lineNumber + ": not a JSON object";
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> map = (Map<String, Object>) parsed;
                object = map;
            } catch (IllegalArgumentException e) {
                return "BROKEN line " + lineNumber + ": not JSON: " + e.getMessage();
            }
            if (object.containsKey("chainHead")) {
                if (!previous.equals(object.get("chainHead"))) {
                    return "BROKEN line " + lineNumber + ": the chain head " + object.get("chainHead")
                            + " is not the last event's hash " + previous;
                }
                if (!(object.get("events") instanceof BigDecimal count) || count.longValue() != events) {
                    return "BROKEN line " + lineNumber + ": the export says " + object.get("events")
                            + " events, it holds " + events + " (lines lost or added)";
                }
                if (expectedHead != null && !expectedHead.equals(previous)) {
                    return "BROKEN line " + lineNumber + ": the chain head " + previous
                            + " is not the expected head " + expectedHead;
                }
                if (in.readLine() != null) {
                    return "BROKEN line " + (lineNumber + 1) + ": lines after the chain head";
                }
                return "OK " + events + " events, chain head " + previous;
            }
            if (hashField == null) {
                hashField = object.containsKey("caseHash") ? "caseHash" : "hash";
            }
            String previousField = hashField.equals("caseHash") ? "casePreviousHash" : "previousHash";
            String position = " (globalPosition " + object.get("globalPosition") + ")";
            try {
                if (!previous.equals(object.get(previousField))) {
                    return "BROKEN line " + lineNumber + position + ": " + previousField + " "
                            + object.get(previousField) + " is not the previous line's hash " + previous
                            + " (an event was deleted, inserted or reordered)";
                }
                byte[] payload = base64(object.get("payload"));
                byte[] metaData = base64(object.get("metaData"));
                String recomputed = HexFormat.of().formatHex(sha256(canonical(object, payload, metaData,
                        HexFormat.of().parseHex(previous))));
                if (!recomputed.equals(object.get(hashField))) {
                    return "BROKEN line " + lineNumber + position + ": the event's content does not match its "
                            + hashField + " (recomputed " + recomputed + ", the line says " + object.get(hashField)
                            + ")";
                }
                String misread = sameJson("payload", payload, object.get("payloadJson"));
                if (misread == null) {
                    misread = sameJson("metaData", metaData, object.get("metaDataJson"));
                }
                if (misread != null) {
                    return "BROKEN line " + lineNumber + position + ": " + misread;
                }
            } catch (IllegalArgumentException e) {
                return "BROKEN line " + lineNumber + position + ": " + e.getMessage();
            }
            previous = (String) object.get(hashField);
            events++;
        }
        return "BROKEN line " + (lineNumber + 1) + ": the export ends without its chain head line (truncated)";
    }

    static byte[] canonical(Map<String, Object> event, byte[] payload, byte[] metaData, byte[] previousHash) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        text(out, TAG);
        number(out, event.get("globalPosition"), "globalPosition");
        text(out, string(event, "eventIdentifier"));
        text(out, string(event, "aggregateIdentifier"));
        number(out, event.get("sequenceNumber"), "sequenceNumber");
        text(out, string(event, "type"));
        text(out, string(event, "payloadType"));
        text(out, string(event, "payloadRevision"));
        text(out, string(event, "timestamp"));
        bytes(out, payload);
        bytes(out, metaData);
        bytes(out, previousHash);
        return out.toByteArray();
    }

    private static String string(Map<String, Object> event, String field) {
        Object value = event.get(field);
        if (value != null && !(value instanceof String)) {
            throw new IllegalArgumentException(field + " is not a string");
        }
        return (String) value;
    }

    private static void number(ByteArrayOutputStream out, Object value, String field) {
        if (!(value instanceof BigDecimal number)) {
            throw new IllegalArgumentException(field + " is not a number");
        }
        out.writeBytes(ByteBuffer.allocate(8).putLong(number.longValueExact()).array());
    }

    private static void text(ByteArrayOutputStream out, String value) {
        bytes(out, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
    }

    private static void bytes(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
        if (value != null) {
            out.writeBytes(value);
        }
    }

    private static byte[] base64(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof String text)) {
            throw new IllegalArgumentException("payload and metaData are base64 strings");
        }
        return Base64.getDecoder().decode(text);
    }

    /** The readable JSON must say what the bytes say, or a reader could be shown one thing and the hash another. */
    private static String sameJson(String field, byte[] bytes, Object readable) {
        Object decoded;
        try {
            decoded = bytes == null ? null : new Json(new String(bytes, StandardCharsets.UTF_8)).document();
        } catch (IllegalArgumentException notJson) {
            decoded = null;
        }
        return Json.same(decoded, readable) ? null
                : field + "Json does not say what the " + field + " bytes say";
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A small, strict JSON reader (RFC 8259): objects become LinkedHashMap, arrays ArrayList, numbers BigDecimal,
     * strings String, true/false Boolean, null null. A duplicate key is refused, so no line can show one value and
     * hash another.
     */
    static final class Json {
        private final String text;
        private int at;

        Json(String text) {
            this.text = text;
        }

        Object document() {
            Object value = value();
            space();
            if (at != text.length()) {
                throw error("trailing characters");
            }
            return value;
        }

        static boolean same(Object a, Object b) {
            if (a instanceof BigDecimal x && b instanceof BigDecimal y) {
                return x.compareTo(y) == 0;
            }
            if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
                return x.keySet().equals(y.keySet()) && x.keySet().stream().allMatch(k -> same(x.get(k), y.get(k)));
            }
            if (a instanceof List<?> x && b instanceof List<?> y) {
                if (x.size() != y.size()) {
                    return false;
                }
                for (int i = 0; i < x.size(); i++) {
                    if (!same(x.get(i), y.get(i))) {
                        return false;
                    }
                }
                return true;
            }
            return a == null ? b == null : a.equals(b);
        }

        private Object value() {
            space();
            if (at >= text.length()) {
                throw error("unexpected end");
            }
            char c = text.charAt(at);
            switch (c) {
                case '{':
                    return object();
                case '[':
                    return array();
                case '"':
                    return string();
                case 't':
                    return literal("true", Boolean.TRUE);
                case 'f':
                    return literal("false", Boolean.FALSE);
                case 'n':
                    return literal("null", null);
                default:
                    return number();
            }
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            at++;
            space();
            if (peek('}')) {
                at++;
                return map;
            }
            while (true) {
                space();
                if (!peek('"')) {
                    throw error("a key must be a string");
                }
                String key = string();
                space();
                expect(':');
                if (map.containsKey(key)) {
                    throw error("duplicate key " + key);
                }
                map.put(key, value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect('}');
                    return map;
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            at++;
            space();
            if (peek(']')) {
                at++;
                return list;
            }
            while (true) {
                list.add(value());
                space();
                if (peek(',')) {
                    at++;
                } else {
                    expect(']');
                    return list;
                }
            }
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                if (at >= text.length()) {
                    throw error("unterminated string");
                }
                char c = text.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c < 0x20) {
                    throw error("control character in a string");
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                if (at >= text.length()) {
                    throw error("unterminated escape");
                }
                char e = text.charAt(at++);
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        if (at + 4 > text.length()) {
                            throw error("short \\u escape");
                        }
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> throw error("bad escape \\" + e);
                }
            }
        }

        private BigDecimal number() {
            int start = at;
            if (peek('-')) {
                at++;
            }
            while (at < text.length() && "0123456789.eE+-".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
            String number = text.substring(start, at);
            if (!number.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
                throw error("bad value " + (number.isEmpty() ? text.charAt(start) : number));
            }
            return new BigDecimal(number);
        }

        private Object literal(String word, Object value) {
            if (!text.startsWith(word, at)) {
                throw error("bad literal");
            }
            at += word.length();
            return value;
        }

        private void space() {
            while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
                at++;
            }
        }

        private boolean peek(char c) {
            return at < text.length() && text.charAt(at) == c;
        }

        private void expect(char c) {
            if (!peek(c)) {
                throw error("expected '" + c + "'");
            }
            at++;
        }

        private IllegalArgumentException error(String why) {
            return new IllegalArgumentException(why + " at column " + (at + 1));
        }
    }
}
