package org.greffe.registry.application.docket;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.greffe.registry.application.docket.DocketRowTest.parse;

/** The same row has the same fingerprint however it is written, and every version the same key for it. */
class DocketFingerprintTest {

    @Test
    void theFingerprintIsTheSameForTheSameRowHoweverItIsWritten() {
        DocketRow row = parse(Map.of("event", "HEARING_HELD", "hearing", "H1"));
        DocketRow sameRow = parse(Map.of("event", "HEARING_HELD", "hearing", " h1 ", "docketNumber", "rp-2019-0117"));
        DocketRow otherDate = parse(Map.of("event", "HEARING_HELD", "hearing", "H1", "date", "2019-06-05"));

        assertThat(row.fingerprint().value()).hasSize(64).isEqualTo(sameRow.fingerprint().value())
                                     .isNotEqualTo(otherDate.fingerprint().value());
        assertThat(row.fingerprint().idempotencyKey()).isEqualTo("import-" + row.fingerprint().value());
    }

    @Test
    void aRowHasTheIdempotencyKeyEarlierVersionsRecordedForIt() {
        // Pinned: a file imported before an upgrade must be recognised after it, so the key never changes form.
        DocketRow row = parse(Map.of("event", "HEARING_HELD", "hearing", "H1"));
        assertThat(row.fingerprint().idempotencyKey())
                .isEqualTo("import-4428caec3363cd6ef75f4d3262d487d9136a2c141833125196d32d2703775ca2");
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "FILED;incidentOn=2018-11-30,offence=RAPE,women=1,girls=2,men=0,boys=0,accused=NON_STATE_ARMED_GROUP,"
                + "accusedGroup=MSA;"
                + "import-6e88649cb4caa15e26f79da6224fa2bcfdc4150fbe1398086eaeb756d651345c",
        "FILED;offence=SEXUAL_SLAVERY,women=0,girls=0,men=1,boys=0,accused=UNIDENTIFIED;"
                + "import-1e41f3f1183aca6f1faf8b92b20f43e9c80964d225515b204a429bacfb9b929c",
        "HEARING_SCHEDULED;hearing=h1,hearingKind=TRIAL;"
                + "import-a7c4cc71caf8b26d81705e2b9fad08d2e39cfbc8a99d2ef4f8aaab07da983be5",
        "HEARING_ADJOURNED;hearing=H1,reason=ACCUSED_ABSENT;"
                + "import-55f033b915e9180c7e6dfae8f580f915b89a5f28dd69203f804a3fb0a65400a4",
        "JUDGMENT;verdict=CONVICTION;import-1dbff932c03ef45b2172253c8cc7a94893d5f1c27c19448564cb6a593b697fc9",
        "DISMISSED;reason=TIME_BARRED;"
                + "import-86fb81f5878b785f78e4f435daea092c94ce13b5f39415406785cbb4125c2690",
        "WITHDRAWN;;import-f6ced6bee783aac2459b534a49d81988062f671a8af8c444690ebcd69d776f5e",
        "TRANSFERRED;toTribunalId=mopti;"
                + "import-8176ca449c62e22ab9ef81ef3ec8003501f48d3e232376d20848a1880f5c4bf3",
        "SUSPENDED;reason=ACCUSED_AT_LARGE;"
                + "import-3e758bea1f8b9e7edfa52d2ef911b5dab21dcfe58247181bf598a1ceeb0a4113",
        "RESUMED;;import-948bd4eb1e7bc7ecd61cd61ca298355e7f8a3e402f84f22f5f55e9494893244a",
        "REOPENED;reason=NEW_EVIDENCE;"
                + "import-ad34ad1b76438112531f56d94f15a84259fb7721ec81db16bcd8821efd3639dc"})
    void everyKindOfRowKeepsTheIdempotencyKeyEarlierVersionsRecordedForIt(String event, String columns, String key) {
        Map<String, String> values = new HashMap<>();
        values.put("event", event);
        if (columns != null) {
            for (String column : columns.split(",")) {
                values.put(column.substring(0, column.indexOf('=')), column.substring(column.indexOf('=') + 1));
            }
        }
        assertThat(parse(values).fingerprint().idempotencyKey()).isEqualTo(key);
    }
}
