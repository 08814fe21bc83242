package org.greffe.registry.application.docket;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.CaseId;
import org.greffe.events.DismissalReason;
import org.greffe.events.HearingId;
import org.greffe.events.HearingKind;
import org.greffe.events.OffenceCategory;
import org.greffe.events.ReopeningReason;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Verdict;
import org.greffe.events.Victims;
import org.greffe.registry.model.AdjournHearing;
import org.greffe.registry.model.CaseCommand;
import org.greffe.registry.model.DismissCase;
import org.greffe.registry.model.DocketNumbers;
import org.greffe.registry.model.FileCase;
import org.greffe.registry.model.HoldHearing;
import org.greffe.registry.model.IssueJudgment;
import org.greffe.registry.model.ReopenCase;
import org.greffe.registry.model.ResumeCase;
import org.greffe.registry.model.ScheduleHearing;
import org.greffe.registry.model.SuspendCase;
import org.greffe.registry.model.TransferCase;
import org.greffe.registry.model.WithdrawCase;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

/**
 * What a docket row says happened, with the values of its event columns: one record per {@link DocketEvent}, each
 * turning into the command that records it, as the matching request of the API would. {@link DocketCells} makes
 * them from a row's cells.
 */
sealed interface DocketEntry {

    /** The command that records this entry on the case, as the row states it. */
    CaseCommand command(CaseId caseId, DocketRow row);

    /** The id of the hearing a reference names within the case; the same reference always names the same hearing. */
    static HearingId hearingId(CaseId caseId, String reference) {
        return new HearingId(nameUuid("greffe-hearing:" + caseId.value() + ":" + reference.toUpperCase(Locale.ROOT)));
    }

    /**
     * The id a case filed by a docket row gets: derived from its tribunal and docket number, so that importing the
     * same filing again addresses the same case.
     */
    static CaseId filedCaseId(TribunalId tribunalId, String docketNumber) {
        return new CaseId(nameUuid("greffe-docket:" + tribunalId.value() + ":"
                + DocketNumbers.normalized(docketNumber)));
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** An entry about one hearing of the case, named by the clerk's reference. */
    sealed interface OfHearing extends DocketEntry {

        /** The clerk's reference of the hearing, unique within the case. */
        String hearing();

        /** The hearing's id within the case. */
        default HearingId hearingId(CaseId caseId) {
            return DocketEntry.hearingId(caseId, hearing());
        }
    }

    /**
     * FILED: the case is filed on the row's date.
     *
     * @param incidentOn   date of the incident, or null
     * @param offence      offence category
     * @param victims      victims as counts
     * @param accused      affiliation of the accused
     * @param accusedGroup armed group code, or null
     */
    record Filed(LocalDate incidentOn, OffenceCategory offence, Victims victims, AccusedAffiliation accused,
                 String accusedGroup) implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new FileCase(caseId, row.docketNumber(), row.tribunalId(), row.date(), incidentOn, offence,
                    victims, accused, accusedGroup);
        }
    }

    /**
     * HEARING_SCHEDULED: a hearing is set for the row's date.
     *
     * @param hearing the clerk's reference of the hearing
     * @param kind    preliminary or trial
     */
    record HearingScheduled(String hearing, HearingKind kind) implements OfHearing {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new ScheduleHearing(caseId, hearingId(caseId), kind, row.date(), null);
        }
    }

    /**
     * HEARING_ADJOURNED: the hearing was adjourned on the row's date.
     *
     * @param hearing the clerk's reference of the hearing
     * @param reason  why
     */
    record HearingAdjourned(String hearing, AdjournmentReason reason) implements OfHearing {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new AdjournHearing(caseId, hearingId(caseId), row.date(), reason, null);
        }
    }

    /**
     * HEARING_HELD: the hearing was held on the row's date.
     *
     * @param hearing the clerk's reference of the hearing
     */
    record HearingHeld(String hearing) implements OfHearing {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new HoldHearing(caseId, hearingId(caseId), row.date(), null);
        }
    }

    /**
     * JUDGMENT: judged on the row's date.
     *
     * @param verdict the verdict
     */
    record Judgment(Verdict verdict) implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new IssueJudgment(caseId, row.date(), verdict, null);
        }
    }

    /**
     * DISMISSED: dismissed on the row's date.
     *
     * @param reason why
     */
    record Dismissed(DismissalReason reason) implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new DismissCase(caseId, row.date(), reason, null);
        }
    }

    /** WITHDRAWN: withdrawn on the row's date; the key columns say it all. */
    record Withdrawn() implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new WithdrawCase(caseId, row.date(), null);
        }
    }

    /**
     * TRANSFERRED: sent to another tribunal on the row's date.
     *
     * @param toTribunalId the receiving tribunal
     */
    record Transferred(TribunalId toTribunalId) implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new TransferCase(caseId, row.date(), toTribunalId, null);
        }
    }

    /**
     * SUSPENDED: suspended on the row's date.
     *
     * @param reason why
     */
    record Suspended(SuspensionReason reason) implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new SuspendCase(caseId, row.date(), reason, null);
        }
    }

    /** RESUMED: resumed on the row's date; the key columns say it all. */
    record Resumed() implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new ResumeCase(caseId, row.date(), null);
        }
    }

    /**
     * REOPENED: reopened on the row's date.
     *
     * @param reason why
     */
    record Reopened(ReopeningReason reason) implements DocketEntry {

        @Override
        public CaseCommand command(CaseId caseId, DocketRow row) {
            return new ReopenCase(caseId, row.date(), reason, null);
        }
    }
}
