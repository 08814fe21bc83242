package org.greffe.registry.application;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * One data row of a docket file with every value checked for shape and converted. Whether it fits the case (dates,
 * state, known tribunal) is the aggregate's to decide when the row's command runs, exactly as for the HTTP API.
 *
 * @param line         physical line in the file
 * @param event        what happened
 * @param tribunalId   tribunal where the case was filed (kept on every row of the case, even after a transfer)
 * @param docketNumber the case's docket number at that tribunal, as written
 * @param date         effective date: filing date, date the hearing is set for, or date it happened
 * @param incidentOn   FILED: date of the incident, or null
 * @param offence      FILED: offence category
 * @param victims      FILED: victims as counts
 * @param accused      FILED: affiliation of the accused
 * @param accusedGroup FILED: armed group code, or null
 * @param hearing      HEARING_*: the clerk's reference of the hearing, unique within the case
 * @param hearingKind  HEARING_SCHEDULED: preliminary or trial
 * @param reason       the reason code of an adjournment, dismissal, suspension or reopening
 * @param verdict      JUDGMENT: the verdict
 * @param toTribunalId TRANSFERRED: the receiving tribunal
 */
record DocketRow(long line, DocketEvent event, TribunalId tribunalId, String docketNumber, LocalDate date,
                 LocalDate incidentOn, OffenceCategory offence, Victims victims, AccusedAffiliation accused,
                 String accusedGroup, String hearing, HearingKind hearingKind, Enum<?> reason, Verdict verdict,
                 TribunalId toTribunalId) {

    private static final Pattern ID = Pattern.compile(Patterns.ID);
    private static final Pattern DOCKET = Pattern.compile(Patterns.DOCKET);
    private static final Pattern GROUP = Pattern.compile(Patterns.GROUP);
    private static final Pattern HEARING = Pattern.compile(Patterns.HEARING);
    private static final Pattern COUNT = Pattern.compile("\\d{1,5}");

    /**
     * Checks and converts a row as read.
     *
     * @throws InvalidRow naming every column that is wrong
     */
    static DocketRow parse(DocketFile.Row row) {
        if (row.size() != DocketFile.COLUMNS.size()) {
            throw new InvalidRow("the row has " + row.size() + " values where the header has "
                    + DocketFile.COLUMNS.size() + " columns");
        }
        Values values = new Values(row.values());
        DocketEvent event = values.required("event", "", text -> code(DocketEvent.class, text));
        String docketNumber = values.required("docketNumber", "", text -> matching(DOCKET, Patterns.DOCKET_MESSAGE,
                text));
        TribunalId tribunalId = values.required("tribunalId", "", DocketRow::tribunal);
        LocalDate date = values.required("date", "", DocketRow::date);
        if (event == null) {
            values.throwIfInvalid();
        }
        String forEvent = " for a " + event + " row";
        for (String column : DocketFile.EVENT_COLUMNS) {
            if (!event.uses(column) && values.text(column) != null) {
                values.error(column, "must be empty" + forEvent + " (got '" + abbreviated(values.text(column)) + "')");
            }
        }
        LocalDate incidentOn = null;
        OffenceCategory offence = null;
        Victims victims = null;
        AccusedAffiliation accused = null;
        String accusedGroup = null;
        String hearing = null;
        HearingKind hearingKind = null;
        Enum<?> reason = null;
        Verdict verdict = null;
        TribunalId toTribunalId = null;
        switch (event) {
            case FILED -> {
                incidentOn = values.optional("incidentOn", DocketRow::date);
                offence = values.required("offence", forEvent, text -> code(OffenceCategory.class, text));
                victims = victims(values, forEvent);
                accused = values.required("accused", forEvent, text -> code(AccusedAffiliation.class, text));
                accusedGroup = values.optional("accusedGroup", text -> matching(GROUP, Patterns.GROUP_MESSAGE, text));
            }
            case HEARING_SCHEDULED -> {
                hearing = values.required("hearing", forEvent, DocketRow::hearingReference);
                hearingKind = values.required("hearingKind", forEvent, text -> code(HearingKind.class, text));
            }
            case HEARING_ADJOURNED -> {
                hearing = values.required("hearing", forEvent, DocketRow::hearingReference);
                reason = values.required("reason", forEvent, text -> code(AdjournmentReason.class, text));
            }
            case HEARING_HELD -> hearing = values.required("hearing", forEvent, DocketRow::hearingReference);
            case JUDGMENT -> verdict = values.required("verdict", forEvent, text -> code(Verdict.class, text));
            case DISMISSED -> reason = values.required("reason", forEvent, text -> code(DismissalReason.class, text));
            case TRANSFERRED -> toTribunalId = values.required("toTribunalId", forEvent, DocketRow::tribunal);
            case SUSPENDED -> reason = values.required("reason", forEvent, text -> code(SuspensionReason.class, text));
            case REOPENED -> reason = values.required("reason", forEvent, text -> code(ReopeningReason.class, text));
            case WITHDRAWN, RESUMED -> {
                // the key columns say it all
            }
        }
        values.throwIfInvalid();
        return new DocketRow(row.line(), event, tribunalId, docketNumber, date, incidentOn, offence, victims, accused,
                accusedGroup, hearing, hearingKind, reason, verdict, toTribunalId);
    }

    /**
     * The id a case filed by a docket row gets: derived from its tribunal and docket number, so that importing the
     * same filing again addresses the same case.
     */
    static CaseId filedCaseId(TribunalId tribunalId, String docketNumber) {
        return new CaseId(nameUuid("greffe-docket:" + tribunalId.value() + ":"
                + DocketNumbers.normalized(docketNumber)));
    }

    /** The id of the hearing this row names within the case; the same reference always names the same hearing. */
    HearingId hearingId(CaseId caseId) {
        return new HearingId(nameUuid("greffe-hearing:" + caseId.value() + ":" + hearing.toUpperCase(Locale.ROOT)));
    }

    /** The command that records the row's event on the case. */
    CaseCommand command(CaseId caseId) {
        return switch (event) {
            case FILED -> new FileCase(caseId, docketNumber, tribunalId, date, incidentOn, offence, victims, accused,
                    accusedGroup);
            case HEARING_SCHEDULED -> new ScheduleHearing(caseId, hearingId(caseId), hearingKind, date, null);
            case HEARING_ADJOURNED -> new AdjournHearing(caseId, hearingId(caseId), date, (AdjournmentReason) reason,
                    null);
            case HEARING_HELD -> new HoldHearing(caseId, hearingId(caseId), date, null);
            case JUDGMENT -> new IssueJudgment(caseId, date, verdict, null);
            case DISMISSED -> new DismissCase(caseId, date, (DismissalReason) reason, null);
            case WITHDRAWN -> new WithdrawCase(caseId, date, null);
            case TRANSFERRED -> new TransferCase(caseId, date, toTribunalId, null);
            case SUSPENDED -> new SuspendCase(caseId, date, (SuspensionReason) reason, null);
            case RESUMED -> new ResumeCase(caseId, date, null);
            case REOPENED -> new ReopenCase(caseId, date, (ReopeningReason) reason, null);
        };
    }

    /**
     * SHA-256 of the row's values in a canonical form: docket number and hearing reference normalised, whatever the
     * column order, spacing or quoting of the file. The same row imported again has the same fingerprint.
     */
    String fingerprint() {
        String canonical = Stream.of(event, tribunalId, DocketNumbers.normalized(docketNumber), date, incidentOn,
                        offence, victims == null ? null : victims.women(), victims == null ? null : victims.girls(),
                        victims == null ? null : victims.men(), victims == null ? null : victims.boys(), accused,
                        accusedGroup, hearing == null ? null : hearing.toUpperCase(Locale.ROOT), hearingKind, reason,
                        verdict, toTribunalId)
                .map(value -> Objects.toString(value, ""))
                .collect(Collectors.joining("|"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The idempotency key of the row's command: importing the same row twice records it once. */
    String idempotencyKey() {
        return "import-" + fingerprint();
    }

    private static Victims victims(Values values, String forEvent) {
        Integer women = values.required("women", forEvent, DocketRow::count);
        Integer girls = values.required("girls", forEvent, DocketRow::count);
        Integer men = values.required("men", forEvent, DocketRow::count);
        Integer boys = values.required("boys", forEvent, DocketRow::count);
        if (women == null || girls == null || men == null || boys == null) {
            return null;
        }
        try {
            return new Victims(women, girls, men, boys);
        } catch (IllegalArgumentException e) {
            values.error("women, girls, men, boys", e.getMessage());
            return null;
        }
    }

    private static String nameUuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    private static <E extends Enum<E>> E code(Class<E> codes, String text) {
        try {
            return Enum.valueOf(codes, text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be one of " + Arrays.toString(codes.getEnumConstants())
                    + " (got '" + abbreviated(text) + "')");
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("must be a date as YYYY-MM-DD (got '" + abbreviated(text) + "')");
        }
    }

    private static Integer count(String text) {
        if (!COUNT.matcher(text).matches() || Integer.parseInt(text) > Victims.MAX_PER_GROUP) {
            throw new IllegalArgumentException("must be a whole number from 0 to " + Victims.MAX_PER_GROUP
                    + " (got '" + abbreviated(text) + "')");
        }
        return Integer.valueOf(text);
    }

    private static TribunalId tribunal(String text) {
        return new TribunalId(matching(ID, Patterns.ID_MESSAGE, text));
    }

    private static String hearingReference(String text) {
        return matching(HEARING, Patterns.HEARING_MESSAGE, text);
    }

    private static String matching(Pattern pattern, String message, String text) {
        if (!pattern.matcher(text).matches()) {
            throw new IllegalArgumentException(message + " (got '" + abbreviated(text) + "')");
        }
        return text;
    }

    /** Echoes at most a little of what was written: enough to spot a typo, never a flood. */
    private static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    /** The values of a row, and what is wrong with them so far. */
    private static final class Values {

        private final Map<String, String> byColumn;
        private final List<String> errors = new ArrayList<>();

        Values(Map<String, String> byColumn) {
            this.byColumn = byColumn;
        }

        /** The value without surrounding blanks, or null when the cell is empty. */
        String text(String column) {
            String value = byColumn.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        <T> T required(String column, String forEvent, Function<String, T> convert) {
            if (text(column) == null) {
                error(column, "is required" + forEvent);
                return null;
            }
            return optional(column, convert);
        }

        <T> T optional(String column, Function<String, T> convert) {
            String text = text(column);
            if (text == null) {
                return null;
            }
            try {
                return convert.apply(text);
            } catch (IllegalArgumentException e) {
                error(column, e.getMessage());
                return null;
            }
        }

        void error(String column, String message) {
            errors.add(column + ": " + message);
        }

        void throwIfInvalid() {
            if (!errors.isEmpty()) {
                throw new InvalidRow(String.join("; ", errors));
            }
        }
    }

    /** The row's values do not have the shape its columns need. */
    static final class InvalidRow extends RuntimeException {

        InvalidRow(String message) {
            super(message);
        }
    }
}
