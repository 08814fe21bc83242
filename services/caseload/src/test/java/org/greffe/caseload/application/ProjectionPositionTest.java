package org.greffe.caseload.application;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.Segment;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.greffe.platform.eventlog.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionPositionTest {

    private static final JacksonSerializer SERIALIZER = JacksonSerializer.defaultSerializer();

    private static GapAwareTrackingToken token(long index, Long... gaps) {
        return GapAwareTrackingToken.newInstance(index, List.of(gaps));
    }

    private static TokenTable.StoredToken segment(int id, TrackingToken token) {
        SerializedObject<byte[]> stored = SERIALIZER.serialize(token, byte[].class);
        return new TokenTable.StoredToken(id, token, stored.getData(), stored.getType().getName());
    }

    /** Aggregates whose events segment 0 (of two) handles, and segment 1. */
    private static final String EVEN = "b";
    private static final String ODD = "a";
    private static final Segment FIRST = Segment.computeSegment(0, 0, 1);
    private static final Segment SECOND = Segment.computeSegment(1, 0, 1);

    /** Stored events read up to {@code readTo}: pairs of a global index and its aggregate ({@code null}: none). */
    private static TokenTable.Appended appended(long readTo, Object... indexThenAggregate) {
        SortedMap<Long, Optional<String>> events = new TreeMap<>();
        for (int i = 0; i < indexThenAggregate.length; i += 2) {
            events.put(((Number) indexThenAggregate[i]).longValue(),
                    Optional.ofNullable((String) indexThenAggregate[i + 1]));
        }
        return new TokenTable.Appended(events, readTo);
    }

    /** Generation 3, the log's head at 12. */
    private static ProjectionPosition.State state(TokenTable.Appended appended, TokenTable.StoredToken... segments) {
        return ProjectionPosition.of(3, new TokenTable.Reading(List.of(segments), 12), appended);
    }

    @Test
    void aTokenWithoutStoredGapsHasFoldedEverythingUpToItsIndex() {
        assertThat(ProjectionPosition.folded(Segment.ROOT_SEGMENT, token(12), appended(12))).isEqualTo(12);
        assertThat(ProjectionPosition.folded(Segment.ROOT_SEGMENT, token(12, 5L, 9L), appended(12)))
                .as("gaps nobody committed into").isEqualTo(12);
        assertThat(ProjectionPosition.folded(Segment.ROOT_SEGMENT, null, appended(12, 3, EVEN))).isZero();
    }

    @Test
    void aStoredEventInAGapStopsThePositionJustBelowIt() {
        assertThat(ProjectionPosition.folded(Segment.ROOT_SEGMENT, token(12, 5L, 9L), appended(12, 9, EVEN)))
                .isEqualTo(8);
        assertThat(ProjectionPosition.folded(Segment.ROOT_SEGMENT, token(12, 5L, 9L), appended(12, 5, ODD, 9, EVEN)))
                .isEqualTo(4);
        assertThat(ProjectionPosition.folded(Segment.ROOT_SEGMENT,
                ReplayToken.createReplayToken(token(20), token(12, 9L)), appended(12, 9, EVEN)))
                .as("a replay's current token").isEqualTo(8);
    }

    @Test
    void aSegmentIsNotHeldBackByAnotherSegmentsEvents() {
        assertThat(ProjectionPosition.folded(SECOND, token(10), appended(12, 11, EVEN, 12, EVEN)))
                .as("the events above its token are the other segment's").isEqualTo(12);
        assertThat(ProjectionPosition.folded(SECOND, token(10), appended(12, 11, EVEN, 12, ODD)))
                .as("its own event at 12 is still to fold").isEqualTo(11);
        assertThat(ProjectionPosition.folded(FIRST, token(10), appended(12, 11, ODD, 12, null)))
                .as("an event outside any aggregate may be anyone's").isEqualTo(11);
        assertThat(ProjectionPosition.folded(FIRST, token(12, 9L), appended(12, 9, ODD)))
                .as("a late event in its gap that the other segment folds").isEqualTo(12);
        assertThat(ProjectionPosition.folded(FIRST, token(10), appended(11, 11, ODD)))
                .as("no further than the events read").isEqualTo(11);
    }

    @Test
    void theLowestSegmentGivesThePosition() {
        ProjectionPosition.State state = state(appended(12, 9, EVEN), segment(0, token(12, 9L)),
                segment(1, token(12)));

        assertThat(state.position()).isEqualTo(8);
        assertThat(state.head()).isEqualTo(12);
        assertThat(state.replaying()).isFalse();
    }

    @Test
    void aSegmentWhoseTokenLagsOnlyBehindTheOtherSegmentsEventsHoldsNoPositionBack() {
        ProjectionPosition.State state = state(appended(12, 11, EVEN, 12, EVEN), segment(0, token(12)),
                segment(1, token(10)));

        assertThat(state.position()).isEqualTo(12);
        assertThat(state.version()).as("the version names the tokens as stored").startsWith("g3 0:12 1:10 #");
    }

    @Test
    void foldingALateEventIntoAGapChangesTheVersionThoughNoIndexMoves() {
        ProjectionPosition.State before = state(appended(12), segment(0, token(12, 9L)), segment(1, token(12, 9L)));
        ProjectionPosition.State after = state(appended(12), segment(0, token(12)), segment(1, token(12)));

        assertThat(after.position()).isEqualTo(before.position()).isEqualTo(12);
        assertThat(after.version()).isNotEqualTo(before.version()).startsWith("g3 0:12 1:12 #");
    }

    @Test
    void theSameTokensGiveTheSameVersion() {
        assertThat(state(appended(12), segment(0, token(12, 9L))).version())
                .isEqualTo(state(appended(12), segment(0, token(12, 9L))).version());
    }

    @Test
    void theGenerationIsTheOneReadWithTheTokens() {
        List<TokenTable.Reading> readings = new ArrayList<>(List.of(
                new TokenTable.Reading(List.of(segment(0, token(7))), 12, 4)));
        TokenTable tokens = new TokenTable(null, SERIALIZER) {
            @Override
            public Reading read(String processorName, String alongside) {
                assertThat(alongside).isEqualTo("SELECT generation FROM caseload_generation");
                return readings.remove(0);
            }

            @Override
            public Appended appended(Collection<Long> indexes, long after, long upTo, int limit) {
                return everyoneNext(after, upTo);
            }
        };

        ProjectionPosition.State state = new ProjectionPosition(tokens, "SELECT generation FROM caseload_generation",
                "caseload", new Reported(null)).state();

        assertThat(state.version()).as("the rebuild's tokens with the rebuild's generation").startsWith("g4 0:7 #");
        assertThat(state.position()).isEqualTo(7);
        assertThat(readings).isEmpty();
    }

    @Test
    void aProjectionBehindTheLogWhileABulkBuildReportsIsBeingBuilt() {
        BuildProgress build = new BuildProgress(true, 5_000, 12_000, 50_000);

        ProjectionPosition.State state = position(new TokenTable.Reading(List.of(segment(0, null)), 12_000),
                new Reported(build)).state();

        assertThat(state.replaying()).as("its figures are not final").isTrue();
        assertThat(state.position()).isZero();
        assertThat(state.progress()).isEqualTo(build);
    }

    @Test
    void aProjectionWithoutTokensIsBeingBuiltWhileABulkBuildReports() {
        BuildProgress build = new BuildProgress(true, 0, 12_000, 0);

        ProjectionPosition.State state = position(new TokenTable.Reading(List.of(), 12_000), new Reported(build))
                .state();

        assertThat(state.replaying()).isTrue();
        assertThat(state.progress()).isEqualTo(build);
    }

    @Test
    void aProjectionThatReachedTheHeadIsNotWaitingForABuildWhateverWasReported() {
        Reported reported = new Reported(new BuildProgress(true, 11_000, 12_000, 50_000));

        ProjectionPosition.State state = position(new TokenTable.Reading(List.of(segment(0, token(12_000))), 12_000),
                reported).state();

        assertThat(state.replaying()).isFalse();
        assertThat(state.bulkBuild()).isNull();
        assertThat(reported.asked).as("no read of the report once caught up").isZero();
    }

    @Test
    void withoutABulkBuildTheProgressIsWhereTheReplayStands() {
        ProjectionPosition.State state = position(new TokenTable.Reading(List.of(
                segment(0, ReplayToken.createReplayToken(token(12_000), token(3_000)))), 12_000), new Reported(null))
                .state();

        assertThat(state.replaying()).isTrue();
        assertThat(state.progress()).isEqualTo(new BuildProgress(false, 3_000, 12_000, 0));
    }

    /** The event right above the lowest token is one that every segment may handle. */
    private static TokenTable.Appended everyoneNext(long after, long upTo) {
        return after < upTo ? appended(upTo, after + 1, null) : appended(upTo);
    }

    private static ProjectionPosition position(TokenTable.Reading reading, CatchUpProgress catchUps) {
        TokenTable tokens = new TokenTable(null, SERIALIZER) {
            @Override
            public Reading read(String processorName, String alongside) {
                return reading;
            }

            @Override
            public Appended appended(Collection<Long> indexes, long after, long upTo, int limit) {
                return everyoneNext(after, upTo);
            }
        };
        return new ProjectionPosition(tokens, "SELECT 0", "caseload", catchUps);
    }

    /** A bulk build's report as read, or none. */
    private static final class Reported implements CatchUpProgress {

        private final BuildProgress build;
        private int asked;

        Reported(BuildProgress build) {
            this.build = build;
        }

        @Override
        public void report(BuildProgress progress) {
            throw new UnsupportedOperationException("readers only read");
        }

        @Override
        public void ended() {
            throw new UnsupportedOperationException("readers only read");
        }

        @Override
        public Optional<BuildProgress> current() {
            asked++;
            return Optional.ofNullable(build);
        }
    }
}
