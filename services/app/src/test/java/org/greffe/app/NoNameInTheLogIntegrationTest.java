package org.greffe.app;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.greffe.app.security.Role;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSetMetaData;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, phone numbers and e-mail addresses, generated from a fixed seed, tried in every string a request or a docket
 * row can carry: body fields, path ids, the {@code Idempotency-Key} and {@code X-Correlation-Id} headers, the user
 * name of the token (refused), and every column of a docket file. Some of those requests are accepted (a header is an
 * identifier of the request, after all); then every table of the database, the event log's payload and metadata
 * included, is read back and none of the values may appear in it, whatever its case, accents or separators.
 */
class NoNameInTheLogIntegrationTest extends IntegrationTest {

    private static final List<String> FIRST = List.of("Aminata", "Fatoumata", "Aïssata", "Kadiatou", "Mariam",
            "Ramata", "Oumou Kalsoum", "Assétou");
    private static final List<String> LAST = List.of("Traoré", "Diarra", "Coulibaly", "Keïta", "Sangaré", "Maïga",
            "Dembélé", "Sissoko");
    private static final String HEADER = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,"
            + "accused,accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId";
    private static final String KEYED_HASH = "hmac-sha256:[0-9a-f]{64}";

    @Test
    void noNamePhoneOrAddressTriedAnywhereEndsUpInTheDatabase() throws Exception {
        List<String> values = generatedValues();
        assertThat(values).hasSizeGreaterThan(40);
        String caseId = fileCase("2019-03-14");
        String hearing = post("/api/cases/" + caseId + "/hearings", "{\"kind\":\"TRIAL\",\"date\":\"2019-10-02\"}")
                .json().get("hearingId").asText();
        String imported = newDocket();
        assertThat(postCsv(HEADER + "\n" + imported + ",kati,FILED,2019-02-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n"
                + imported + ",kati,HEARING_SCHEDULED,2019-04-02,,,,,,,,,H1,TRIAL,,,\n").json()
                .get("accepted").asInt()).isEqualTo(2);
        long before = eventCount();
        long head = jdbc.queryForObject("SELECT max(global_index) FROM domain_event_entry", Long.class);
        int accepted = 0;

        for (String value : values) {
            for (String field : List.of("docketNumber", "tribunalId", "accusedGroup")) {
                ObjectNode body = (ObjectNode) JSON.readTree(fileCaseJson(newDocket(), "kati", "2019-01-10"));
                body.put(field, value);
                assertRefused(post("/api/cases", body.toString()), field, value);
            }
            ObjectNode transfer = JSON.createObjectNode().put("on", "2019-05-01").put("toTribunalId", value);
            assertRefused(post("/api/cases/" + caseId + "/transfer", transfer.toString()), "toTribunalId", value);
            String path = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            assertRefused(post("/api/cases/" + path + "/withdrawal", "{\"on\":\"2019-05-01\"}"), "caseId", value);
            assertRefused(post("/api/cases/" + caseId + "/hearings/" + path + "/held", "{\"on\":\"2019-10-02\"}"),
                    "hearingId", value);
            assertRefused(post("/api/cases/" + caseId + "/hearings/" + hearing + "/adjournment",
                    JSON.createObjectNode().put("on", "2019-10-02").put("reason", value).toString()), "reason", value);

            accepted += fileWithHeader("Idempotency-Key", value);
            accepted += fileWithHeader("X-Correlation-Id", value);
            // A token naming its user by anything but an identifier is refused before the request is read. (A user
            // id shaped like an identifier, "aminata.traore", is staff's accountability, recorded as the identity
            // provider gives it; docs/api.md advises the opaque sub claim.)
            if (!value.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}")) {
                Response signedInAsAName = post("/api/cases", fileCaseJson(newDocket(), "kati", "2019-01-10"),
                        as(value, Role.CLERK));
                assertThat(signedInAsAName.status()).as(signedInAsAName.text()).isEqualTo(401);
            }
        }
        String report = postCsv(docketTryingEveryColumn(values, imported)).text();
        assertThat(JSON.readTree(report).get("accepted").asInt()).as(report).isZero();

        assertThat(accepted).as("requests accepted with a generated value in a header").isGreaterThan(values.size());
        assertThat(eventCount()).isEqualTo(before + accepted);
        assertThat(jdbc.queryForList("SELECT convert_from(meta_data, 'UTF8') FROM domain_event_entry "
                + "WHERE global_index > ?", String.class, head)).allSatisfy(metaData -> {
                    var stored = JSON.readTree(metaData);
                    assertThat(stored.get("correlationId").asText()).matches(
                            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|" + KEYED_HASH);
                    assertThat(stored.get("user").asText()).isEqualTo(TestTokens.DEFAULT_USER);
                });
        assertThat(leaks(values)).as("generated values found in the database").isEmpty();
    }

