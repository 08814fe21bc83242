package org.greffe.audit.application;

import java.time.Instant;
import java.util.Locale;

/**
 * Progress of a projection rebuild.
 *
 * @param state           {@code IDLE} (none ran), {@code RUNNING}, {@code DONE}, {@code FAILED}, or {@code SKIPPED}:
 *                        a build at start-up that found, once it held the processor's tokens, that the projection no
 *                        longer needed it (another instance had built it meanwhile)
 * @param method          how the projection is rebuilt: {@code bulk} (read case by case, replaced in one
 *                        transaction) or {@code replay} (its processor's tokens reset, the log replayed in order)
 * @param origin          who asked for it: {@code request} (an auditor, {@code POST /api/audit/rebuild}) or
 *                        {@code start-up} (Greffe itself, which found the projection far behind the log when it
 *                        started); {@code null} while {@code IDLE}
 * @param position        global position the rebuilt projection has reached: for a bulk rebuild 0 until the new
 *                        projection commits, then the head of the log it was built from
 * @param head            newest global position of the log: when the rebuild started, or for a bulk rebuild that is
 *                        done, the head of the snapshot it read
 * @param eventsRead      events folded so far (for a replay, the position reached)
 * @param percent         eventsRead / head × 100, capped at 100 (100 for an empty log, and once done)
 * @param eventsPerSecond events folded per second so far
 * @param startedAt       when the rebuild started, or {@code null}
 * @param finishedAt      when it finished, or {@code null}
 * @param failure         why it failed, or {@code null}
 */
public record RebuildStatus(State state, String method, String origin, long position, long head, long eventsRead,
                            double percent, double eventsPerSecond, Instant startedAt, Instant finishedAt,
                            String failure) {

    /** How a rebuild rebuilds. */
    public enum Method {
        /** Every case read from one snapshot, its record folded and written, all replaced in one transaction. */
        BULK,
        /** The processor's tokens reset and the whole log replayed through it in global order, batch by batch. */
        REPLAY;

        /** The name used in {@code greffe.audit.rebuild-method} and in the status. */
        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Reads a {@code greffe.audit.rebuild-method} value. */
        public static Method of(String label) {
            for (Method method : values()) {
                if (method.label().equals(label)) {
                    return method;
                }
            }
            throw new IllegalArgumentException("greffe.audit.rebuild-method must be bulk or replay, not '" + label
                    + "'");
        }
    }

    /** Who asked for a rebuild. */
    public enum Origin {
        /** An auditor, through {@code POST /api/audit/rebuild}. */
        REQUEST,
        /** Greffe at start-up, which found the projection far behind the log. */
        START_UP;

        /** The name shown in the status. */
        public String label() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Where a rebuild stands. */
    public enum State { IDLE, RUNNING, DONE, FAILED, SKIPPED }
}
