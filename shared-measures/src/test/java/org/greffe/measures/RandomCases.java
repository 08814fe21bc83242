package org.greffe.measures;

import org.greffe.events.AccusedAffiliation;
import org.greffe.events.AdjournmentReason;
import org.greffe.events.OffenceCategory;
import org.greffe.events.SuspensionReason;
import org.greffe.events.Victims;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Cases with random but plausible lives at a few tribunals: filed, tried, suspended, moved, disposed, reopened. */
final class RandomCases {

    static final List<String> TRIBUNALS = List.of("t1", "t2", "t3");

    private RandomCases() {
    }

    static List<CaseRecord> records(long seed, int count) {
        Random random = new Random(seed);
        // Reasons and incident dates come from a stream of their own: the lives stay those of earlier dockets.
        Random details = new Random(~seed);
        List<CaseRecord> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            records.add(life("c" + i, random, details).record());
        }
        return records;
    }

    private static Cases life(String id, Random random, Random details) {
        String tribunal = TRIBUNALS.get(random.nextInt(TRIBUNALS.size()));
        LocalDate day = LocalDate.of(2015, 1, 1).plusDays(random.nextInt(1800));
        OffenceCategory offence = random.nextInt(3) == 0
                ? OffenceCategory.values()[random.nextInt(OffenceCategory.values().length)] : OffenceCategory.RAPE;
        AccusedAffiliation accused = AccusedAffiliation.values()[random.nextInt(AccusedAffiliation.values().length)];
        Victims victims = new Victims(1 + random.nextInt(3), random.nextInt(2), random.nextInt(5) == 0 ? 1 : 0,
                random.nextInt(7) == 0 ? 1 : 0);
        Cases cases = Cases.filed(id, tribunal, day.toString(), offence, accused, victims);
        if (details.nextInt(4) != 0) {
            cases.incidentOn(day.minusDays(details.nextInt(3) == 0 ? details.nextInt(900) : details.nextInt(60))
                                .toString());
        }
        boolean disposed = false;
        boolean suspended = false;
        for (int step = random.nextInt(7); step > 0; step--) {
            day = day.plusDays(1 + random.nextInt(200));
            String on = day.toString();
            if (disposed) {
                if (random.nextInt(4) != 0) {
                    break;
                }
                cases.reopened(on);
                disposed = false;
            } else if (suspended) {
                cases.resumed(on);
                suspended = false;
            } else {
                switch (random.nextInt(7)) {
                    case 0 -> cases.trialSet(on).adjourned(on, pick(AdjournmentReason.values(), details));
                    case 1 -> cases.trialSet(on).held(on);
                    case 2 -> {
                        cases.suspended(on, pick(SuspensionReason.values(), details));
                        suspended = true;
                    }
                    case 3 -> {
                        String to = TRIBUNALS.get((TRIBUNALS.indexOf(tribunal) + 1) % TRIBUNALS.size());
                        cases.transferred(on, tribunal, to);
                        tribunal = to;
                    }
                    case 4 -> {
                        cases.trialSet(on).trialSet(on).held(on).judged(day.plusDays(random.nextInt(30)).toString());
                        day = day.plusDays(30);
                        disposed = true;
                    }
                    case 5 -> {
                        cases.dismissed(on);
                        disposed = true;
                    }
                    default -> {
                        cases.preliminarySet(on);
                        if (details.nextBoolean()) {
                            cases.adjourned(on, pick(AdjournmentReason.values(), details));
                        }
                    }
                }
            }
        }
        return cases;
    }

    private static <T> T pick(T[] values, Random random) {
        return values[random.nextInt(values.length)];
    }
}
