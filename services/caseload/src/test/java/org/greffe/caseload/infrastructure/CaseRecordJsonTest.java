package org.greffe.caseload.infrastructure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.greffe.events.AccusedAffiliation;
import org.greffe.events.CaseFiled;
import org.greffe.events.CaseId;
import org.greffe.events.CaseSuspended;
import org.greffe.events.CaseTransferred;
import org.greffe.events.HearingHeld;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.HearingScheduled;
import org.greffe.events.OffenceCategory;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Victims;
import org.greffe.measures.CaseRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The JSON a case record is stored as in {@code caseload_case.record}: what is written is read back the same. */
class CaseRecordJsonTest {

    private final ObjectMapper json = CaseloadConfiguration.recordJson();

    @Test
    void aRecordReadsBackAsItWasWrittenVictimsAndAccusedIncluded() throws Exception {
        CaseRecord record = record();
        String stored = json.writeValueAsString(record);
        assertThat(json.readValue(stored, CaseRecord.class)).isEqualTo(record);
        assertThat(json.readTree(stored).get("victims").toString())
                .isEqualTo("{\"women\":2,\"girls\":1,\"men\":0,\"boys\":3}");
        assertThat(json.readTree(stored).get("accused").asText()).isEqualTo("NON_STATE_ARMED_GROUP");
    }

    @Test
    void aRecordStoredBeforeVictimsAndAccusedWereKeptCannotBeRead() throws Exception {
        // Why V2__replay_for_victims_and_accused.sql forgets the records: read, they would count nowhere.
        ObjectNode old = json.valueToTree(record());
        old.remove("victims");
        old.remove("accused");
        assertThatThrownBy(() -> json.treeToValue(old, CaseRecord.class)).isInstanceOf(JsonProcessingException.class);
    }

    private static CaseRecord record() {
        CaseId id = new CaseId("c1");
        HearingId trial = new HearingId("c1-h1");
        CaseRecord record = CaseRecord.filed(new CaseFiled(id, "R-1", new TribunalId("mopti"), LocalDate.of(2019, 3, 1),
                LocalDate.of(2018, 12, 24), OffenceCategory.SEXUAL_SLAVERY, new Victims(2, 1, 0, 3),
                AccusedAffiliation.NON_STATE_ARMED_GROUP, "MNLA"), 0);
        record = record.apply(new HearingScheduled(id, trial, HearingKind.TRIAL, LocalDate.of(2019, 5, 2)), 1);
        record = record.apply(new HearingHeld(id, trial, LocalDate.of(2019, 5, 2)), 2);
        record = record.apply(new CaseTransferred(id, LocalDate.of(2019, 6, 3), new TribunalId("mopti"),
                new TribunalId("gao")), 3);
        return record.apply(new CaseSuspended(id, LocalDate.of(2019, 7, 1), SuspensionReason.ACCUSED_AT_LARGE), 4);
    }
}
