package org.greffe.app;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * Random dockets whose every row the registry accepts: cases filed, heard, adjourned, tried, suspended and resumed,
 * transferred, judged, dismissed, withdrawn and reopened, each case's rows in date order and within the rules of the
 * {@code Case} aggregate. Small tribunals with few cases a month are what a disclosure attack feeds on.
 */
final class RandomDocket {

    private static final String[] OFFENCES = {"RAPE", "RAPE", "RAPE", "SEXUAL_SLAVERY", "FORCED_MARRIAGE",
        "FORCED_PREGNANCY", "SEXUAL_MUTILATION", "FORCED_PROSTITUTION", "OTHER_SEXUAL_VIOLENCE"};
    private static final String[] ACCUSED = {"STATE_FORCES", "NON_STATE_ARMED_GROUP", "UNIDENTIFIED", "UNIDENTIFIED"};

    private static final String[] ADJOURNMENT_REASONS = {"ACCUSED_ABSENT", "WITNESS_ABSENT", "COUNSEL_ABSENT",
        "JUDGE_UNAVAILABLE", "SECURITY", "INVESTIGATION_INCOMPLETE", "OTHER"};
    private static final String[] SUSPENSION_REASONS = {"ACCUSED_AT_LARGE", "STAY_OF_PROCEEDINGS", "OTHER"};

    private final Random random;
    /** Reasons and incident dates, from a stream of their own: the cases' lives stay those of earlier dockets. */
    private final Random details;
    private final List<String> tribunals;
    private final String prefix;
    private final List<Row> rows = new ArrayList<>();
    private int cases;

    /**
     * @param seed      the dockets are the same for the same seed
     * @param tribunals where cases are filed and transferred
     * @param prefix    a docket-number prefix of capitals, distinct per docket so numbers never collide
     */
    RandomDocket(long seed, List<String> tribunals, String prefix) {
        this.random = new Random(seed);
        this.details = new Random(~seed);
        this.tribunals = tribunals;
        this.prefix = prefix;
    }

    /** Adds a case filed between the two days whose events all happen on or before {@code until}. */
    RandomDocket filedBetween(LocalDate first, LocalDate last, LocalDate until) {
        LocalDate filed = weekday(first.plusDays(random.nextInt((int) (last.toEpochDay() - first.toEpochDay()) + 1)));
        if (filed.isAfter(until)) {
            return this;
        }
        String tribunal = tribunals.get(random.nextInt(tribunals.size()));
        String docket = prefix + "-" + filed.getYear() + "-" + String.format("%04d", ++cases);
        int women = random.nextInt(3);
        int girls = random.nextInt(4) == 0 ? 1 : 0;
        int men = random.nextInt(12) == 0 ? 1 : 0;
        int boys = random.nextInt(15) == 0 ? 1 : 0;
        if (women + girls + men + boys == 0) {
            women = 1;
        }
        String accused = ACCUSED[random.nextInt(ACCUSED.length)];
        String incident = details.nextInt(4) == 0 ? ""
                : filed.minusDays(details.nextInt(3) == 0 ? details.nextInt(900) : details.nextInt(60)).toString();
        add(filed, docket, tribunal, "FILED", incident, OFFENCES[random.nextInt(OFFENCES.length)], women, girls, men,
                boys, accused, "", "", "", "", "", "");
        Life life = new Life(docket, tribunal, filed);
        for (int step = random.nextInt(8); step > 0; step--) {
            LocalDate day = weekday(life.day.plusDays(5 + random.nextInt(120)));
            if (day.isAfter(until)) {
                break;
            }
            life.next(day);
        }
        return this;
    }

    /** The docket as CSV, rows in date order. */
    String csv() {
        StringBuilder csv = new StringBuilder(
                "docketNumber,tribunalId,event,date,incidentOn,offence,women,girls,men,boys,accused,accusedGroup,"
                        + "hearing,hearingKind,reason,verdict,toTribunalId\n");
        rows.stream().sorted(Comparator.comparing(Row::day).thenComparing(Row::order))
            .forEach(row -> csv.append(row.text()).append('\n'));
        return csv.toString();
    }

