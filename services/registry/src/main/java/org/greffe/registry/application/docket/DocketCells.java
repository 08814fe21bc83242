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

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

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
            throw new InvalidRow("the row has " + row.size() + " values where the header has "
                    + DocketFile.COLUMNS.size() + " columns");
        }
        Values values = new Values(row.values());
        DocketEvent event = values.required("event", "", text -> code(DocketEvent.class, text));
        String docketNumber = values.required("docketNumber", "", text -> matching(DOCKET, Patterns.DOCKET_MESSAGE,
                text));
        TribunalId tribunalId = values.required("tribunalId", "", DocketCells::tribunal);
        LocalDate date = values.required("date", "", DocketCells::date);
        if (event == null) {
            values.throwIfInvalid();
        }
        String forEvent = " for a " + event + " row";
        for (String column : DocketFile.EVENT_COLUMNS) {
            if (!event.uses(column) && values.text(column) != null) {
                values.error(column, "must be empty" + forEvent + " (got '" + abbreviated(values.text(column)) + "')");
            }
        }
        DocketEntry entry = entry(event, values, forEvent);
        values.throwIfInvalid();
        return new DocketRow(row.line(), event, tribunalId, docketNumber, date, entry,
                DocketFingerprint.of(values.converted()));
    }

    private static DocketEntry entry(DocketEvent event, Values values, String forEvent) {
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

    private static String hearing(Values values, String forEvent) {
        return values.required("hearing", forEvent, text -> matching(HEARING, Patterns.HEARING_MESSAGE, text));
    }

    private static Victims victims(Values values, String forEvent) {
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
            values.error("women, girls, men, boys", e.getMessage());
            return null;
        }
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

    /** The cells of a row, their converted values, and what is wrong with them so far. */
    private static final class Values {

        private final Map<String, String> byColumn;
        private final Map<String, Object> converted = new HashMap<>();
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
                T value = convert.apply(text);
                converted.put(column, value);
                return value;
            } catch (IllegalArgumentException e) {
                error(column, e.getMessage());
                return null;
            }
        }

        /** Every value converted so far, by column. */
        Map<String, Object> converted() {
            return converted;
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