    /** About fifty values: the classics, then names, addresses and numbers combined from a fixed seed. */
    static List<String> generatedValues() {
        Set<String> values = new LinkedHashSet<>(List.of("Aminata Traore", "aminata.traore@example.org",
                "+223 76 00 00 00", "76000000", "Fatoumata", "Aminata.Traore.76000000", "AMINATA-2019-1",
                "FATOUMATA/2019/42", "Aminata_Traore", "AMINATA", "Aïssata Traoré"));
        Random random = new Random(20200603);
        while (values.size() < 50) {
            String first = FIRST.get(random.nextInt(FIRST.size()));
            String last = LAST.get(random.nextInt(LAST.size()));
            String phone = "7" + (random.nextInt(9) + 1)
                    + String.format(Locale.ROOT, "%06d", random.nextInt(1_000_000));
            values.add(switch (random.nextInt(9)) {
                case 0 -> first + " " + last;
                case 1 -> ascii(first) + "." + ascii(last);
                case 2 -> ascii(first).toUpperCase(Locale.ROOT) + "-" + ascii(last).toUpperCase(Locale.ROOT);
                case 3 -> ascii(first).toLowerCase(Locale.ROOT) + "_" + ascii(last).toLowerCase(Locale.ROOT);
                case 4 -> ascii(first) + "." + ascii(last) + "." + phone;
                case 5 -> ascii(first).toLowerCase(Locale.ROOT) + "." + ascii(last).toLowerCase(Locale.ROOT)
                        + "@mail.example.ml";
                case 6 -> "+223 " + phone.replaceAll("(..)(?=.)", "$1 ");
                case 7 -> phone;
                default -> last;
            });
        }
        return List.copyOf(values);
    }

    /** Files a fresh case with the value in the header; counts it when accepted, which the header's shape decides. */
    private int fileWithHeader(String header, String value) {
        Response response;
        try {
            response = post("/api/cases", fileCaseJson(newDocket(), "kati", "2019-01-10"), header, value);
        } catch (IllegalArgumentException notAHeaderValue) {
            response = post("/api/cases", fileCaseJson(newDocket(), "kati", "2019-01-10"), header, ascii(value));
        }
        if (response.status() == 201) {
            return 1;
        }
        assertRefused(response, header, value);
        return 0;
    }

    /**
     * Every column of a docket row in turn holds each value: the docket number of a filing and of a later event,
     * the tribunal, the hearing reference of a case filed above, the receiving tribunal, and each other column of an
     * otherwise valid filing.
     */
    private static String docketTryingEveryColumn(List<String> values, String filed) {
        String[] columns = HEADER.split(",");
        List<String> rows = new ArrayList<>();
        for (String value : values) {
            String cell = "\"" + value + "\"";
            rows.add(cell + ",kati,FILED,2019-02-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,");
            rows.add(cell + ",kati,WITHDRAWN,2019-06-01,,,,,,,,,,,,,");
            rows.add(newDocket() + "," + cell + ",FILED,2019-02-01,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,");
            rows.add(filed + ",kati,HEARING_SCHEDULED,2019-04-02,,,,,,,,," + cell + ",TRIAL,,,");
            rows.add(filed + ",kati,HEARING_HELD,2019-04-02,,,,,,,,," + cell + ",,,,");
            rows.add(filed + ",kati,TRANSFERRED,2019-06-01,,,,,,,,,,,,," + cell);
            for (int column = 2; column < columns.length; column++) {
                String[] cells = (newDocket() + ",kati,FILED,2019-02-01,,RAPE,1,0,0,0,NON_STATE_ARMED_GROUP,CMA,,,,,")
                        .split(",", -1);
                cells[column] = cell;
                rows.add(String.join(",", cells));
            }
        }
        return HEADER + "\n" + String.join("\n", rows) + "\n";
    }

    private static void assertRefused(Response response, String field, String value) {
        assertThat(response.status()).as(field + " = " + value + ": " + response.text()).isBetween(400, 499);
    }

    /** Each value found in some column of some table, with where. */
    private List<String> leaks(List<String> values) {
        Set<String> needles = new TreeSet<>();
        Set<String> literals = new TreeSet<>();
        for (String value : values) {
            needles.add(normalized(value));
            literals.add(ascii(value).toLowerCase(Locale.ROOT));
        }
        List<String> found = new ArrayList<>();
        // Every table, Greffe's or not, read as the database's administrator: Greffe's own role may not read them all.
        JdbcTemplate dba = dbaJdbc();
        List<String> tables = dba.queryForList("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()",
                String.class);
        assertThat(tables).contains("domain_event_entry", "registry_idempotency", "registry_docket_number");
        for (String table : tables) {
            dba.query("SELECT * FROM \"" + table + "\"", rs -> {
                ResultSetMetaData columns = rs.getMetaData();
                for (int i = 1; i <= columns.getColumnCount(); i++) {
                    Object cell = rs.getObject(i);
                    String text = cell instanceof byte[] bytes ? utf8(bytes) : String.valueOf(cell);
                    if (text == null) {
                        // Not text (a digest, a signature): stripping its bytes down to letters and digits would
                        // spell short names by chance (32 random bytes are about 8 letters), so it is searched for
                        // each value as written, which random bytes do not spell.
                        String bytes = new String((byte[]) cell, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
                        for (String literal : literals) {
                            if (bytes.contains(literal)) {
                                found.add(literal + " in " + table + "." + columns.getColumnName(i) + " (binary)");
                            }
                        }
                        continue;
                    }
                    String haystack = normalized(text);
                    for (String needle : needles) {
                        if (haystack.contains(needle)) {
                            found.add(needle + " in " + table + "." + columns.getColumnName(i));
                        }
                    }
                }
            });
        }
        return found;
    }

    /** Lower case, accents and every character that is not a letter or digit removed. */
    private static String normalized(String text) {
        return ascii(text).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    /** The bytes as UTF-8 text, or null when they are not valid UTF-8. */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                                         .onUnmappableCharacter(CodingErrorAction.REPORT)
                                         .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    private static String ascii(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    }
}
