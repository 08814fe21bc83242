package org.greffe.registry.application.docket;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.DismissalReason;
import org.greffe.events.HearingKind;
import org.greffe.events.OffenceCategory;
import org.greffe.events.ReopeningReason;
import org.greffe.events.SuspensionReason;
import org.greffe.events.TribunalId;
import org.greffe.events.Verdict;
import org.greffe.events.Victims;
import org.greffe.registry.application.Patterns;
import org.greffe.registry.application.Words;
import org.greffe.registry.model.Wording;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the cells of a docket row: each value checked for its column's shape and converted, every wrong column
 * named at once, and a value in a column the row's event does not use refused rather than silently dropped. What
 * the values mean is {@link DocketEntry}'s.
 */
final class DocketCells {

    private static final Pattern ID = Pattern.compile(Patterns.ID);
    private static final Pattern DOCKET = Pattern.compile(Patterns.DOCKET);
    private static final Pattern GROUP = Pattern.compile(Patterns.GROUP);
    private static final Pattern HEARING = Pattern.compile(Patterns.HEARING);
    private static final Pattern COUNT = Pattern.compile("\\d{1,5}");

    private DocketCells() {
    }

    /**
     * Checks and converts a row as read.
     *
     * @throws InvalidRow naming every column that is wrong
     */
    static DocketRow parse(DocketFile.Row row) {
        if (row.size() != DocketFile.COLUMNS.size()) {
            String english = "the row has " + row.size() + " values where the header has "
                    + DocketFile.COLUMNS.size() + " columns";
            throw new InvalidRow(english, ImportReport.Reason.worded(Wording.of("import.row-size", row.size(),
                    DocketFile.COLUMNS.size()), english));
        }
        Values values = new Values(row.values());
        DocketEvent event = values.required("event", null, text -> code(DocketEvent.class, text));
        String docketNumber = values.required("docketNumber", null, text -> matching(DOCKET,
                Patterns.DOCKET_MESSAGE, text));
        TribunalId tribunalId = values.required("tribunalId", null, DocketCells::tribunal);
        LocalDate date = values.required("date", null, DocketCells::date);
        if (event == null) {
            values.throwIfInvalid();
        }
        for (String column : DocketFile.EVENT_COLUMNS) {
            if (!event.uses(column) && values.text(column) != null) {
                String got = abbreviated(values.text(column));
                values.error(column, "must be empty for a " + event + " row (got '" + got + "')",
                        Wording.of("import.must-be-empty", event, got));
            }
        }
        DocketEntry entry = entry(event, values, event);
        values.throwIfInvalid();
        return new DocketRow(row.line(), event, tribunalId, docketNumber, date, entry,
                DocketFingerprint.of(values.converted()));
    }

    private static DocketEntry entry(DocketEvent event, Values values, DocketEvent forEvent) {
        return switch (event) {
            case FILED -> new DocketEntry.Filed(values.optional("incidentOn", DocketCells::date),
                    values.required("offence", forEvent, text -> code(OffenceCategory.class, text)),
                    victims(values, forEvent),
                    values.required("accused", forEvent, text -> code(AccusedAffiliation.class, text)),
                    values.optional("accusedGroup", text -> matching(GROUP, Patterns.GROUP_MESSAGE, text)));
            case HEARING_SCHEDULED -> new DocketEntry.HearingScheduled(hearing(values, forEvent),
                    values.required("hearingKind", forEvent, text -> code(HearingKind.class, text)));
            case HEARING_ADJOURNED -> new DocketEntry.HearingAdjourned(hearing(values, forEvent),
                    values.required("reason", forEvent, text -> code(AdjournmentReason.class, text)));
            case HEARING_HELD -> new DocketEntry.HearingHeld(hearing(values, forEvent));
            case JUDGMENT -> new DocketEntry.Judgment(values.required("verdict", forEvent,
                    text -> code(Verdict.class, text)));
            case DISMISSED -> new DocketEntry.Dismissed(values.required("reason", forEvent,
                    text -> code(DismissalReason.class, text)));
            case WITHDRAWN -> new DocketEntry.Withdrawn();
            case TRANSFERRED -> new DocketEntry.Transferred(values.required("toTribunalId", forEvent,
                    DocketCells::tribunal));
            case SUSPENDED -> new DocketEntry.Suspended(values.required("reason", forEvent,
                    text -> code(SuspensionReason.class, text)));
            case RESUMED -> new DocketEntry.Resumed();
            case REOPENED -> new DocketEntry.Reopened(values.required("reason", forEvent,
                    text -> code(ReopeningReason.class, text)));
        };
    }

    private static String hearing(Values values, DocketEvent forEvent) {
        return values.required("hearing", forEvent, text -> matching(HEARING, Patterns.HEARING_MESSAGE, text));
    }

