package org.greffe.caseload.web;

import org.greffe.caseload.application.BuildProgress;
import org.greffe.caseload.application.ProjectionPosition;
import org.springframework.http.HttpStatus;
import org.greffe.platform.web.WordedProblem;

import java.time.Duration;
import java.util.Locale;

/** A refusal of the caseload API, worded in the reader's language ({@link WordedProblem}). */
final class CaseloadProblem extends WordedProblem {

    private CaseloadProblem(HttpStatus status, String type, String title, String detail) {
        super(status, type, title, detail, "caseload.");
    }

    static CaseloadProblem of(HttpStatus status, String type, String title, String detail) {
        return new CaseloadProblem(status, type, title, detail);
    }

    /** The detail as a code of {@code org/greffe/caseload/messages} and its arguments. */
    @Override
    public CaseloadProblem worded(String code, Object... values) {
        super.worded(code, values);
        return this;
    }

    /**
     * Exact figures asked for while the projection is built from the start of the log: how far the build is (events
     * read of the log's head, in percent, also as the problem's {@code eventsRead}, {@code head}, {@code percent} and
     * {@code method}), and when to ask again ({@code Retry-After}: the time the rest takes at the rate so far, when a
     * bulk build reports it).
     */
    static CaseloadProblem building(ProjectionPosition.State state) {
        BuildProgress progress = state.progress();
        String detail = String.format(Locale.ROOT, "the caseload is %s: %,d of %,d events read (%.1f%%); its figures "
                + "are not final yet; retry in %d s", progress.bulk()
                ? "being built from the event log in bulk, since Greffe found it far behind the log when it started"
                : "being rebuilt from the event log, event by event", progress.eventsRead(), progress.head(),
                progress.percent(), progress.retryAfterSeconds());
        if (progress.bulk()) {
            detail += " (GET /api/audit/rebuild on the instance that builds it follows the build)";
        }
        CaseloadProblem building = of(HttpStatus.SERVICE_UNAVAILABLE, "rebuilding", "Caseload being built", detail)
                .worded(progress.bulk() ? "building-bulk" : "building-replay", progress.eventsRead(), progress.head(),
                        String.format(Locale.FRENCH, "%.1f", progress.percent()), progress.retryAfterSeconds());
        building.getBody().setProperty("method", progress.bulk() ? "bulk" : "replay");
        building.getBody().setProperty("eventsRead", progress.eventsRead());
        building.getBody().setProperty("head", progress.head());
        building.getBody().setProperty("percent", progress.percent());
        building.getHeaders().set("Retry-After", String.valueOf(progress.retryAfterSeconds()));
        building.getHeaders().set(CaseloadController.POSITION, String.valueOf(state.position()));
        building.getHeaders().set(CaseloadController.HEAD, String.valueOf(state.head()));
        return building;
    }

    /**
     * Exact figures asked for at a position the projection has not folded within the wait: where it stands
     * ({@code Greffe-Log-Position}, also {@code position}), and when to ask again ({@code Retry-After}).
     */
    static CaseloadProblem notReached(ProjectionPosition.State state, long atLeast, Duration waited) {
        CaseloadProblem late = of(HttpStatus.SERVICE_UNAVAILABLE, "position-not-reached", "Figures not up to date yet",
                String.format(Locale.ROOT, "the caseload has folded the event log up to position %d, not yet up to "
                        + "%d, after waiting %d ms; retry in a second with the same atLeast", state.position(),
                        atLeast, waited.toMillis())).worded("not-reached", String.valueOf(state.position()),
                String.valueOf(atLeast), waited.toMillis());
        late.getBody().setProperty("position", state.position());
        late.getBody().setProperty("head", state.head());
        late.getBody().setProperty("atLeast", atLeast);
        late.getHeaders().set("Retry-After", "1");
        late.getHeaders().set(CaseloadController.POSITION, String.valueOf(state.position()));
        late.getHeaders().set(CaseloadController.HEAD, String.valueOf(state.head()));
        return late;
    }

    /** Exact figures asked for at a position no stored event has: no wait would bring it. */
    static CaseloadProblem pastTheHead(ProjectionPosition.State state, long atLeast) {
        CaseloadProblem past = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                String.format(Locale.ROOT, "atLeast %d is past the newest event of the log (%d): send a position "
                        + "Greffe gave you, as an accepted command's %s header", atLeast, state.head(),
                        CaseloadController.POSITION)).worded("past-the-head", String.valueOf(atLeast),
                String.valueOf(state.head()));
        past.getHeaders().set(CaseloadController.HEAD, String.valueOf(state.head()));
        return past;
    }

    /**
     * Published figures asked for before the first monthly release is made, which waits until the projection has
     * read the whole log. While it is being built, the answer says how far in percent (also as {@code percent}):
     * never in events or log positions, which readers of the published figures are not given.
     */
    static CaseloadProblem releasePending(ProjectionPosition.State state) {
        if (!state.replaying()) {
            CaseloadProblem preparing = of(HttpStatus.SERVICE_UNAVAILABLE, "release-pending",
                    "Figures not released yet", "the first monthly release of the published figures is being "
                            + "prepared while Greffe reads its event log; retry in a few seconds")
                    .worded("release-preparing");
            preparing.getHeaders().set("Retry-After", String.valueOf(BuildProgress.DEFAULT_RETRY_SECONDS));
            return preparing;
        }
        BuildProgress progress = state.progress();
        // The release is made within seconds of the projection reaching the head.
        long retry = Math.max(progress.retryAfterSeconds(), BuildProgress.DEFAULT_RETRY_SECONDS);
        CaseloadProblem preparing = of(HttpStatus.SERVICE_UNAVAILABLE, "release-pending", "Figures not released yet",
                String.format(Locale.ROOT, "the first monthly release of the published figures is made once Greffe "
                        + "has read its event log into the caseload, which is %.1f%% done; retry in %d s",
                        progress.percent(), retry)).worded("release-pending",
                String.format(Locale.FRENCH, "%.1f", progress.percent()), retry);
        preparing.getBody().setProperty("percent", progress.percent());
        preparing.getHeaders().set("Retry-After", String.valueOf(retry));
        return preparing;
    }

    /**
     * Stall figures asked for while the case records were folded by a release that did not keep hearing outcomes and
     * suspension reasons: wrong figures are not served; a rebuild folds the records again under the definitions.
     */
    static CaseloadProblem stallsAwaitRebuild() {
        CaseloadProblem refused = of(HttpStatus.SERVICE_UNAVAILABLE, "stalls-await-rebuild",
                "Stall figures need a rebuild", "the caseload's records were folded by an earlier release that did "
                        + "not keep hearing outcomes and suspension reasons; an auditor rebuilds the projection "
                        + "(POST /api/audit/rebuild), after which these figures are served")
                .worded("stalls-await-rebuild");
        refused.getHeaders().set("Retry-After", String.valueOf(BuildProgress.DEFAULT_RETRY_SECONDS * 20));
        return refused;
    }

    /** A caller's value, safe to repeat in an answer: printable and at most 64 characters. */
    static String abbreviated(String value) {
        String printable = value.replaceAll("[\\p{Cntrl}\\p{Cs}\\p{Cf}]", "?");
        return printable.length() <= 64 ? printable : printable.substring(0, 64) + "...";
    }
}
