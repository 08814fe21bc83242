package org.greffe.bench;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Invented cases, deterministic from their number, in the exact stored form of Greffe's events (payload JSON, type
 * and revision as the application's serializer writes them). Each case is filed, has a preliminary hearing, two
 * adjourned trial settings and a held trial, then is judged (most), dismissed (one in three) or left pending (one in
 * five): ten events or fewer, each valid under the case rules.
 */
final class SyntheticCases {

    static final List<String> TRIBUNALS = List.of("bamako-commune-i", "bamako-commune-ii", "bamako-commune-iii",
            "bamako-commune-iv", "bamako-commune-v", "bamako-commune-vi", "kati", "koulikoro", "kayes", "sikasso",
            "koutiala", "segou", "san", "mopti", "tombouctou", "gao", "kidal", "pole-judiciaire-specialise");
    private static final String[] OFFENCES = {"RAPE", "SEXUAL_SLAVERY", "FORCED_MARRIAGE", "RAPE",
        "OTHER_SEXUAL_VIOLENCE", "RAPE", "FORCED_PREGNANCY"};
    private static final String[] ACCUSED = {"NON_STATE_ARMED_GROUP", "STATE_FORCES", "UNIDENTIFIED"};
    private static final LocalDate FIRST_FILING = LocalDate.of(2012, 1, 1);

    /**
     * One stored event.
     *
     * @param caseId   aggregate identifier
     * @param sequence sequence number within the case
     * @param type     simple class name of the payload
     * @param revision payload revision
     * @param json     payload JSON
     */
    record Event(String caseId, int sequence, String type, String revision, String json) {

        byte[] payload() {
            return json.getBytes(StandardCharsets.UTF_8);
        }

        String payloadType() {
            return "org.greffe.events." + type;
        }
    }

    private SyntheticCases() {
    }

    static String caseId(long number) {
        return UUID.nameUUIDFromBytes(("bench-case-" + number).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static String tribunal(long number) {
        return TRIBUNALS.get((int) (number % TRIBUNALS.size()));
    }

    static LocalDate filedOn(long number) {
        return FIRST_FILING.plusDays(number * 37 % 3000);
    }

    /** The events of case {@code number}, in order. */
    static List<Event> events(long number) {
        return events(number, tribunal(number), number % 5 == 4);
    }

    /**
     * The events of case {@code number} of a backlogged tribunal: every case at {@code tribunal}, four in five left
     * pending (the forecast's docket: most cases waiting, a steady trickle judged or dismissed).
     */
    static List<Event> backlogged(long number, String tribunal) {
        return events(number, tribunal, number % 5 != 0);
    }

    private static List<Event> events(long number, String tribunal, boolean leftPending) {
        String caseId = caseId(number);
        LocalDate filed = filedOn(number);
        String accused = ACCUSED[(int) (number % ACCUSED.length)];
        List<Event> events = new ArrayList<>();
        events.add(new Event(caseId, 0, "CaseFiled", "2", ("{\"caseId\":\"%s\",\"docketNumber\":\"BENCH-%d-%d\","
                + "\"tribunalId\":\"%s\",\"filedOn\":\"%s\",\"incidentOn\":null,\"offence\":\"%s\","
                + "\"victims\":{\"women\":%d,\"girls\":%d,\"men\":0,\"boys\":0},\"accused\":\"%s\","
                + "\"accusedGroup\":%s}").formatted(caseId, filed.getYear(), number, tribunal, filed,
                OFFENCES[(int) (number % OFFENCES.length)], 1 + number % 3, number % 2, accused,
                accused.equals("NON_STATE_ARMED_GROUP") ? "\"CMA\"" : "null")));
        hearing(events, caseId, "PRELIMINARY", filed.plusDays(30), null);
        hearing(events, caseId, "TRIAL", filed.plusDays(90), "WITNESS_ABSENT");
        hearing(events, caseId, "TRIAL", filed.plusDays(150), "ACCUSED_ABSENT");
        if (leftPending) {
            return events;
        }
        hearing(events, caseId, "TRIAL", filed.plusDays(210), null);
        if (number % 3 == 0) {
            events.add(new Event(caseId, events.size(), "CaseDismissed", "1",
                    "{\"caseId\":\"%s\",\"on\":\"%s\",\"reason\":\"INSUFFICIENT_EVIDENCE\"}"
                            .formatted(caseId, filed.plusDays(240))));
        } else {
            events.add(new Event(caseId, events.size(), "JudgmentIssued", "1",
                    "{\"caseId\":\"%s\",\"on\":\"%s\",\"verdict\":\"CONVICTION\"}".formatted(caseId,
                            filed.plusDays(240))));
        }
        return events;
    }

    /** A scheduled hearing, then held on its date ({@code adjourned} null) or adjourned for that reason. */
    private static void hearing(List<Event> events, String caseId, String kind, LocalDate date, String adjourned) {
        String hearingId = UUID.nameUUIDFromBytes((caseId + "/" + events.size()).getBytes(StandardCharsets.UTF_8))
                               .toString();
        events.add(new Event(caseId, events.size(), "HearingScheduled", "1",
                "{\"caseId\":\"%s\",\"hearingId\":\"%s\",\"kind\":\"%s\",\"date\":\"%s\"}".formatted(caseId,
                        hearingId, kind, date)));
        events.add(adjourned == null
                ? new Event(caseId, events.size(), "HearingHeld", "1",
                "{\"caseId\":\"%s\",\"hearingId\":\"%s\",\"on\":\"%s\"}".formatted(caseId, hearingId, date))
                : new Event(caseId, events.size(), "HearingAdjourned", "1",
                "{\"caseId\":\"%s\",\"hearingId\":\"%s\",\"on\":\"%s\",\"reason\":\"%s\"}".formatted(caseId,
                        hearingId, date, adjourned)));
    }

    /** The header of a docket file. */
    static String docketHeader() {
        return "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,accusedGroup,"
                + "hearing,hearingKind,reason,verdict,toTribunalId\n";
    }

    /**
     * Docket rows for import case {@code number}: filed, a trial setting adjourned, a second one held; 5 events.
     * Docket numbers carry the run's {@code prefix}, so imports of separate runs never collide, then the filing year
     * and the case number, the shape the registry's default docket-number format asks for.
     */
    static String docketRows(String prefix, long number) {
        LocalDate filed = filedOn(number);
        String docket = prefix + "-" + filed.getYear() + "-" + number;
        String tribunal = tribunal(number);
        String accused = ACCUSED[(int) (number % ACCUSED.length)];
        String group = accused.equals("NON_STATE_ARMED_GROUP") ? "CMA" : "";
        return docket + "," + tribunal + ",FILED," + filed + ",," + OFFENCES[(int) (number % OFFENCES.length)]
                + ",1,0,0,0," + accused + "," + group + ",,,,,\n"
                + docket + "," + tribunal + ",HEARING_SCHEDULED," + filed.plusDays(90) + ",,,,,,,,,H1,TRIAL,,,\n"
                + docket + "," + tribunal + ",HEARING_ADJOURNED," + filed.plusDays(90)
                + ",,,,,,,,,H1,,WITNESS_ABSENT,,\n"
                + docket + "," + tribunal + ",HEARING_SCHEDULED," + filed.plusDays(150) + ",,,,,,,,,H2,TRIAL,,,\n"
                + docket + "," + tribunal + ",HEARING_HELD," + filed.plusDays(150) + ",,,,,,,,,H2,,,,\n";
    }

    /** Events per docket case. */
    static final int DOCKET_EVENTS_PER_CASE = 5;
}