    /** A row; for a filing, {@code hearing} holds the incident's date (or nothing). */
    private void add(LocalDate day, String docket, String filedAt, String event, String hearing, Object... rest) {
        StringBuilder text = new StringBuilder(docket).append(',').append(filedAt).append(',').append(event)
                                                      .append(',').append(day);
        if (event.equals("FILED")) {
            text.append(',').append(hearing).append(',');
            for (Object value : rest) {
                text.append(value).append(',');
            }
            text.setLength(text.length() - 1);
        } else {
            text.append(",,,,,,,,,").append(hearing);
            for (Object value : rest) {
                text.append(',').append(value);
            }
        }
        rows.add(new Row(day, rows.size(), text.toString()));
    }

    private static LocalDate weekday(LocalDate day) {
        return day.getDayOfWeek() == DayOfWeek.SATURDAY ? day.plusDays(2)
                : day.getDayOfWeek() == DayOfWeek.SUNDAY ? day.plusDays(1) : day;
    }

    private record Row(LocalDate day, int order, String text) {
    }

    /** One case's state, so that each next event is one the rules allow. */
    private final class Life {

        private final String docket;
        private final String filedAt;
        private String tribunal;
        private LocalDate day;
        private boolean suspended;
        private boolean disposed;
        private boolean triedHere;
        private int hearings;

        Life(String docket, String tribunal, LocalDate filed) {
            this.docket = docket;
            this.filedAt = tribunal;
            this.tribunal = tribunal;
            this.day = filed;
        }

        void next(LocalDate on) {
            day = on;
            if (disposed) {
                if (random.nextInt(3) == 0) {
                    row("REOPENED", "", "", "NEW_EVIDENCE", "", "");
                    disposed = false;
                    triedHere = false;
                }
                return;
            }
            if (suspended) {
                row("RESUMED", "", "", "", "", "");
                suspended = false;
                return;
            }
            switch (random.nextInt(9)) {
                case 0, 1 -> hearing(random.nextBoolean() ? "TRIAL" : "PRELIMINARY", random.nextBoolean());
                case 2 -> hearing("TRIAL", true);
                case 3 -> {
                    row("SUSPENDED", "", "", SUSPENSION_REASONS[details.nextInt(SUSPENSION_REASONS.length)], "",
                            "");
                    suspended = true;
                }
                case 4 -> {
                    String to = tribunals.get((tribunals.indexOf(tribunal) + 1 + random.nextInt(tribunals.size() - 1))
                            % tribunals.size());
                    row("TRANSFERRED", "", "", "", "", to);
                    tribunal = to;
                    triedHere = false;
                }
                case 5, 6 -> {
                    if (triedHere) {
                        row("JUDGMENT", "", "", "", random.nextBoolean() ? "CONVICTION" : "ACQUITTAL", "");
                    } else {
                        row("DISMISSED", "", "", "INSUFFICIENT_EVIDENCE", "", "");
                    }
                    disposed = true;
                }
                case 7 -> {
                    row("WITHDRAWN", "", "", "", "", "");
                    disposed = true;
                }
                default -> hearing("TRIAL", false);
            }
        }

        private void hearing(String kind, boolean held) {
            String reference = "H" + ++hearings;
            row("HEARING_SCHEDULED", reference, kind, "", "", "");
            if (held) {
                row("HEARING_HELD", reference, "", "", "", "");
                triedHere |= kind.equals("TRIAL");
            } else {
                String reason = ADJOURNMENT_REASONS[details.nextInt(ADJOURNMENT_REASONS.length)];
                row("HEARING_ADJOURNED", reference, "", reason, "", "");
            }
        }

        private void row(String event, String hearing, String kind, String reason, String verdict, String to) {
            add(day, docket, filedAt, event, hearing, kind, reason, verdict, to);
        }
    }
}
