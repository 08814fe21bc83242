package org.greffe.events;

/**
 * Victims of a case as counts only: the event log never holds who they are.
 *
 * @param women adult women
 * @param girls girls under 18
 * @param men   adult men
 * @param boys  boys under 18
 */
public record Victims(int women, int girls, int men, int boys) {

    /** Upper bound for one count, far above any single case, to keep typing errors out of the statistics. */
    public static final int MAX_PER_GROUP = 10_000;

    public Victims {
        requireCount(women, "women");
        requireCount(girls, "girls");
        requireCount(men, "men");
        requireCount(boys, "boys");
        if (women + girls + men + boys == 0) {
            throw new IllegalArgumentException("a case has at least one victim");
        }
    }

    /** All victims of the case. */
    public int total() {
        return women + girls + men + boys;
    }

    private static void requireCount(int count, String group) {
        if (count < 0 || count > MAX_PER_GROUP) {
            throw new IllegalArgumentException(group + " must be between 0 and " + MAX_PER_GROUP);
        }
    }
}
