package org.greffe.caseload.application;

import org.axonframework.eventhandling.GapAwareTrackingToken;
import org.axonframework.eventhandling.ReplayToken;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.greffe.platform.eventlog.TokenTable;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

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

    /** Generation 3, the log's head at 12. */
    private static ProjectionPosition.State state(Set<Long> storedGaps, TokenTable.StoredToken... segments) {
        return ProjectionPosition.of(3, new TokenTable.Reading(List.of(segments), 12), storedGaps);
    }

    @Test
    void aTokenWithoutStoredGapsHasFoldedEverythingUpToItsIndex() {
        assertThat(ProjectionPosition.folded(token(12), Set.of())).isEqualTo(12);
        assertThat(ProjectionPosition.folded(token(12, 5L, 9L), Set.of())).as("gaps nobody committed into")
                                                                          .isEqualTo(12);
        assertThat(ProjectionPosition.folded(null, Set.of())).isZero();
    }

    @Test
    void aStoredEventInAGapStopsThePositionJustBelowIt() {
        assertThat(ProjectionPosition.folded(token(12, 5L, 9L), Set.of(9L))).isEqualTo(8);
        assertThat(ProjectionPosition.folded(token(12, 5L, 9L), Set.of(5L, 9L))).isEqualTo(4);
        assertThat(ProjectionPosition.folded(ReplayToken.createReplayToken(token(20), token(12, 9L)), Set.of(9L)))
                .as("a replay's current token").isEqualTo(8);
    }

    @Test
    void theLowestSegmentGivesThePosition() {
        ProjectionPosition.State state = state(Set.of(9L), segment(0, token(12, 9L)), segment(1, token(12)));

        assertThat(state.position()).isEqualTo(8);
        assertThat(state.head()).isEqualTo(12);
        assertThat(state.replaying()).isFalse();
    }

    @Test
    void foldingALateEventIntoAGapChangesTheVersionThoughNoIndexMoves() {
        ProjectionPosition.State before = state(Set.of(), segment(0, token(12, 9L)), segment(1, token(12, 9L)));
        ProjectionPosition.State after = state(Set.of(), segment(0, token(12)), segment(1, token(12)));

        assertThat(after.position()).isEqualTo(before.position()).isEqualTo(12);
        assertThat(after.version()).isNotEqualTo(before.version()).startsWith("g3 0:12 1:12 #");
    }

    @Test
    void theSameTokensGiveTheSameVersion() {
        assertThat(state(Set.of(), segment(0, token(12, 9L))).version())
                .isEqualTo(state(Set.of(), segment(0, token(12, 9L))).version());
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
            public Set<Long> stored(Collection<Long> indexes) {
                return Set.of();
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

    private static ProjectionPosition position(TokenTable.Reading reading, CatchUpProgress catchUps) {
        TokenTable tokens = new TokenTable(null, SERIALIZER) {
            @Override
            public Reading read(String processorName, String alongside) {
                return reading;
            }

            @Override
            public Set<Long> stored(Collection<Long> indexes) {
                return Set.of();
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
