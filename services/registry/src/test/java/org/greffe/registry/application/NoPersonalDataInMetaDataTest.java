package org.greffe.registry.application;

import org.greffe.registry.application.docket.DocketImport;
import org.greffe.registry.application.docket.DocketImportSettings;
import org.greffe.registry.application.docket.InMemoryDocketPorts;
import org.greffe.registry.application.docket.ImportSource;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The sibling of shared-events' {@code NoPersonalDataTest} for event metadata: the set of keys is closed, and each
 * value, whatever the client sent, is stored in a fixed format that cannot hold a name. Runs on what
 * {@link RequestContext#metaData()} produces for contexts built the way each door builds them; the formats are
 * written out here rather than taken from the code under test.
 */
class NoPersonalDataInMetaDataTest {

    private static final Set<String> KEYS = Set.of("user", "correlationId", "idempotencyKey", "source");
    private static final Pattern USER = Pattern.compile(
            "[A-Za-z0-9][A-Za-z0-9._:-]{0,63}|hmac-sha256:[0-9a-f]{64}");
    private static final Pattern REFERENCE = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}"
            + "-[0-9a-f]{12}|import-[0-9a-f]{64}|hmac-sha256:[0-9a-f]{64}");
    private static final Set<String> SOURCES = Set.of("api", "import", "scenario");

    private static final List<String> CLIENT_VALUES = List.of("Aminata Traore", "Aminata.Traore.76000000",
            "aminata.traore@example.org", "+223 76 00 00 00", "76000000", "Aïssata Traoré", "fatoumata_diarra",
            "file-rg-2019-0042", "clerk-session-42", "DF200AF4-29BF-43FE-BFC9-50DB8C7E5E58",
            "df200af4-29bf-43fe-bfc9-50db8c7e5e58", "import-" + "0".repeat(64), "hmac-sha256:" + "0".repeat(64),
            "416d696e61746120547261", "x".repeat(255), "'; DROP TABLE registry_idempotency; --", "😀", "a", "-");

    private final ClientReferences references = new ClientReferences(new byte[32]);

    @Test
    void theApiStoresOnlyFixedFormatsWhateverTheClientSent() {
        List<String> offending = new ArrayList<>();
        for (String value : clientValues()) {
            for (String source : SOURCES) {
                check(references.context(value, value, value, source).metaData(), value, offending);
            }
            check(references.context("clerk", value, null, "api").metaData(), value, offending);
        }
        assertThat(offending).as("metadata a client could fill with free text").isEmpty();
    }

    @Test
    void aClientValueIsStoredAsSentOnlyWhenItIsACanonicalUuid() {
        for (String value : clientValues()) {
            Map<String, String> metaData = references.context("clerk", value, value, "api").metaData();
            boolean uuid = value.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
            assertThat(metaData.get("correlationId").equals(value)).as(value).isEqualTo(uuid);
            assertThat(metaData.get("idempotencyKey").equals(value)).as(value).isEqualTo(uuid);
        }
    }

    @Test
    void theImportStoresItsRowKeysAndAGeneratedCorrelationId() {
        InMemoryDocketPorts ports = new InMemoryDocketPorts();
        DocketImport docketImport = ports.docketImport(Clock.systemUTC(),
                new DocketImportSettings(1_000_000, 10, 10, 10, 10));
        String csv = "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,"
                + "accusedGroup,hearing,hearingKind,reason,verdict,toTribunalId\n"
                + "RP-2019-0117,kati,FILED,2019-02-11,,RAPE,1,0,0,0,UNIDENTIFIED,,,,,,\n"
                + "RP-2019-0117,kati,HEARING_SCHEDULED,2019-06-04" + ",".repeat(9) + "H1,TRIAL,,,\n";
        ImportSource source = new ImportSource(references.user("cli:Aminata Traore"), "import", "docket.csv");

        assertThat(docketImport.importCsv(new StringReader(csv), source).accepted()).isEqualTo(2);
        List<String> offending = new ArrayList<>();
        for (var event : ports.events()) {
            Map<String, String> metaData = new java.util.HashMap<>();
            event.getMetaData().forEach((key, value) -> metaData.put(key, String.valueOf(value)));
            check(metaData, "cli:Aminata Traore", offending);
        }
        assertThat(ports.events()).hasSize(2);
        assertThat(offending).isEmpty();
    }

    @Test
    void noDoorCanBypassTheStoredForms() {
        assertThatThrownBy(() -> new RequestContext("clerk", "Aminata.Traore.76000000", null, "api"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("Aminata");
        assertThatThrownBy(() -> new RequestContext("clerk", UUID.randomUUID().toString(), "file-rg-2019-0042",
                "api")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestContext("Aminata Traore", UUID.randomUUID().toString(), null, "api"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RequestContext("clerk", UUID.randomUUID().toString(), null, "Aminata"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ImportSource("aminata.traore@example.org", "import", "docket.csv"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeysCopiedOntoEveryEventAreTheClosedSet() {
        assertThat(MetaDataKeys.ALL).containsExactlyInAnyOrderElementsOf(KEYS);
    }

    /** The listed values, and a few hundred random ones from a fixed seed. */
    private static List<String> clientValues() {
        List<String> values = new ArrayList<>(CLIENT_VALUES);
        Random random = new Random(20200603);
        for (int i = 0; i < 300; i++) {
            StringBuilder value = new StringBuilder();
            int length = 1 + random.nextInt(80);
            for (int c = 0; c < length; c++) {
                value.append(random.nextInt(8) == 0 ? (char) (0xA0 + random.nextInt(0x500))
                        : (char) (0x21 + random.nextInt(0x5E)));
            }
            values.add(value.toString());
        }
        return values;
    }

    private static void check(Map<String, String> metaData, String sent, List<String> offending) {
        if (!KEYS.containsAll(metaData.keySet())) {
            offending.add(sent + ": keys " + metaData.keySet());
        }
        if (!USER.matcher(metaData.get("user")).matches()) {
            offending.add(sent + ": user " + metaData.get("user"));
        }
        if (!REFERENCE.matcher(metaData.get("correlationId")).matches()) {
            offending.add(sent + ": correlationId " + metaData.get("correlationId"));
        }
        String key = metaData.get("idempotencyKey");
        if (key != null && !REFERENCE.matcher(key).matches()) {
            offending.add(sent + ": idempotencyKey " + key);
        }
        if (!SOURCES.contains(metaData.get("source"))) {
            offending.add(sent + ": source " + metaData.get("source"));
        }
    }
}