    private static Victims victims(Values values, DocketEvent forEvent) {
        Integer women = values.required("women", forEvent, DocketCells::count);
        Integer girls = values.required("girls", forEvent, DocketCells::count);
        Integer men = values.required("men", forEvent, DocketCells::count);
        Integer boys = values.required("boys", forEvent, DocketCells::count);
        if (women == null || girls == null || men == null || boys == null) {
            return null;
        }
        try {
            return new Victims(women, girls, men, boys);
        } catch (IllegalArgumentException e) {
            values.error("women, girls, men, boys", e.getMessage(), null);
            return null;
        }
    }

    private static <E extends Enum<E>> E code(Class<E> codes, String text) {
        try {
            return Enum.valueOf(codes, text);
        } catch (IllegalArgumentException e) {
            String got = abbreviated(text);
            String allowed = Arrays.toString(codes.getEnumConstants());
            throw new CellRefused("must be one of " + allowed + " (got '" + got + "')",
                    Wording.of("import.one-of", allowed, got));
        }
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            String got = abbreviated(text);
            throw new CellRefused("must be a date as YYYY-MM-DD (got '" + got + "')", Wording.of("import.date", got));
        }
    }

    private static Integer count(String text) {
        if (!COUNT.matcher(text).matches() || Integer.parseInt(text) > Victims.MAX_PER_GROUP) {
            String got = abbreviated(text);
            throw new CellRefused("must be a whole number from 0 to " + Victims.MAX_PER_GROUP + " (got '" + got
                    + "')", Wording.of("import.count", Victims.MAX_PER_GROUP, got));
        }
        return Integer.valueOf(text);
    }

    private static TribunalId tribunal(String text) {
        return new TribunalId(matching(ID, Patterns.ID_MESSAGE, text));
    }

    private static String matching(Pattern pattern, String message, String text) {
        if (!pattern.matcher(text).matches()) {
            String got = abbreviated(text);
            throw new CellRefused(message + " (got '" + got + "')",
                    Patterns.wording(message).map(said -> Wording.of("import.got", said, got)).orElse(null));
        }
        return text;
    }

    /** Echoes at most a little of what was written: enough to spot a typo, never a flood. */
    private static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 40 ? printable : printable.substring(0, 40) + "...";
    }

    /** The cells of a row, their converted values, and what is wrong with them so far. */
    private static final class Values {

        private final Map<String, String> byColumn;
        private final Map<String, Object> converted = new HashMap<>();
        private final List<CellError> errors = new ArrayList<>();

        Values(Map<String, String> byColumn) {
            this.byColumn = byColumn;
        }

        /** The value without surrounding blanks, or null when the cell is empty. */
        String text(String column) {
            String value = byColumn.get(column);
            return value == null || value.isBlank() ? null : value.strip();
        }

        /** A cell that must hold a value: in every row ({@code forEvent} null), or in a row of that event. */
        <T> T required(String column, DocketEvent forEvent, Function<String, T> convert) {
            if (text(column) == null) {
                if (forEvent == null) {
                    error(column, "is required", Wording.of("import.required"));
                } else {
                    error(column, "is required for a " + forEvent + " row", Wording.of("import.required-for",
                            forEvent));
                }
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
                T value = convert.apply(text);
                converted.put(column, value);
                return value;
            } catch (CellRefused e) {
                error(column, e.getMessage(), e.wording);
                return null;
            } catch (IllegalArgumentException e) {
                error(column, e.getMessage(), null);
                return null;
            }
        }

        /** Every value converted so far, by column. */
        Map<String, Object> converted() {
            return converted;
        }

        void error(String column, String english, Wording wording) {
            errors.add(new CellError(column, english, wording));
        }

        void throwIfInvalid() {
            if (!errors.isEmpty()) {
                List<CellError> all = List.copyOf(errors);
                ImportReport.Reason reason = words -> all.stream().map(error -> error.column()
                        + words.say(Wording.of("rule.then"), ": ") + words.say(error.wording(), error.english()))
                                                         .collect(Collectors.joining("; "));
                throw new InvalidRow(reason.in(Words.ENGLISH), reason);
            }
        }
    }

    /** The row's values do not have the shape its columns need. */
    static final class InvalidRow extends RuntimeException {

        private final transient ImportReport.Reason reason;

        InvalidRow(String english, ImportReport.Reason reason) {
            super(english);
            this.reason = reason;
        }

        /** Every column that is wrong and why, in any language. */
        ImportReport.Reason reason() {
            return reason;
        }
    }

    /** What is wrong with one cell, in English and worded for other languages. */
    private record CellError(String column, String english, Wording wording) {
    }

    /** A cell that could not be converted, and why. */
    private static final class CellRefused extends IllegalArgumentException {

        private final transient Wording wording;

        CellRefused(String english, Wording wording) {
            super(english);
            this.wording = wording;
        }
    }
}
